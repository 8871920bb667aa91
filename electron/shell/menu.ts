// The Chinese application menu as plain data. main.ts turns `id` items into click handlers and hands
// the rest to Menu.buildFromTemplate; roles give the standard behaviour and shortcuts for free.
import path from 'node:path';
import type { RecentDatabase } from '../backup/databaseFiles';

export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'quit';

/** Items whose action main performs itself. */
export type MenuCommand = 'print' | 'about' | 'newDatabase' | 'openDatabase';

export type MenuItemSpec =
  | { type: 'separator' }
  | { role: MenuRole; label: string; accelerator?: string }
  | { id: MenuCommand; label: string; accelerator?: string }
  | { id: 'openRecent'; path: string; label: string }
  | { label: string; submenu: MenuItemSpec[]; enabled?: boolean };

export interface MenuSpec {
  label: string;
  submenu: MenuItemSpec[];
}

export interface AppInfo {
  name: string;
  version: string;
  /** Adds 强制重新加载 and 开发者工具 to 视图, for running from source. */
  developer?: boolean;
  /** 文件 › 最近打开, newest first. */
  recent?: readonly RecentDatabase[];
}

const separator = { type: 'separator' } as const;

/** 最近打开: the file name first (what people recognise), the folder after it, 示例 marked. */
function recentMenu(recent: readonly RecentDatabase[]): MenuItemSpec {
  const items: MenuItemSpec[] = recent.map((entry) => ({
    id: 'openRecent',
    path: entry.path,
    label: `${entry.sample ? '【示例】' : ''}${path.basename(entry.path)}　${path.dirname(entry.path)}`,
  }));
  return { label: '最近打开', submenu: items, enabled: items.length > 0 };
}

export function menuTemplate(appInfo: AppInfo): MenuSpec[] {
  const developerItems: MenuItemSpec[] = appInfo.developer
    ? [
        { role: 'forceReload', label: '强制重新加载', accelerator: 'CmdOrCtrl+Shift+R' },
        { role: 'toggleDevTools', label: '开发者工具', accelerator: 'F12' },
      ]
    : [];
  return [
    {
      label: '文件(&F)',
      submenu: [
        { id: 'newDatabase', label: '新建数据库…', accelerator: 'CmdOrCtrl+N' },
        { id: 'openDatabase', label: '打开数据库…', accelerator: 'CmdOrCtrl+O' },
        recentMenu(appInfo.recent ?? []),
        separator,
        { id: 'print', label: '打印…', accelerator: 'CmdOrCtrl+P' },
        separator,
        { role: 'quit', label: '退出', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { role: 'undo', label: '撤销', accelerator: 'CmdOrCtrl+Z' },
        { role: 'redo', label: '重做', accelerator: 'CmdOrCtrl+Y' },
        separator,
        { role: 'cut', label: '剪切', accelerator: 'CmdOrCtrl+X' },
        { role: 'copy', label: '复制', accelerator: 'CmdOrCtrl+C' },
        { role: 'paste', label: '粘贴', accelerator: 'CmdOrCtrl+V' },
        separator,
        { role: 'selectAll', label: '全选', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        { role: 'reload', label: '重新加载', accelerator: 'CmdOrCtrl+R' },
        ...developerItems,
        separator,
        { role: 'resetZoom', label: '实际大小', accelerator: 'CmdOrCtrl+0' },
        { role: 'zoomIn', label: '放大', accelerator: 'CmdOrCtrl+=' },
        { role: 'zoomOut', label: '缩小', accelerator: 'CmdOrCtrl+-' },
        separator,
        { role: 'togglefullscreen', label: '全屏', accelerator: 'F11' },
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [{ id: 'about', label: `关于${appInfo.name}` }],
    },
  ];
}

/** The 关于 dialog's text. */
export function aboutMessage(appInfo: AppInfo): { title: string; message: string; detail: string } {
  return {
    title: `关于${appInfo.name}`,
    message: `${appInfo.name} · 预算绩效管理（县级离线版）`,
    detail: `版本 ${appInfo.version}\n数据只保存在本机，不连接互联网。`,
  };
}
