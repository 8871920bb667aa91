// The shell's security decisions as pure functions, so they are table-tested without the Electron
// binary. main.ts only wires them to Electron events; the web bridge uses the same CSP and static-path
// rules. Nothing here imports Electron.
import path from 'node:path';

/** The renderer is served from its own privileged scheme, never from file:// or http://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'jixiao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const WINDOW_TITLE = '绩效 · 预算绩效管理';

/**
 * Strict CSP for the renderer: only the app's own scripts and styles, no remote content, no eval.
 * Mantine injects style tags at run time, hence 'unsafe-inline' for styles only.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
  ].join('; ');
}

/**
 * Maps a request path to a file inside `rootDir`, or null when it would leave it (../, encoded
 * separators, absolute paths, NUL bytes). "/" maps to index.html.
 */
export function resolveStaticPath(rootDir: string, urlPathname: string): string | null {
  // A shipped file name never contains an encoded separator; one in a request is an attempt to smuggle
  // a path segment past URL normalisation.
  if (/%2f|%5c/i.test(urlPathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  if (relative.split('/').some((part) => part === '..')) return null;
  // "C:/Windows" or "//server/share" after the leading slash: absolute on Windows.
  if (/^[a-z]:/i.test(relative) || path.isAbsolute(relative) || path.win32.isAbsolute(relative)) return null;
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

function parseUrl(url: string | undefined | null): URL | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for app://jixiao/… — no other host, no port, no credentials. */
export function isAppUrl(url: string | undefined | null): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The window may only ever show the app itself: a link to anywhere else must not replace it. */
export function navigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Whether a link may be handed to the operating system (browser, mail client…). The app is offline
 * and handles government data: nothing is opened outside the window, whatever the scheme.
 */
export function externalOpenAllowed(_url: string): false {
  return false;
}

/** The answer to window.open / target=_blank: never a second window, never an external browser. */
export function windowOpenDecision(_url: string): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Which requests the page may make at all (defence in depth behind the CSP): its own files, and
 * data:/blob: URLs it creates itself (images, downloads). Nothing over the network or from disk.
 */
export function requestAllowed(url: string): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parseUrl(url);
  if (!parsed) return false;
  return parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:';
}

/**
 * Web permissions (camera, notifications, geolocation, clipboard read, HID…): the app needs none, so
 * every request and every check is refused, whoever asks.
 */
export function permissionAllowed(_permission: string, _requestingUrl?: string): false {
  return false;
}

/**
 * Whether an IPC call comes from our own page: the top frame, showing app://jixiao/. A frame inside it
 * (the CSP forbids them anyway) or a page that navigated elsewhere is refused by the router.
 */
export function trustedSender(frameUrl: string | undefined | null, isTopFrame = true): boolean {
  return isTopFrame && isAppUrl(frameUrl);
}

/** Privileges of the app:// scheme: a standard, secure origin so 'self', fetch and storage work. */
export function appSchemePrivileges() {
  return {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true },
  } as const;
}

/** Structural subset of Electron's BrowserWindowConstructorOptions that this app sets. */
export interface MainWindowOptions {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webviewTag: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    experimentalFeatures: false;
    navigateOnDragDrop: false;
    safeDialogs: true;
    spellcheck: false;
    devTools: boolean;
  };
}

/**
 * The main window: isolated, sandboxed renderer without Node; sized for wide tables on a 1366×768
 * office screen. Shown once the first paint is ready so no white flash. Developer tools only when
 * running unpackaged.
 */
export function mainWindowOptions(preloadPath: string, options: { devTools?: boolean } = {}): MainWindowOptions {
  return {
    title: WINDOW_TITLE,
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.devTools ?? false,
    },
  };
}
