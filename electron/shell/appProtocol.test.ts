import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, planAppResponse } from './appProtocol';

let rendererDir: string;
let outside: string;

beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-protocol-'));
  rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'font.woff2'), '');
  outside = path.join(base, 'secret.txt');
  fs.writeFileSync(outside, 'secret');
});

afterAll(() => fs.rmSync(path.dirname(rendererDir), { recursive: true, force: true }));

describe('planAppResponse', () => {
  it('serves index.html for the entry page with the CSP', () => {
    const plan = planAppResponse(rendererDir, 'app://jixiao/index.html');
    expect(plan.status).toBe(200);
    if (plan.status !== 200) return;
    expect(plan.file).toBe(path.join(rendererDir, 'index.html'));
    expect(plan.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(plan.headers['Content-Security-Policy']).toContain("script-src 'self'");
    expect(plan.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('serves a script with a JavaScript type, ignoring query and hash', () => {
    const plan = planAppResponse(rendererDir, 'app://jixiao/assets/index.js?v=3#x');
    expect(plan).toMatchObject({ status: 200, file: path.join(rendererDir, 'assets', 'index.js') });
    expect(plan.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('serves index.html for a client-side route so a reload keeps the app', () => {
    expect(planAppResponse(rendererDir, 'app://jixiao/monitoring/rounds')).toMatchObject({
      status: 200,
      file: path.join(rendererDir, 'index.html'),
    });
  });

  it('answers 404 for a missing asset rather than the app page', () => {
    expect(planAppResponse(rendererDir, 'app://jixiao/assets/missing.js').status).toBe(404);
  });

  it('answers 404 when the renderer was never built', () => {
    expect(planAppResponse(path.join(rendererDir, 'nowhere'), 'app://jixiao/index.html').status).toBe(404);
  });

  it('refuses a request for another host', () => {
    expect(planAppResponse(rendererDir, 'app://other/index.html').status).toBe(403);
  });

  it('refuses a path that climbs out with encoded separators', () => {
    expect(planAppResponse(rendererDir, 'app://jixiao/assets%2f..%2f..%2fsecret.txt').status).toBe(403);
  });

  it('never reaches a file beside the renderer folder by dot segments', () => {
    // The URL parser already folds "..": whatever it yields must stay inside the folder.
    const plan = planAppResponse(rendererDir, 'app://jixiao/../secret.txt');
    if (plan.status === 200) expect(plan.file.startsWith(rendererDir + path.sep)).toBe(true);
    expect(plan.status === 200 && plan.file === outside).toBe(false);
  });

  it('refuses methods other than GET and HEAD', () => {
    expect(planAppResponse(rendererDir, 'app://jixiao/index.html', 'POST').status).toBe(405);
    expect(planAppResponse(rendererDir, 'app://jixiao/index.html', 'HEAD').status).toBe(200);
  });

  it('answers refusals in Chinese plain text', () => {
    const plan = planAppResponse(rendererDir, 'app://jixiao/assets/missing.js');
    expect(plan).toMatchObject({ body: '找不到该页面' });
    expect(plan.headers['Content-Type']).toBe('text/plain; charset=utf-8');
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['a.css', 'text/css; charset=utf-8'],
    ['A.PNG', 'image/png'],
    ['f.woff2', 'font/woff2'],
    ['x.unknown', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
  ])('gives %s the type %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
