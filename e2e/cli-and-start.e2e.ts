// The README's promises, run as a user would: `npx jixiao …` on a fresh database, and `npm start`
// falling back to the web bridge on a machine without the Electron runtime.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-cli-e2e-'));
// The app started below may still be closing its database when npm has exited (it writes its clean-close
// mark then), so the folder is removed once nothing is being written into it any more.
afterAll(async () => {
  for (let attempt = 0; ; attempt++) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
      return;
    } catch (error) {
      if (attempt >= 40 || (error as NodeJS.ErrnoException).code !== 'ENOTEMPTY') throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
});

const npx = (...args: string[]) => spawnSync('npx', ['--no-install', 'jixiao', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });

describe('npx jixiao', () => {
  it('initialises a county and reports it in stats --json', () => {
    const db = path.join(dir, 'a.db');
    const init = npx('--db', db, 'init', '--region', '652822', '--role', 'county');
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const stats = npx('--db', db, 'stats', '--json');
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ region: { code: '652822' }, role: 'county' });
  });

  it('writes errors to stderr with a non-zero exit', () => {
    const result = npx('--db', path.join(dir, 'b.db'), 'init', '--region', '000000', '--role', 'county');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/区划代码 000000 不存在/);
  });
});

describe('npm start without the Electron runtime', () => {
  it('serves the UI on 127.0.0.1, prints the URL with its token, and refuses calls without it', async () => {
    const child = spawn('npm', ['start', '--', '--db', path.join(dir, 'start.db')], {
      env: { ...process.env, JIXIAO_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 60_000);
        child.stdout.on('data', (chunk) => {
          output += chunk;
          const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[0]);
          }
        });
        child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
      });
      const base = new URL(url);
      const token = base.hash.replace('#token=', '');
      const page = await fetch(new URL('/', base));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const invoke = (headers: Record<string, string>) =>
        fetch(new URL('/api/invoke', base), { method: 'POST', headers, body: JSON.stringify({ channel: 'setup.status', input: {} }) });
      expect((await invoke({})).status).toBe(403);
      const allowed = await invoke({ 'X-Jixiao-Token': token });
      expect(allowed.status).toBe(200);
      expect((await allowed.json()).ok).toBe(true);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  });
});
