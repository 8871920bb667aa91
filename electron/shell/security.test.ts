import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  appSchemePrivileges,
  contentSecurityPolicy,
  externalOpenAllowed,
  isAppUrl,
  mainWindowOptions,
  navigationAllowed,
  permissionAllowed,
  requestAllowed,
  resolveStaticPath,
  trustedSender,
  windowOpenDecision,
} from './security';

const root = path.resolve('/srv/jixiao/out/renderer');

describe('resolveStaticPath', () => {
  it.each([
    ['maps the root to index.html', '/', 'index.html'],
    ['maps an empty path to index.html', '', 'index.html'],
    ['maps an asset inside the folder', '/assets/index-abc.js', 'assets/index-abc.js'],
    ['collapses repeated leading slashes into the folder', '//assets/app.css', 'assets/app.css'],
    ['decodes a Chinese file name', '/%E7%BB%A9%E6%95%88.png', '绩效.png'],
    ['keeps a harmless dot segment inside', '/assets/./app.css', 'assets/app.css'],
  ])('%s', (_name, pathname, expected) => {
    expect(resolveStaticPath(root, pathname)).toBe(path.join(root, expected));
  });

  it.each([
    ['refuses a path that climbs out with dots', '/../secret.txt'],
    ['refuses a path that climbs out midway', '/assets/../../secret.txt'],
    ['refuses a path that climbs out with encoded dots', '/%2e%2e/secret.txt'],
    ['refuses a path that climbs out with upper-case encoded dots', '/%2E%2E/%2E%2E/etc/passwd'],
    ['refuses an encoded forward slash', '/assets%2f..%2f..%2fsecret.txt'],
    ['refuses an encoded slash even without dots', '/assets%2Fapp.js'],
    ['refuses an encoded backslash', '/..%5c..%5csecret.txt'],
    ['refuses a literal backslash', '/..\\..\\secret.txt'],
    ['refuses a NUL byte', '/index.html%00.png'],
    ['refuses a raw NUL byte', '/index.html\0'],
    ['refuses a Windows drive path', '/C:/Windows/win.ini'],
    ['refuses a lower-case drive path', '/c:/Windows/win.ini'],
    ['refuses a malformed escape', '/%E7%BB'],
  ])('%s', (_name, pathname) => {
    expect(resolveStaticPath(root, pathname)).toBeNull();
  });
});

describe('isAppUrl', () => {
  it.each([
    ['accepts the entry page', APP_ENTRY_URL, true],
    ['accepts an asset with a query and hash', 'app://jixiao/assets/a.js?v=1#x', true],
    ['accepts the bare origin', 'app://jixiao', true],
    ['refuses another host on the app scheme', 'app://evil/index.html', false],
    ['refuses a host that only starts with ours', 'app://jixiao.evil.com/', false],
    ['refuses a port', 'app://jixiao:8080/', false],
    ['refuses credentials', 'app://user:pw@jixiao/', false],
    ['refuses a web page', 'https://jixiao/', false],
    ['refuses the web bridge', 'http://127.0.0.1:5173/', false],
    ['refuses a local file', 'file:///C:/jixiao/index.html', false],
    ['refuses javascript:', 'javascript:alert(1)', false],
    ['refuses data:', 'data:text/html,<b>x</b>', false],
    ['refuses about:blank', 'about:blank', false],
    ['refuses an empty string', '', false],
    ['refuses nonsense', 'not a url', false],
    ['refuses undefined', undefined, false],
  ])('%s', (_name, url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('navigation and new windows', () => {
  it.each([
    ['lets the app reload itself', 'app://jixiao/index.html', true],
    ['lets the app move between its own pages', 'app://jixiao/targets?year=2025', true],
    ['keeps a remote link from replacing the app', 'https://www.mof.gov.cn/', false],
    ['keeps a plain-http link from replacing the app', 'http://example.com/', false],
    ['keeps a dropped file from replacing the app', 'file:///home/user/report.xlsx', false],
    ['keeps a javascript: URL out', 'javascript:void(0)', false],
  ])('%s', (_name, url, expected) => {
    expect(navigationAllowed(url)).toBe(expected);
  });

  it.each(['https://www.mof.gov.cn/', 'mailto:someone@example.com', 'file:///etc/passwd', 'app://jixiao/index.html', 'smb://server/share'])(
    'never hands %s to the operating system',
    (url) => {
      expect(externalOpenAllowed(url)).toBe(false);
    },
  );

  it.each(['https://example.com/', 'app://jixiao/index.html', 'about:blank', ''])('denies window.open(%j)', (url) => {
    expect(windowOpenDecision(url)).toEqual({ action: 'deny' });
  });
});

describe('requestAllowed', () => {
  it.each([
    ['lets the page load its own files', 'app://jixiao/assets/index.js', true],
    ['lets the page use inline data images', 'data:image/png;base64,AAAA', true],
    ['lets the page download blobs it made', 'blob:app://jixiao/6f1c-4b', true],
    ['stops a request to the internet', 'https://cdn.example.com/lib.js', false],
    ['stops a request to the local network', 'http://192.168.1.10/', false],
    ['stops a websocket', 'wss://example.com/socket', false],
    ['stops reading local files', 'file:///etc/passwd', false],
    ['stops another app host', 'app://other/x', false],
  ])('%s', (_name, url, expected) => {
    expect(requestAllowed(url)).toBe(expected);
  });
});

describe('permissionAllowed', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'hid', 'serial', 'usb', 'openExternal', 'fullscreen', 'unknown'])(
    'refuses %s even to the app itself',
    (permission) => {
      expect(permissionAllowed(permission, 'app://jixiao/index.html')).toBe(false);
    },
  );
});

describe('trustedSender', () => {
  it.each([
    ['trusts the top frame of the app', 'app://jixiao/index.html', true, true],
    ['trusts the app on a client-side route', 'app://jixiao/monitoring#round-2', true, true],
    ['refuses a frame nested inside the app', 'app://jixiao/index.html', false, false],
    ['refuses a page that navigated to the web', 'https://example.com/', true, false],
    ['refuses a local file page', 'file:///tmp/x.html', true, false],
    ['refuses another app host', 'app://evil/index.html', true, false],
    ['refuses a sender without a frame', undefined, true, false],
    ['refuses about:blank', 'about:blank', true, false],
  ])('%s', (_name, url, isTop, expected) => {
    expect(trustedSender(url, isTop)).toBe(expected);
  });

  it('treats a sender as the top frame when not told otherwise', () => {
    expect(trustedSender('app://jixiao/')).toBe(true);
  });
});

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload.cjs');

  it('isolates and sandboxes the renderer without Node', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    });
  });

  it('titles the window in Chinese', () => {
    expect(options.title).toBe('绩效 · 预算绩效管理');
  });

  it('opens large enough for wide tables and fits a 1366×768 screen at minimum', () => {
    expect(options.width).toBeGreaterThanOrEqual(1280);
    expect(options.minWidth).toBeLessThanOrEqual(1366);
    expect(options.minHeight).toBeLessThanOrEqual(768);
    expect(options.minWidth).toBeLessThanOrEqual(options.width);
    expect(options.minHeight).toBeLessThanOrEqual(options.height);
  });

  it('waits for the first paint before showing', () => {
    expect(options.show).toBe(false);
  });

  it('hides developer tools unless asked', () => {
    expect(options.webPreferences.devTools).toBe(false);
    expect(mainWindowOptions('/p', { devTools: true }).webPreferences.devTools).toBe(true);
  });
});

describe('app scheme and CSP', () => {
  it('registers app:// as a standard secure scheme that supports fetch', () => {
    expect(appSchemePrivileges()).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('allows only the app’s own scripts, without eval', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('forbids plugins, frames, form posts and base rewriting', () => {
    const csp = contentSecurityPolicy();
    for (const directive of ["object-src 'none'", "frame-src 'none'", "form-action 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
  });

  it('names no remote origin', () => {
    expect(contentSecurityPolicy()).not.toMatch(/https?:|\*/);
  });
});
