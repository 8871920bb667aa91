import { describe, expect, it } from 'vitest';
import { aboutMessage, menuTemplate, type MenuItemSpec } from './menu';

const info = { name: '绩效', version: '1.2.3' };
const nested = (list: MenuItemSpec[]): MenuItemSpec[] => list.flatMap((item) => ('submenu' in item ? [item, ...nested(item.submenu)] : [item]));
const items = (template = menuTemplate(info)): MenuItemSpec[] => nested(template.flatMap((menu) => menu.submenu));
type Command = Extract<MenuItemSpec, { role: string } | { id: string }>;
const labelled = (list: MenuItemSpec[]) => list.filter((item): item is Exclude<MenuItemSpec, { type: 'separator' }> => !('type' in item));
const commands = (list: MenuItemSpec[]) => list.filter((item): item is Command => 'role' in item || 'id' in item);
const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

describe('menuTemplate', () => {
  it('has 文件, 编辑, 视图 and 帮助 menus in that order', () => {
    expect(menuTemplate(info).map((menu) => menu.label.replace(/\(&.\)$/, ''))).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('labels every menu and item in Chinese', () => {
    for (const menu of menuTemplate(info)) expect(hasHan(menu.label)).toBe(true);
    for (const item of labelled(items())) expect(hasHan(item.label), item.label).toBe(true);
  });

  it('gives every item either a standard role, a command id or a submenu', () => {
    for (const item of labelled(items())) {
      expect('role' in item || 'id' in item || 'submenu' in item, item.label).toBe(true);
    }
  });

  it('creates and opens databases from 文件, with the recent files newest first and 示例 marked', () => {
    const recent = [
      { path: '/data/jixiao/示例数据库.db', sample: true, openedAt: '2026-12-01T10:00:00.000Z' },
      { path: '/data/轮台县.db', sample: false, openedAt: '2026-11-30T10:00:00.000Z' },
    ];
    const file = menuTemplate({ ...info, recent })[0]!.submenu;
    expect(file.slice(0, 2)).toEqual([
      { id: 'newDatabase', label: '新建数据库…', accelerator: 'CmdOrCtrl+N' },
      { id: 'openDatabase', label: '打开数据库…', accelerator: 'CmdOrCtrl+O' },
    ]);
    expect(file[2]).toEqual({
      label: '最近打开',
      enabled: true,
      submenu: [
        { id: 'openRecent', path: '/data/jixiao/示例数据库.db', label: '【示例】示例数据库.db　/data/jixiao' },
        { id: 'openRecent', path: '/data/轮台县.db', label: '轮台县.db　/data' },
      ],
    });
  });

  it('greys out 最近打开 while nothing was opened yet', () => {
    expect(menuTemplate(info)[0]!.submenu[2]).toEqual({ label: '最近打开', enabled: false, submenu: [] });
  });

  it('prints with Ctrl+P from the 文件 menu', () => {
    expect(menuTemplate(info)[0]?.submenu).toContainEqual({ id: 'print', label: '打印…', accelerator: 'CmdOrCtrl+P' });
  });

  it('offers the standard editing commands', () => {
    const roles = commands(menuTemplate(info)[1]?.submenu ?? []).map((item) => ('role' in item ? item.role : item.id));
    expect(roles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers reload, zoom and full screen in 视图', () => {
    const roles = commands(menuTemplate(info)[2]?.submenu ?? []).map((item) => ('role' in item ? item.role : item.id));
    expect(roles).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('keeps developer tools out of the menu unless running from source', () => {
    const roles = (template: ReturnType<typeof menuTemplate>) =>
      labelled(items(template)).flatMap((item) => ('role' in item ? [item.role] : []));
    expect(roles(menuTemplate(info))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate({ ...info, developer: true }))).toContain('toggleDevTools');
  });

  it('uses each shortcut once', () => {
    const accelerators = commands(items(menuTemplate({ ...info, developer: true }))).flatMap((item) => ('accelerator' in item ? (item.accelerator ?? []) : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('names the about item after the app', () => {
    expect(menuTemplate(info)[3]?.submenu).toEqual([{ id: 'about', label: '关于绩效' }]);
  });
});

describe('aboutMessage', () => {
  it('shows the version', () => {
    const about = aboutMessage(info);
    expect(about.title).toBe('关于绩效');
    expect(about.detail).toContain('版本 1.2.3');
  });
});
