// Electron main process: thin glue between Electron events and the pure decisions in security.ts,
// appProtocol.ts, menu.ts, downloads.ts and startup.ts (all unit-tested without the Electron binary).
// Everything the app does goes through the same router as the web bridge. With --self-test it runs the
// steps of selfTest.ts on a temporary database instead, prints one JSON line and exits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  session,
  type MenuItemConstructorOptions,
  type Session as ElectronSession,
  type WebContents,
} from 'electron';
import { restrictToOwner } from '../../db/files';
import { closeDatabase, type Store } from '../../db/open';
import { openAppStore } from '../appStore';
import { createDatabaseFile, openDatabaseFile, readRecentDatabases, rememberOpened } from '../backup/databases';
import { startupDatabase } from '../backup/databaseFiles';
import { createAppContext, type AppContext, type Session } from '../ipc/context';
import { handlers } from '../ipc/handlers';
import { createRouter } from '../ipc/router';
import { defaultDbPath, appVersion, userDataDir } from '../paths';
import { planAppResponse } from './appProtocol';
import { INVOKE_CHANNEL } from './bridgeApi';
import { closeConfirmed, closePromptOptions } from './closePrompt';
import { chosenDatabase, newDatabaseDialog, openDatabaseDialog, switchFailure } from './databaseDialogs';
import { downloadFailureMessage, saveDialogOptions } from './downloads';
import { aboutMessage, menuTemplate, type AppInfo, type MenuCommand, type MenuItemSpec } from './menu';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  appSchemePrivileges,
  mainWindowOptions,
  navigationAllowed,
  permissionAllowed,
  requestAllowed,
  trustedSender,
  windowOpenDecision,
} from './security';
import { runSelfTest, SELF_TEST_FLAG, selfTestExitCode, selfTestLine, selfTestReportFile, type SelfTestShell } from './selfTest';
import { bringToFront, instanceDecision } from './singleInstance';
import { APP_ID, APP_NAME, chooseDbPath, startupFailure } from './startup';

const outDir = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(outDir, 'renderer');
const preloadPath = path.join(outDir, 'preload.cjs');

const selfTesting = process.argv.includes(SELF_TEST_FLAG);
// The self-test keeps everything, Chromium's profile included, in a folder of its own that it removes.
const selfTestDir = selfTesting ? fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-self-test-')) : null;

// Same folder as the CLI and the web bridge, so all three find one database. Must precede the
// single-instance lock, which is keyed on it.
app.setPath('userData', selfTestDir ?? userDataDir());
protocol.registerSchemesAsPrivileged([appSchemePrivileges()]);

let mainWindow: BrowserWindow | null = null;
let appContext: AppContext | null = null;

function hardenContents(contents: WebContents): void {
  const refuseNavigation = (event: { url: string; preventDefault(): void }) => {
    if (!navigationAllowed(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-frame-navigate', refuseNavigation);
  contents.setWindowOpenHandler(({ url }) => windowOpenDecision(url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The page refused to unload (unsaved changes): ask; preventDefault here means "unload anyway".
  contents.on('will-prevent-unload', (event) => {
    const owner = BrowserWindow.fromWebContents(contents);
    const options = closePromptOptions();
    const response = owner ? dialog.showMessageBoxSync(owner, options) : dialog.showMessageBoxSync(options);
    if (closeConfirmed(response)) event.preventDefault();
  });
}

function hardenSession(ses: ElectronSession): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl)),
  );
  ses.setPermissionCheckHandler((_contents, permission, origin) => permissionAllowed(permission, origin));
  // Behind the CSP: no request leaves for the network or the disk, whoever makes it.
  const outward = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file:///*'];
  ses.webRequest.onBeforeRequest({ urls: outward }, (details, callback) => callback({ cancel: !requestAllowed(details.url) }));
  ses.on('will-download', (_event, item) => {
    item.setSaveDialogOptions(saveDialogOptions(item.getFilename(), app.getPath('downloads')));
    item.once('done', (_done, state) => {
      // Exports from the page are county data like the database: the owner's alone on Linux.
      if (state === 'completed') restrictToOwner([item.getSavePath()]);
      const message = downloadFailureMessage(state, item.getFilename());
      if (message) dialog.showErrorBox('保存失败', message);
    });
  });
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const plan = planAppResponse(rendererDir, request.url, request.method);
    if (plan.status !== 200) return new Response(plan.body, { status: plan.status, headers: plan.headers });
    const body = request.method === 'HEAD' ? null : new Uint8Array(await fs.promises.readFile(plan.file));
    return new Response(body, { status: 200, headers: plan.headers });
  });
}

// One sign-in per window, like one per token in the web bridge.
const sessions = new Map<number, Session>();
function sessionOf(contents: WebContents): Session {
  let current = sessions.get(contents.id);
  if (!current) {
    const id = contents.id;
    current = { operator: null };
    sessions.set(id, current);
    contents.once('destroyed', () => sessions.delete(id));
  }
  return current;
}

function listenForCalls(context: AppContext): void {
  const router = createRouter(handlers);
  ipcMain.handle(INVOKE_CHANNEL, async (event, request: unknown) => {
    const { channel, input } = (typeof request === 'object' && request !== null ? request : {}) as {
      channel?: unknown;
      input?: unknown;
    };
    const frame = event.senderFrame;
    const trusted = trustedSender(frame?.url, frame !== null && frame.parent === null);
    const result = await router.invoke(channel, input, { app: context, session: sessionOf(event.sender), transport: 'electron' }, trusted);
    // A switch made from the page changes 最近打开 too.
    if (typeof channel === 'string' && channel.startsWith('database.')) installMenu();
    return result;
  });
}

/** Switches the window's database (same functions as the IPC channels), then reloads the page onto it. */
function switchDatabase(open: (context: AppContext, session: Session) => unknown): void {
  const window = mainWindow;
  if (!appContext || !window) return;
  try {
    open(appContext, sessionOf(window.webContents));
  } catch (error) {
    const failure = switchFailure(error);
    dialog.showErrorBox(failure.title, failure.content);
    return;
  }
  installMenu();
  window.webContents.reload();
}

async function pickDatabase(kind: 'new' | 'open'): Promise<void> {
  if (!mainWindow || !appContext) return;
  const folder = path.dirname(appContext.store().path);
  const file =
    kind === 'new'
      ? chosenDatabase(await dialog.showSaveDialog(mainWindow, newDatabaseDialog(folder)))
      : chosenDatabase(await dialog.showOpenDialog(mainWindow, { ...openDatabaseDialog(folder), properties: ['openFile'] }));
  if (file) switchDatabase((context, session) => (kind === 'new' ? createDatabaseFile : openDatabaseFile)(context, session, file));
}

function installMenu(): void {
  const info: AppInfo = { name: APP_NAME, version: appVersion(), developer: !app.isPackaged, recent: readRecentDatabases(userDataDir()) };
  const commands: Record<MenuCommand, () => void> = {
    print: () => (BrowserWindow.getFocusedWindow() ?? mainWindow)?.webContents.print(),
    about: () => {
      const options = { type: 'info' as const, buttons: ['确定'], ...aboutMessage(info) };
      void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
    },
    newDatabase: () => void pickDatabase('new'),
    openDatabase: () => void pickDatabase('open'),
  };
  const toElectron = (item: MenuItemSpec): MenuItemConstructorOptions => {
    if ('submenu' in item) return { ...item, submenu: item.submenu.map(toElectron) };
    if (!('id' in item)) return item;
    if (item.id === 'openRecent') {
      const file = item.path;
      return { label: item.label, click: () => switchDatabase((context, session) => openDatabaseFile(context, session, file)) };
    }
    const command = item.id;
    return { ...item, click: () => commands[command]() };
  };
  const template = menuTemplate(info).map((menu) => ({ label: menu.label, submenu: menu.submenu.map(toElectron) }));
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function openWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, { devTools: !app.isPackaged }));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
}

/** --db or JIXIAO_DB, else the last real database used (never the sample), else the default file. */
function openStore(): Store {
  const lastUsed = startupDatabase(readRecentDatabases(userDataDir()), fs.existsSync, defaultDbPath());
  return openAppStore(chooseDbPath(process.argv, process.env, lastUsed), { holder: '应用' });
}

/** Serves the renderer and the IPC contract on `store`. */
function serveStore(store: Store, dataDir: string): AppContext {
  appContext = createAppContext(store, appVersion(), dataDir);
  hardenSession(session.defaultSession);
  serveRenderer();
  listenForCalls(appContext);
  return appContext;
}

function start(): void {
  let store: Store;
  try {
    store = openStore();
  } catch (error) {
    const failure = startupFailure(error);
    dialog.showErrorBox(failure.title, failure.content);
    app.exit(1);
    return;
  }
  rememberOpened(serveStore(store, userDataDir()).dataDir, store);
  installMenu();
  openWindow();
}

/** The self-test's steps done with the real Electron: a hidden production window on a temporary database. */
function electronSelfTestShell(dataDir: string): SelfTestShell {
  let window: BrowserWindow | null = null;
  const contents = (): WebContents => {
    if (!window) throw new Error('窗口尚未打开');
    return window.webContents;
  };
  const inPage = (code: string): Promise<unknown> => contents().executeJavaScript(code, true);
  return {
    openTemporaryDatabase: async () => serveStore(openAppStore(path.join(dataDir, '自检.db'), { holder: '应用' }), dataDir).store().path,
    loadRenderer: async () => {
      const options = mainWindowOptions(preloadPath, { devTools: false });
      window = new BrowserWindow(options);
      mainWindow = window;
      await window.loadURL(APP_ENTRY_URL);
      return { url: window.webContents.getURL(), webPreferences: options.webPreferences };
    },
    invoke: (channel, input) =>
      inPage(
        `window.jixiao === undefined ? Promise.reject(new Error('页面上没有 window.jixiao：预加载脚本没有运行')) : window.jixiao.invoke(${JSON.stringify(channel)}, ${JSON.stringify(input)})`,
      ),
    entryHeaders: async () => Object.fromEntries((await net.fetch(APP_ENTRY_URL)).headers.entries()),
    tryNavigate: (url) =>
      new Promise((resolve) => {
        const whereNow = () => inPage('location.href').then(String, () => contents().getURL());
        // Give a navigation that was let through time to commit before asking where the page is.
        const settle = (attempted: boolean) => setTimeout(() => void whereNow().then((urlAfter) => resolve({ attempted, urlAfter })), 1000);
        const giveUp = setTimeout(() => settle(false), 10_000);
        contents().once('will-navigate', () => {
          clearTimeout(giveUp);
          settle(true);
        });
        void inPage(`setTimeout(() => { location.href = ${JSON.stringify(url)}; }, 0)`);
      }),
  };
}

async function selfTest(dataDir: string): Promise<void> {
  const report = await runSelfTest(electronSelfTestShell(dataDir));
  const line = selfTestLine(report, {
    electron: process.versions.electron,
    abi: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
    packaged: app.isPackaged,
    osSandbox: !app.commandLine.hasSwitch('no-sandbox'),
  });
  console.log(line);
  const reportFile = selfTestReportFile(process.argv);
  try {
    if (reportFile) fs.writeFileSync(reportFile, `${line}\n`);
    if (appContext) closeDatabase(appContext.store());
    appContext = null;
    mainWindow?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    // Chromium may still hold files of its profile on Windows (what stays is in the temp folder); the
    // line above is the result either way.
    console.error(`自检收尾出错：${(error as Error).message}`);
  } finally {
    app.exit(selfTestExitCode(report));
  }
}

const decision = instanceDecision(selfTesting, () => app.requestSingleInstanceLock());
if (decision === 'leave') {
  // Another copy is running; it will come to the front (second-instance below) and this one leaves.
  app.quit();
} else {
  app.setAppUserModelId(APP_ID);
  app.on('second-instance', () => {
    const window = mainWindow;
    if (!window) return;
    const steps = { restore: () => window.restore(), show: () => window.show(), focus: () => window.focus() };
    for (const step of bringToFront({ minimized: window.isMinimized(), visible: window.isVisible() })) steps[step]();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    // A restore may have swapped the store; close whichever is current, flushing the WAL.
    if (appContext) closeDatabase(appContext.store());
    appContext = null;
  });
  const run = selfTestDir ? () => selfTest(selfTestDir) : start;
  app.whenReady().then(run, (error: unknown) => {
    const failure = startupFailure(error);
    dialog.showErrorBox(failure.title, failure.content);
    app.exit(1);
  });
}
