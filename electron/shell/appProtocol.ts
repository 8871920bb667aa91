// What the app:// protocol answers for a request, decided without Electron: which file under
// out/renderer, with which headers, or which refusal. main.ts reads the file and builds the Response.
import fs from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy, isAppUrl, resolveStaticPath } from './security';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type AppResponsePlan =
  | { status: 200; file: string; headers: Record<string, string> }
  | { status: 403 | 404 | 405; body: string; headers: Record<string, string> };

const isRegularFile = (file: string): boolean => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

const TEXT = 'text/plain; charset=utf-8';

/**
 * Decides the answer to one app:// request. A path without an extension that matches no file gets
 * index.html, so a reload on a client-side route still shows the app; a missing asset is a 404.
 */
export function planAppResponse(
  rendererDir: string,
  requestUrl: string,
  method = 'GET',
  fileExists: (file: string) => boolean = isRegularFile,
): AppResponsePlan {
  const base = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
  if (!isAppUrl(requestUrl)) return { status: 403, body: '禁止访问', headers: { ...base, 'Content-Type': TEXT } };
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, body: '不支持的请求', headers: { ...base, 'Content-Type': TEXT } };
  const pathname = new URL(requestUrl).pathname;
  const file = resolveStaticPath(rendererDir, pathname);
  if (!file) return { status: 403, body: '禁止访问', headers: { ...base, 'Content-Type': TEXT } };
  let target = file;
  if (!fileExists(target)) {
    const fallback = path.join(path.resolve(rendererDir), 'index.html');
    if (path.extname(pathname) !== '' || !fileExists(fallback)) {
      return { status: 404, body: '找不到该页面', headers: { ...base, 'Content-Type': TEXT } };
    }
    target = fallback;
  }
  return {
    status: 200,
    file: target,
    headers: { ...base, 'Content-Type': contentTypeFor(target), 'Content-Security-Policy': contentSecurityPolicy() },
  };
}
