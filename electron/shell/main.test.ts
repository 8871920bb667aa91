// Runs the Electron glue in main.ts against a stand-in for the electron module, so the wiring (DB,
// protocol, IPC, hardening, menu, downloads) is checked where the Electron binary cannot run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, state } from '../testSupport/fakeElectron';

type Listener = (...args: any[]) => unknown;

vi.mock('electron', async () => {
  const { electron } = await import('../testSupport/fakeElectron');
  return { ...electron, default: electron };
});

let tempDir: string;
let dbPath: string;

const trustedEvent = (url = 'app://jixiao/index.html', parent: unknown = null) => ({
  sender: { id: 1, once: () => undefined },
  senderFrame: { url, parent },
});

beforeAll(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-main-'));
  dbPath = path.join(tempDir, 'jixiao.db');
  vi.stubEnv('JIXIAO_DATA_DIR', tempDir);
  vi.stubEnv('JIXIAO_DB', dbPath);
  await import('./main');
  await state.ready;
  await new Promise((resolve) => setTimeout(resolve, 0));
});

afterAll(() => {
  state.appEvents.get('will-quit')?.();
  vi.unstubAllEnvs();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe('Electron main wiring', () => {
  it('keeps its data in the same folder as the CLI and the web bridge', () => {
    expect(state.userData).toBe(tempDir);
    expect(fs.existsSync(dbPath)).toBe(true);
    expect(state.errorBoxes).toEqual([]);
  });

  it('registers app:// as a privileged scheme and serves it', () => {
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(state.protocols.has('app')).toBe(true);
  });

  it('opens one sandboxed window on the app’s own page', () => {
    expect(state.windows).toHaveLength(1);
    const [window] = state.windows;
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(window?.options.webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(window?.loaded).toEqual(['app://jixiao/index.html']);
  });

  it('answers a call from the app page through the shared router', async () => {
    const invoke = state.ipc.get('jixiao:invoke');
    const result = await invoke?.(trustedEvent(), { channel: 'app.info', input: {} });
    expect(result).toMatchObject({ ok: true, value: { transport: 'electron', dbPath } });
  });

  it('answers the page through the real preload, which exposes only invoke', async () => {
    const page = state.windows[0]!.window.webContents;
    await state.pageLoaded;
    expect(await page.executeJavaScript('Object.keys(window.jixiao)')).toEqual(['invoke']);
    expect(await page.executeJavaScript('window.jixiao.invoke("app.info", {})')).toMatchObject({ ok: true, value: { transport: 'electron' } });
  });

  it('brings the minimised window to the front when a second copy starts', () => {
    const window = state.windows[0]!.window as FakeBrowserWindow;
    window.minimized = true;
    window.visible = false;
    state.appEvents.get('second-instance')?.({}, ['jixiao.exe'], 'C:\\Users\\张 三');
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
  });

  it('refuses a call from a nested frame or a foreign page', async () => {
    const invoke = state.ipc.get('jixiao:invoke');
    const nested = await invoke?.(trustedEvent('app://jixiao/index.html', {}), { channel: 'app.info' });
    const foreign = await invoke?.(trustedEvent('https://example.com/'), { channel: 'app.info' });
    expect(nested).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('survives a malformed request', async () => {
    const invoke = state.ipc.get('jixiao:invoke');
    expect(await invoke?.(trustedEvent(), 'nonsense')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('answers 404 in Chinese for a file the renderer does not have', async () => {
    const serve = state.protocols.get('app');
    const response = (await serve?.(new Request('app://jixiao/assets/missing.js'))) as Response;
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('找不到该页面');
  });

  it('hardens every web contents: no navigation away, no new windows, no webviews', () => {
    const listeners = new Map<string, Listener>();
    const opened: { handler?: Listener } = {};
    const contents = {
      on: (event: string, listener: Listener) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: Listener) => (opened.handler = handler),
    };
    state.appEvents.get('web-contents-created')?.({}, contents);
    const navigate = (event: string, url: string) => {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ url, preventDefault });
      return preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-navigate', 'app://jixiao/index.html')).toBe(false);
    expect(navigate('will-redirect', 'http://example.com/')).toBe(true);
    expect(navigate('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(opened.handler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const attach = vi.fn();
    listeners.get('will-attach-webview')?.({ preventDefault: attach });
    expect(attach).toHaveBeenCalled();
  });

  it('refuses every permission request and check', () => {
    const callback = vi.fn();
    state.permissionRequest?.({}, 'media', callback, { requestingUrl: 'app://jixiao/' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(state.permissionCheck?.({}, 'notifications', 'app://jixiao', {})).toBe(false);
  });

  it('cancels requests to the network and the disk', () => {
    const callback = vi.fn();
    state.beforeRequest?.listener({ url: 'https://cdn.example.com/x.js' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
    expect(state.beforeRequest?.filter.urls).toContain('file:///*');
  });

  it('shows a Chinese save dialog for a download', () => {
    const setSaveDialogOptions = vi.fn();
    const item = { getFilename: () => '绩效目标.xlsx', setSaveDialogOptions, once: vi.fn() };
    state.sessionEvents.get('will-download')?.({}, item);
    expect(setSaveDialogOptions).toHaveBeenCalledWith(expect.objectContaining({ title: '保存文件' }));
    const done = item.once.mock.calls[0]?.[1] as Listener;
    done({}, 'interrupted');
    expect(state.errorBoxes.at(-1)?.[0]).toBe('保存失败');
    state.errorBoxes.length = 0;
  });

  it('leaves a finished download readable by its owner only', () => {
    const saved = path.join(tempDir, '绩效目标.xlsx');
    fs.writeFileSync(saved, 'xlsx', { mode: 0o644 });
    const item = { getFilename: () => '绩效目标.xlsx', getSavePath: () => saved, setSaveDialogOptions: vi.fn(), once: vi.fn() };
    state.sessionEvents.get('will-download')?.({}, item);
    (item.once.mock.calls[0]?.[1] as Listener)({}, 'completed');
    if (process.platform !== 'win32') expect(fs.statSync(saved).mode & 0o777).toBe(0o600);
    expect(state.errorBoxes).toEqual([]);
  });

  it('installs the Chinese menu with a working 关于 item', () => {
    const labels = (state.menu as { label: string }[]).map((menu) => menu.label);
    expect(labels).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    const help = (state.menu as { submenu: { label: string; click?: () => void }[] }[])[3];
    help?.submenu[0]?.click?.();
    expect(state.messageBoxes.at(-1)).toMatchObject({ title: '关于绩效' });
  });

  it('closes the database on quit, leaving no WAL behind', () => {
    state.appEvents.get('will-quit')?.();
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
  });

  it('shows the store’s Chinese message in a native error box and quits when the database cannot open', async () => {
    const notADatabase = path.join(tempDir, 'broken.db');
    fs.writeFileSync(notADatabase, 'this is not sqlite '.repeat(100));
    vi.stubEnv('JIXIAO_DB', notADatabase);
    const windowsBefore = state.windows.length;
    state.errorBoxes.length = 0;
    vi.resetModules();
    await import('./main');
    await state.ready;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.errorBoxes).toHaveLength(1);
    expect(state.errorBoxes[0]?.[0]).toBe('绩效无法启动');
    expect(state.errorBoxes[0]?.[1]).toContain('不是绩效软件的数据库文件');
    expect(state.exitCodes).toEqual([1]);
    expect(state.windows).toHaveLength(windowsBefore);
  });
});
