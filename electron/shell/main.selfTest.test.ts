// `electron . --self-test` run through main.ts with Electron stood in: the real store, router, preload,
// app:// handler, CSP and navigation guard; only the window and the page are the stand-in's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { state } from '../testSupport/fakeElectron';
import { SELF_TEST_STEPS } from './selfTest';

vi.mock('electron', async () => {
  const { electron } = await import('../testSupport/fakeElectron');
  return { ...electron, default: electron };
});

// Run from source, main.ts would serve electron/shell/renderer, which is never built: the app:// handler
// reads a built page from a folder of the test's own instead, with every decision (CSP included) unchanged.
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-self-test-renderer-'));
vi.mock('./appProtocol', async (importOriginal) => {
  const real = await importOriginal<typeof import('./appProtocol')>();
  return { ...real, planAppResponse: (_dir: string, ...rest: [string, string?]) => real.planAppResponse(rendererDir, ...rest) };
});

const printed: string[] = [];
const argv = process.argv;

async function runMain(): Promise<{ report: Record<string, any>; exitCode: number | undefined }> {
  printed.length = 0;
  state.exitCodes.length = 0;
  vi.resetModules();
  await import('./main');
  await vi.waitFor(() => expect(state.exitCodes).toHaveLength(1), { timeout: 20_000, interval: 50 });
  const lines = printed.filter((line) => line.startsWith('{'));
  expect(lines).toHaveLength(1);
  return { report: JSON.parse(lines[0]!), exitCode: state.exitCodes[0] };
}

beforeAll(() => {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>绩效</title>');
  process.argv = [...argv, '--self-test'];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
});

afterAll(() => {
  process.argv = argv;
  vi.restoreAllMocks();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

describe('electron . --self-test', () => {
  it('passes every step through the real preload and IPC, prints one JSON line, exits 0 and leaves nothing behind', async () => {
    const { report, exitCode } = await runMain();
    expect(report).toMatchObject({ selfTest: 'ok', steps: [...SELF_TEST_STEPS], abi: process.versions.modules, osSandbox: true });
    expect(report.dbPath).toContain(state.userData);
    expect(exitCode).toBe(0);
    expect(state.windows.at(-1)?.options.show).toBe(false);
    expect(state.windows.at(-1)?.options.webPreferences.devTools).toBe(false);
    expect(fs.existsSync(state.userData)).toBe(false);
  });

  it('never asks for the single-instance lock, so it runs beside an open app', async () => {
    state.singleInstanceLock = false;
    try {
      const { report } = await runMain();
      expect(report.selfTest).toBe('ok');
    } finally {
      state.singleInstanceLock = true;
    }
  });

  it('exits 1 naming app.info when the page has no preload bridge', async () => {
    state.preloadRuns = false;
    try {
      const { report, exitCode } = await runMain();
      expect(report).toMatchObject({ selfTest: 'failed', step: 'app.info', passed: ['database', 'renderer'] });
      expect(report.error).toContain('预加载脚本没有运行');
      expect(exitCode).toBe(1);
    } finally {
      state.preloadRuns = true;
    }
  });

  it('writes the same line to --self-test-report, for a packaged Windows app without a console', async () => {
    const reportFile = path.join(os.tmpdir(), `jixiao-self-test-${process.pid}.json`);
    process.argv = [...argv, '--self-test', `--self-test-report=${reportFile}`];
    try {
      const { report } = await runMain();
      expect(JSON.parse(fs.readFileSync(reportFile, 'utf8'))).toEqual(report);
    } finally {
      process.argv = [...argv, '--self-test'];
      fs.rmSync(reportFile, { force: true });
    }
  });
});
