// The Chinese application menu as plain data. main.ts turns `id` items into click handlers and hands
// the rest to Menu.buildFromTemplate; roles give the standard behaviour and shortcuts for free.

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
export type MenuCommand = 'print' | 'about';

export type MenuItemSpec =
  | { type: 'separator' }
  | { role: MenuRole; label: string; accelerator?: string }
  | { id: MenuCommand; label: string; accelerator?: string };

export interface MenuSpec {
  label: string;
  submenu: MenuItemSpec[];
}

export interface AppInfo {
  name: string;
  version: string;
  /** Adds 强制重新加载 and 开发者工具 to 视图, for running from source. */
  developer?: boolean;
}

const separator = { type: 'separator' } as const;

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
