// Electron main process: thin glue between Electron events and the pure decisions in security.ts,
// appProtocol.ts, menu.ts, downloads.ts and startup.ts (all unit-tested without the Electron binary).
// Everything the app does goes through the same router as the web bridge.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type MenuItemConstructorOptions,
  type Session as ElectronSession,
  type WebContents,
} from 'electron';
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
import { APP_ID, APP_NAME, chooseDbPath, startupFailure } from './startup';

const outDir = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(outDir, 'renderer');
const preloadPath = path.join(outDir, 'preload.cjs');

// Same folder as the CLI and the web bridge, so all three find one database. Must precede the
// single-instance lock, which is keyed on it.
app.setPath('userData', userDataDir());
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
  appContext = createAppContext(store, appVersion(), userDataDir());
  rememberOpened(appContext.dataDir, store);
  hardenSession(session.defaultSession);
  serveRenderer();
  listenForCalls(appContext);
  installMenu();
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another copy is running; it will come to the front (second-instance below) and this one leaves.
  app.quit();
} else {
  app.setAppUserModelId(APP_ID);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    // A restore may have swapped the store; close whichever is current, flushing the WAL.
    if (appContext) closeDatabase(appContext.store());
    appContext = null;
  });
  app.whenReady().then(start, (error: unknown) => {
    const failure = startupFailure(error);
    dialog.showErrorBox(failure.title, failure.content);
    app.exit(1);
  });
}
