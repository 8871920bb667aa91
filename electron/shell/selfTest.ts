// `electron . --self-test` (and `jixiao --self-test` once installed): proves the real shell works on this
// machine — the SQLite binding, app://, the sandboxed window with its preload, IPC, the CSP and the
// navigation guard — before an installer is handed out. The steps are a pure sequence over a small
// interface; main.ts implements it with Electron, the tests with a stand-in.
import { option } from './startup';
import { APP_ENTRY_URL, contentSecurityPolicy, isAppUrl, mainWindowOptions } from './security';

export const SELF_TEST_FLAG = '--self-test';
/** Where the report line is also written: a packaged Windows app has no console to print to. */
export const SELF_TEST_REPORT_FLAG = '--self-test-report';

/** A page that must never replace the app; the self-test asks the page to go there and expects a refusal. */
export const OUTSIDE_URL = 'https://example.com/';

/** The first operator the self-test's temporary database is set up with: its one write. */
export const SELF_TEST_SETUP = { role: 'county', regionCode: '652822', operatorName: '自检', password: null } as const;

export interface SelfTestShell {
  /** Opens a fresh database in a temporary folder and starts serving app:// and IPC on it; its path. */
  openTemporaryDatabase(): Promise<string>;
  /** Loads the renderer from app:// into a hidden window; the URL shown and the window's web preferences. */
  loadRenderer(): Promise<{ url: string; webPreferences: Record<string, unknown> }>;
  /** Calls a channel from inside the page, through window.jixiao (the real preload and IPC). */
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** The response headers app:// gives for the entry page. */
  entryHeaders(): Promise<Record<string, string>>;
  /** Makes the page try to go to `url`; whether the attempt was seen, and where the page is afterwards. */
  tryNavigate(url: string): Promise<{ attempted: boolean; urlAfter: string }>;
}

export const SELF_TEST_STEPS = ['database', 'renderer', 'app.info', 'write', 'csp', 'navigation'] as const;
export type SelfTestStep = (typeof SELF_TEST_STEPS)[number];

export type SelfTestReport =
  | { selfTest: 'ok'; steps: SelfTestStep[]; [detail: string]: unknown }
  | { selfTest: 'failed'; step: SelfTestStep; error: string; passed: SelfTestStep[]; [detail: string]: unknown };

const fail = (message: string): never => {
  throw new Error(message);
};

function okValue(result: unknown, channel: string): Record<string, unknown> {
  const answer = (result ?? {}) as { ok?: unknown; value?: unknown; error?: { code?: string; message?: string } };
  if (answer.ok !== true) return fail(`${channel} 调用失败：${answer.error?.code ?? '无回答'} ${answer.error?.message ?? JSON.stringify(result)}`);
  return (answer.value ?? {}) as Record<string, unknown>;
}

// The production window settings, whatever the preload's path on this machine; developer tools off.
const productionPreferences = (preload: unknown) => mainWindowOptions(String(preload), { devTools: false }).webPreferences;

type StepCheck = (shell: SelfTestShell, facts: Record<string, unknown>) => Promise<void>;

const CHECKS: Record<SelfTestStep, StepCheck> = {
  database: async (shell, facts) => {
    facts.dbPath = await shell.openTemporaryDatabase();
  },
  renderer: async (shell) => {
    const { url, webPreferences } = await shell.loadRenderer();
    if (url !== APP_ENTRY_URL) fail(`窗口显示的是“${url}”，应为 ${APP_ENTRY_URL}`);
    const expected = productionPreferences(webPreferences.preload);
    const differing = Object.keys(expected).filter((key) => webPreferences[key] !== expected[key as keyof typeof expected]);
    if (differing.length > 0) fail(`窗口的安全设置与正式版不同：${differing.join('、')}`);
  },
  'app.info': async (shell, facts) => {
    const info = okValue(await shell.invoke('app.info', {}), 'app.info');
    if (info.transport !== 'electron') fail(`app.info 的通道是“${String(info.transport)}”，应为 electron`);
    if (info.dbPath !== facts.dbPath) fail(`app.info 报告的数据库是“${String(info.dbPath)}”，应为临时数据库“${String(facts.dbPath)}”`);
    facts.version = info.version;
  },
  write: async (shell) => {
    okValue(await shell.invoke('setup.init', SELF_TEST_SETUP), 'setup.init');
    const status = okValue(await shell.invoke('setup.status', {}), 'setup.status') as { installation?: { region?: { code?: string } } | null; operators?: { name?: string }[] };
    const written = status.installation?.region?.code === SELF_TEST_SETUP.regionCode && status.operators?.some((operator) => operator.name === SELF_TEST_SETUP.operatorName);
    if (!written) fail('setup.init 报告成功，但读回的数据库里没有这次写入的单位和操作员');
  },
  csp: async (shell) => {
    const headers = Object.fromEntries(Object.entries(await shell.entryHeaders()).map(([name, value]) => [name.toLowerCase(), value]));
    const policy = headers['content-security-policy'];
    if (policy !== contentSecurityPolicy()) fail(`app:// 的 Content-Security-Policy 是“${policy ?? '（没有）'}”，与规定的不同`);
  },
  navigation: async (shell) => {
    const { attempted, urlAfter } = await shell.tryNavigate(OUTSIDE_URL);
    if (!attempted) fail(`页面没有尝试打开 ${OUTSIDE_URL}，无法确认导航被拒绝`);
    if (!isAppUrl(urlAfter)) fail(`页面被导航到了“${urlAfter}”：外部网址没有被拒绝`);
  },
};

/** Runs `step` but gives up after `ms`, so a hang names its step instead of stalling the build machine. */
async function withinTime(step: SelfTestStep, work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`超过 ${ms / 1000} 秒没有完成`)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the steps in order and stops at the first that fails, naming it. */
export async function runSelfTest(shell: SelfTestShell, options: { stepTimeoutMs?: number } = {}): Promise<SelfTestReport> {
  const facts: Record<string, unknown> = {};
  const passed: SelfTestStep[] = [];
  for (const step of SELF_TEST_STEPS) {
    try {
      await withinTime(step, CHECKS[step](shell, facts), options.stepTimeoutMs ?? 30_000);
    } catch (error) {
      return { selfTest: 'failed', step, error: error instanceof Error ? error.message : String(error), passed };
    }
    passed.push(step);
  }
  return { selfTest: 'ok', steps: passed, ...facts };
}

export const selfTestExitCode = (report: SelfTestReport): number => (report.selfTest === 'ok' ? 0 : 1);

/** The one line printed: the report and what it ran on. */
export function selfTestLine(report: SelfTestReport, runtime: Record<string, unknown>): string {
  return JSON.stringify({ ...report, ...runtime });
}

/** `--self-test-report=<file>` or `--self-test-report <file>`, if given. */
export function selfTestReportFile(argv: readonly string[]): string | null {
  return option(argv, SELF_TEST_REPORT_FLAG) || null;
}
