import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testSupport/fixtures';
import { startBridge, type Bridge } from './server';

let bridge: Bridge | null = null;
afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

async function start() {
  const dir = tempDir();
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>绩效</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  bridge = await startBridge({ dbPath: path.join(dir, 'bridge.db'), staticDir, dataDir: dir });
  return bridge;
}

const call = (b: Bridge, body: unknown, token: string | null = b.token) =>
  fetch(new URL('/api/invoke', b.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { 'X-Jixiao-Token': token }) },
    body: JSON.stringify(body),
  });

function rawGet(b: Bridge, pathAndQuery: string, host?: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(b.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathAndQuery, headers: host ? { Host: host } : {} }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web bridge', () => {
  it('listens on loopback only and puts the token in the URL fragment', async () => {
    const b = await start();
    expect(b.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(b.openUrl).toBe(`${b.url}#token=${b.token}`);
    expect(b.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('answers a call that carries the token', async () => {
    const b = await start();
    const response = await call(b, { channel: 'setup.status', input: {} });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: { installation: null, operators: [] } });
  });

  it('refuses a call without the token', async () => {
    const b = await start();
    const response = await call(b, { channel: 'setup.status', input: {} }, null);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('FORBIDDEN_SENDER');
  });

  it('refuses a call with a wrong token of the same length', async () => {
    const b = await start();
    const wrong = b.token.replace(/./, (c) => (c === 'a' ? 'b' : 'a'));
    expect((await call(b, { channel: 'setup.status', input: {} }, wrong)).status).toBe(403);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const b = await start();
    expect((await rawGet(b, '/', 'evil.example:80')).status).toBe(403);
  });

  it('serves the renderer with a strict CSP and refuses to climb out of it', async () => {
    const b = await start();
    const index = await fetch(b.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(new URL('/assets/app.js', b.url))).headers.get('content-type')).toMatch(/javascript/);
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await rawGet(b, attempt);
      expect(response.status, attempt).toBe(404);
      expect(response.body).not.toContain('secret');
    }
  });

  it('returns a clear error for a malformed body', async () => {
    const b = await start();
    const response = await fetch(new URL('/api/invoke', b.url), {
      method: 'POST',
      headers: { 'X-Jixiao-Token': b.token },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/请求格式不正确/);
  });
});
