import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  browserFallbackNotice,
  electronArgs,
  electronEnv,
  electronLaunch,
  findElectronRuntime,
  missingBuildOutputs,
} from './electronRuntime.mjs';

const made: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-runtime-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function electronPackage(options: { pathTxt?: string; binary?: string } = {}): string {
  const dir = path.join(tempDir(), 'node_modules', 'electron');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  if (options.pathTxt !== undefined) fs.writeFileSync(path.join(dir, 'path.txt'), options.pathTxt);
  if (options.binary) {
    const binary = path.join(dir, 'dist', options.binary);
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    fs.writeFileSync(binary, '');
  }
  return dir;
}

describe('findElectronRuntime', () => {
  it('finds the binary that path.txt names under dist/', () => {
    const dir = electronPackage({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronRuntime(dir, {})).toEqual({ installed: true, binary: path.join(dir, 'dist', 'electron') });
  });

  it('finds the Windows binary', () => {
    const dir = electronPackage({ pathTxt: 'electron.exe', binary: 'electron.exe' });
    expect(findElectronRuntime(dir, {})).toMatchObject({ installed: true, binary: path.join(dir, 'dist', 'electron.exe') });
  });

  it('reports a package installed without its download, as on this offline machine', () => {
    expect(findElectronRuntime(electronPackage(), {})).toEqual({ installed: false, reason: 'no-path-file' });
  });

  it('reports a path.txt whose binary is gone', () => {
    expect(findElectronRuntime(electronPackage({ pathTxt: 'electron' }), {})).toEqual({ installed: false, reason: 'no-binary' });
  });

  it('does not take a folder for the binary', () => {
    const dir = electronPackage({ pathTxt: 'electron' });
    fs.mkdirSync(path.join(dir, 'dist', 'electron'), { recursive: true });
    expect(findElectronRuntime(dir, {})).toEqual({ installed: false, reason: 'no-binary' });
  });

  it('reports a missing electron package', () => {
    expect(findElectronRuntime(path.join(tempDir(), 'node_modules', 'electron'), {})).toEqual({ installed: false, reason: 'no-package' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like Electron’s own launcher', () => {
    const dir = electronPackage();
    const override = tempDir();
    fs.writeFileSync(path.join(override, 'electron'), '');
    expect(findElectronRuntime(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({
      installed: true,
      binary: path.join(override, 'electron'),
    });
    expect(findElectronRuntime(dir, { ELECTRON_OVERRIDE_DIST_PATH: tempDir() })).toEqual({ installed: false, reason: 'no-binary' });
  });

  it('never downloads: the real package here is found missing without touching the network', () => {
    const real = path.resolve('node_modules/electron');
    const result = findElectronRuntime(real, {});
    if (!result.installed) expect(['no-path-file', 'no-binary']).toContain(result.reason);
  });
});

describe('missingBuildOutputs', () => {
  it('lists everything for a fresh checkout', () => {
    expect(missingBuildOutputs(tempDir())).toEqual(['out/main.mjs', 'out/preload.cjs', 'out/bridge.mjs', 'out/renderer/index.html']);
  });

  it('lists nothing once built', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'out', 'renderer'), { recursive: true });
    for (const file of ['out/main.mjs', 'out/preload.cjs', 'out/bridge.mjs', 'out/renderer/index.html']) fs.writeFileSync(path.join(root, file), '');
    expect(missingBuildOutputs(root)).toEqual([]);
  });

  it('notices a renderer that was never built', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'out'), { recursive: true });
    for (const file of ['out/main.mjs', 'out/preload.cjs', 'out/bridge.mjs']) fs.writeFileSync(path.join(root, file), '');
    expect(missingBuildOutputs(root)).toEqual(['out/renderer/index.html']);
  });
});

describe('launch details', () => {
  it('passes the project folder then the user’s arguments unchanged', () => {
    expect(electronArgs('/repo', ['--db', '/tmp/县.db'])).toEqual(['/repo', '--db', '/tmp/县.db']);
  });

  it('drops ELECTRON_RUN_AS_NODE so Electron runs the app', () => {
    expect(electronEnv({ ELECTRON_RUN_AS_NODE: '1', JIXIAO_DB: '/tmp/a.db' })).toEqual({ JIXIAO_DB: '/tmp/a.db' });
  });

  it('explains the browser fallback in Chinese', () => {
    expect(browserFallbackNotice('no-path-file')).toMatch(/未安装 Electron.*浏览器/);
    expect(browserFallbackNotice('no-package')).toContain('electron 依赖包');
  });
});

describe('electronLaunch', () => {
  const base = { binary: '/e/electron', rootDir: '/repo', env: { DISPLAY: ':0', ELECTRON_RUN_AS_NODE: '1' } };

  it('runs the binary on the project with the user’s arguments, never as plain Node', () => {
    expect(electronLaunch({ ...base, userArgs: ['--db', '/tmp/县.db'], platform: 'linux', uid: 1000 })).toEqual({
      command: '/e/electron',
      args: ['/repo', '--db', '/tmp/县.db'],
      env: { DISPLAY: ':0' },
    });
  });

  it('turns Chromium’s OS sandbox off only for root on Linux, which Chromium refuses otherwise', () => {
    expect(electronLaunch({ ...base, userArgs: [], platform: 'linux', uid: 0 }).args).toEqual(['/repo', '--no-sandbox']);
    expect(electronLaunch({ ...base, userArgs: [], platform: 'win32', uid: null }).args).toEqual(['/repo']);
  });

  it('gives the self-test a virtual display on a Linux machine without one', () => {
    const launch = electronLaunch({ ...base, env: {}, userArgs: ['--self-test'], platform: 'linux', uid: 1000, xvfbRun: '/usr/bin/xvfb-run' });
    expect(launch).toMatchObject({ command: '/usr/bin/xvfb-run', args: ['-a', '/e/electron', '/repo', '--self-test'] });
    expect(electronLaunch({ ...base, userArgs: ['--self-test'], platform: 'linux', uid: 1000, xvfbRun: '/usr/bin/xvfb-run' }).command).toBe('/e/electron');
  });
});
