// The web bridge: the same contract over HTTP on the loopback interface, for machines where Electron
// cannot run and for browser tests. Each start has a random token; a call without it is refused. Each
// browser gets a session of its own through a cookie, so two people at two browsers are two sign-ins.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { closeDatabase } from '../../db/open';
import { openAppStore } from '../appStore';
import { createAppContext, type Session } from '../ipc/context';
import { handlers } from '../ipc/handlers';
import { createRouter } from '../ipc/router';
import { appPath, appVersion, userDataDir } from '../paths';
import { contentSecurityPolicy, resolveStaticPath } from '../shell/security';

export const TOKEN_HEADER = 'x-jixiao-token';
export const SESSION_COOKIE = 'jixiao_session';
/** Sessions kept at most; the oldest goes first, so a script calling without cookies cannot fill memory. */
const MAX_SESSIONS = 200;
const MAX_BODY_BYTES = 64 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface BridgeOptions {
  dbPath: string;
  port?: number;
  staticDir?: string;
  /** Where the 最近打开 list and the sample database live; the per-user folder by default. */
  dataDir?: string;
}

export interface Bridge {
  url: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to a server. */
  openUrl: string;
  token: string;
  close(): Promise<void>;
}

export function tokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Only requests addressed to our own loopback origin count; this defeats DNS-rebinding pages. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

const sendJson = (res: http.ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);

export function sessionIdOf(cookieHeader: string | undefined): string | null {
  const pair = (cookieHeader ?? '').split(';').map((part) => part.trim()).find((part) => part.startsWith(`${SESSION_COOKIE}=`));
  return pair ? pair.slice(SESSION_COOKIE.length + 1) : null;
}

/** One session per browser: found by its cookie, or opened with a cookie to set. */
function createSessions() {
  const sessions = new Map<string, Session>();
  return (req: http.IncomingMessage): { session: Session; setCookie: Record<string, string> } => {
    const id = sessionIdOf(req.headers.cookie);
    const known = id === null ? undefined : sessions.get(id);
    if (known) return { session: known, setCookie: {} };
    const fresh = randomBytes(24).toString('hex');
    const session: Session = { operator: null };
    sessions.set(fresh, session);
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
    return { session, setCookie: { 'Set-Cookie': `${SESSION_COOKIE}=${fresh}; HttpOnly; SameSite=Strict; Path=/` } };
  };
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const app = createAppContext(openAppStore(options.dbPath, { holder: '网页桥' }), appVersion(), options.dataDir ?? userDataDir());
  const router = createRouter(handlers);
  const sessionFor = createSessions();
  const token = randomBytes(24).toString('hex');
  const staticDir = options.staticDir ?? appPath('out', 'renderer');
  let port = 0;

  async function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse) {
    const trusted = hostAllowed(req.headers.host, port) && tokenMatches(token, req.headers[TOKEN_HEADER]);
    if (!trusted) {
      return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN_SENDER', message: '拒绝访问：缺少或错误的访问令牌，请使用启动时打印的完整网址打开' } });
    }
    let request: { channel?: unknown; input?: unknown };
    try {
      request = JSON.parse((await readBody(req)).toString('utf8'));
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确或超过 64MB' } });
    }
    const { session, setCookie } = sessionFor(req);
    const result = await router.invoke(request?.channel, request?.input, { app, session, transport: 'bridge' }, true);
    sendJson(res, 200, result, setCookie);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!hostAllowed(req.headers.host, port)) return send(res, 403, '禁止访问', 'text/plain; charset=utf-8');
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = resolveStaticPath(staticDir, pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, '找不到该页面', 'text/plain; charset=utf-8');
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    // The page gets its session cookie with the page itself, before its first call.
    const setCookie = type.startsWith('text/html') ? sessionFor(req).setCookie : {};
    send(res, 200, fs.readFileSync(file), type, { 'Content-Security-Policy': contentSecurityPolicy(), ...setCookie });
  }

  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/api/invoke') {
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: '只接受 POST 请求' } });
      handleInvoke(req, res).catch((error) => sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(error) } }));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '不支持的请求', 'text/plain; charset=utf-8');
    handleStatic(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          closeDatabase(app.store());
          resolve();
        });
      }),
  };
}
