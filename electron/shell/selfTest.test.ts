import { describe, expect, it } from 'vitest';
import {
  OUTSIDE_URL,
  runSelfTest,
  SELF_TEST_SETUP,
  SELF_TEST_STEPS,
  selfTestExitCode,
  selfTestLine,
  selfTestReportFile,
  type SelfTestShell,
} from './selfTest';
import { APP_ENTRY_URL, contentSecurityPolicy, mainWindowOptions } from './security';

const DB = '/tmp/jixiao-self-test-1/自检.db';

/** A shell that behaves like the real app; each test breaks one thing. */
function healthyShell(calls: string[] = []): SelfTestShell {
  let installed = false;
  return {
    openTemporaryDatabase: async () => {
      calls.push('database');
      return DB;
    },
    loadRenderer: async () => {
      calls.push('renderer');
      return { url: APP_ENTRY_URL, webPreferences: { ...mainWindowOptions('/app/out/preload.cjs').webPreferences } };
    },
    invoke: async (channel, input) => {
      calls.push(channel);
      if (channel === 'app.info') return { ok: true, value: { version: '0.1.0', dbPath: DB, transport: 'electron' } };
      if (channel === 'setup.init') {
        expect(input).toEqual(SELF_TEST_SETUP);
        installed = true;
        return { ok: true, value: {} };
      }
      if (channel === 'setup.status') {
        return { ok: true, value: installed ? { installation: { region: { code: '652822' } }, operators: [{ name: '自检' }] } : { installation: null, operators: [] } };
      }
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
    },
    entryHeaders: async () => {
      calls.push('csp');
      return { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy() };
    },
    tryNavigate: async (url) => {
      calls.push(`navigate ${url}`);
      return { attempted: true, urlAfter: APP_ENTRY_URL };
    },
  };
}

describe('runSelfTest', () => {
  it('runs every step in order through the shell and reports ok with exit code 0', async () => {
    const calls: string[] = [];
    const report = await runSelfTest(healthyShell(calls));
    expect(report).toEqual({ selfTest: 'ok', steps: [...SELF_TEST_STEPS], dbPath: DB, version: '0.1.0' });
    expect(calls).toEqual(['database', 'renderer', 'app.info', 'setup.init', 'setup.status', 'csp', `navigate ${OUTSIDE_URL}`]);
    expect(selfTestExitCode(report)).toBe(0);
  });

  const broken: [string, (shell: SelfTestShell) => SelfTestShell, string, RegExp][] = [
    ['the database cannot be opened', (s) => ({ ...s, openTemporaryDatabase: async () => Promise.reject(new Error('缺少为 Electron 编译的 SQLite 模块')) }), 'database', /SQLite 模块/],
    ['the window shows another page', (s) => ({ ...s, loadRenderer: async () => ({ ...(await healthyShell().loadRenderer()), url: 'file:///app/index.html' }) }), 'renderer', /file:\/\/\/app\/index.html/],
    [
      'the window is not sandboxed',
      (s) => ({ ...s, loadRenderer: async () => ({ url: APP_ENTRY_URL, webPreferences: { ...mainWindowOptions('/p').webPreferences, sandbox: false } }) }),
      'renderer',
      /sandbox/,
    ],
    [
      'developer tools are on',
      (s) => ({ ...s, loadRenderer: async () => ({ url: APP_ENTRY_URL, webPreferences: { ...mainWindowOptions('/p', { devTools: true }).webPreferences } }) }),
      'renderer',
      /devTools/,
    ],
    [
      'app.info answers through another transport',
      (s) => ({ ...s, invoke: async (channel, input) => (channel === 'app.info' ? { ok: true, value: { dbPath: DB, transport: 'web' } } : s.invoke(channel, input)) }),
      'app.info',
      /web/,
    ],
    [
      'app.info reports another database',
      (s) => ({ ...s, invoke: async (channel, input) => (channel === 'app.info' ? { ok: true, value: { dbPath: '/home/张三/jixiao.db', transport: 'electron' } } : s.invoke(channel, input)) }),
      'app.info',
      /张三/,
    ],
    ['IPC refuses the page', (s) => ({ ...s, invoke: async () => ({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: '拒绝' } }) }), 'app.info', /FORBIDDEN_SENDER/],
    [
      'the write is not read back',
      (s) => ({ ...s, invoke: async (channel, input) => (channel === 'setup.status' ? { ok: true, value: { installation: null, operators: [] } } : s.invoke(channel, input)) }),
      'write',
      /读回/,
    ],
    ['the CSP header is missing', (s) => ({ ...s, entryHeaders: async () => ({ 'content-type': 'text/html' }) }), 'csp', /没有/],
    ['the CSP is weakened', (s) => ({ ...s, entryHeaders: async () => ({ 'content-security-policy': "default-src *" }) }), 'csp', /default-src \*/],
    ['the page navigated away', (s) => ({ ...s, tryNavigate: async () => ({ attempted: true, urlAfter: OUTSIDE_URL }) }), 'navigation', /example\.com/],
    ['the navigation attempt never happened', (s) => ({ ...s, tryNavigate: async () => ({ attempted: false, urlAfter: APP_ENTRY_URL }) }), 'navigation', /没有尝试/],
  ];

  it.each(broken)('names the failed step and exits 1 when %s', async (_case, breakIt, step, reason) => {
    const report = await runSelfTest(breakIt(healthyShell()));
    expect(report).toMatchObject({ selfTest: 'failed', step, passed: SELF_TEST_STEPS.slice(0, SELF_TEST_STEPS.indexOf(step as never)) });
    expect((report as { error: string }).error).toMatch(reason);
    expect(selfTestExitCode(report)).toBe(1);
  });

  it('stops at the first failure without running the later steps', async () => {
    const calls: string[] = [];
    const shell = { ...healthyShell(calls), entryHeaders: async () => ({}) };
    await runSelfTest(shell);
    expect(calls.some((call) => call.startsWith('navigate'))).toBe(false);
  });

  it('names a step that hangs instead of waiting for ever', async () => {
    const shell = { ...healthyShell(), tryNavigate: () => new Promise<never>(() => undefined) };
    const report = await runSelfTest(shell, { stepTimeoutMs: 50 });
    expect(report).toMatchObject({ selfTest: 'failed', step: 'navigation' });
    expect((report as { error: string }).error).toContain('秒没有完成');
  });
});

describe('the report line', () => {
  it('is one line of JSON with what it ran on', async () => {
    const line = selfTestLine(await runSelfTest(healthyShell()), { electron: '45.5.0', abi: '150' });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toMatchObject({ selfTest: 'ok', electron: '45.5.0', abi: '150' });
  });

  it('goes to the file --self-test-report names, in either spelling', () => {
    expect(selfTestReportFile(['jixiao.exe', '--self-test', '--self-test-report', 'C:\\Users\\张 三\\自检.json'])).toBe('C:\\Users\\张 三\\自检.json');
    expect(selfTestReportFile(['jixiao', '--self-test', '--self-test-report=/tmp/r.json'])).toBe('/tmp/r.json');
    expect(selfTestReportFile(['jixiao', '--self-test'])).toBeNull();
  });
});
