// A stand-in for the electron module, for running electron/shell/main.ts and preload.ts where the
// Electron binary cannot run. It records what main registers and plays the page: a window's "page"
// runs the real preload against this contextBridge/ipcRenderer, so a call from the page travels through
// the preload and main's IPC handler, and setting location.href asks the navigation guards first.
import os from 'node:os';

type Listener = (...args: any[]) => unknown;

class Emitter {
  private listeners: { event: string; listener: Listener; once: boolean }[] = [];
  on(event: string, listener: Listener): this {
    this.listeners.push({ event, listener, once: false });
    return this;
  }
  once(event: string, listener: Listener): this {
    this.listeners.push({ event, listener, once: true });
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const entry of [...this.listeners]) {
      if (entry.event !== event) continue;
      if (entry.once) this.listeners = this.listeners.filter((other) => other !== entry);
      entry.listener(...args);
    }
  }
}

function freshState() {
  return {
  appEvents: new Map<string, Listener>(),
  ipc: new Map<string, Listener>(),
  protocols: new Map<string, Listener>(),
  schemes: [] as unknown[],
  windows: [] as { options: any; loaded: string[]; window: FakeBrowserWindow }[],
  menu: null as any,
  errorBoxes: [] as [string, string][],
  messageBoxes: [] as any[],
  exitCodes: [] as number[],
  userData: '',
  permissionRequest: null as Listener | null,
  permissionCheck: null as Listener | null,
  beforeRequest: null as { filter: any; listener: Listener } | null,
  sessionEvents: new Map<string, Listener>(),
  ready: Promise.resolve(),
  /** What the preload put into the page's main world (window.jixiao). */
  mainWorld: {} as Record<string, unknown>,
  /** False: the page loads without the preload, as when preload.cjs is missing from a package. */
  preloadRuns: true,
  /** Settles once the last page loaded (its preload ran): main does not wait for loadURL. */
  pageLoaded: Promise.resolve() as Promise<unknown>,
  singleInstanceLock: true,
  switches: new Set<string>(),
  /** The page's side of IPC: the frame is the window's top frame, showing whatever the window shows. */
  pageContents: null as FakeWebContents | null,
  };
}

// One state however often a test re-imports main (vi.resetModules re-evaluates this module too).
const shared = globalThis as { jixiaoFakeElectron?: ReturnType<typeof freshState> };
export const state = (shared.jixiaoFakeElectron ??= freshState());

let nextContentsId = 1;

class FakeWebContents extends Emitter {
  readonly id = nextContentsId++;
  url = '';
  windowOpenHandler: Listener | null = null;
  print = () => undefined;
  reload = () => undefined;
  getURL = () => this.url;
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }

  /** Evaluates `code` in the stand-in page: its window (with what the preload exposed) and its location. */
  async executeJavaScript(code: string): Promise<unknown> {
    const contents = this;
    const location = {
      get href() {
        return contents.url;
      },
      set href(next: string) {
        let prevented = false;
        contents.emit('will-navigate', { url: next, preventDefault: () => (prevented = true) });
        if (!prevented) contents.url = next;
      },
    };
    const page = new Function('window', 'location', `return (${code});`) as (window: unknown, location: unknown) => unknown;
    return await page(state.preloadRuns ? { ...state.mainWorld } : {}, location);
  }
}

export class FakeBrowserWindow extends Emitter {
  static getFocusedWindow = () => null;
  static fromWebContents = () => null;
  webContents = new FakeWebContents();
  minimized = false;
  visible = false;
  destroyed = false;
  constructor(options: any) {
    super();
    state.windows.push({ options, loaded: [], window: this });
    state.appEvents.get('web-contents-created')?.({}, this.webContents);
  }
  show() {
    this.visible = true;
  }
  focus() {}
  restore() {
    this.minimized = false;
  }
  destroy() {
    this.destroyed = true;
  }
  isMinimized = () => this.minimized;
  isVisible = () => this.visible;
  loadURL(url: string): Promise<unknown> {
    state.windows.find((record) => record.window === this)?.loaded.push(url);
    this.webContents.url = url;
    state.pageContents = this.webContents;
    state.pageLoaded = state.preloadRuns ? import('../shell/preload') : Promise.resolve();
    return state.pageLoaded;
  }
}

export const electron = {
  app: {
    isPackaged: false,
    commandLine: { hasSwitch: (name: string) => state.switches.has(name) },
    setPath: (name: string, value: string) => {
      if (name === 'userData') state.userData = value;
    },
    getPath: () => os.tmpdir(),
    requestSingleInstanceLock: () => state.singleInstanceLock,
    setAppUserModelId: () => undefined,
    on: (event: string, listener: Listener) => state.appEvents.set(event, listener),
    whenReady: () => state.ready,
    quit: () => undefined,
    exit: (code: number) => state.exitCodes.push(code),
  },
  BrowserWindow: FakeBrowserWindow,
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => (state.mainWorld[key] = api),
  },
  ipcRenderer: {
    invoke: (channel: string, request: unknown) => {
      const handler = state.ipc.get(channel);
      if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
      const contents = state.pageContents!;
      return Promise.resolve(handler({ sender: contents, senderFrame: { url: contents.url, parent: null } }, request));
    },
  },
  dialog: {
    showErrorBox: (title: string, content: string) => state.errorBoxes.push([title, content]),
    showMessageBox: (...args: any[]) => {
      state.messageBoxes.push(args.at(-1));
      return Promise.resolve({ response: 0 });
    },
  },
  ipcMain: { handle: (channel: string, listener: Listener) => state.ipc.set(channel, listener) },
  Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => (state.menu = menu) },
  net: {
    fetch: async (url: string) => {
      const serve = state.protocols.get(new URL(url).protocol.slice(0, -1));
      if (!serve) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME ${url}`);
      return (await serve(new Request(url))) as Response;
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
    handle: (scheme: string, listener: Listener) => state.protocols.set(scheme, listener),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: Listener) => (state.permissionRequest = handler),
      setPermissionCheckHandler: (handler: Listener) => (state.permissionCheck = handler),
      webRequest: { onBeforeRequest: (filter: any, listener: Listener) => (state.beforeRequest = { filter, listener }) },
      on: (event: string, listener: Listener) => state.sessionEvents.set(event, listener),
    },
  },
};
