// Start-up decisions for the desktop app: which database to open and what to say when it cannot be.
import { StoreError } from '../../db/open';

/** The value of `name <value>` or `name=<value>` on the command line. */
export function option(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  if (at >= 0) return argv[at + 1];
  const inline = argv.find((arg) => arg.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

/**
 * The database file: `--db <file>` on the command line, else JIXIAO_DB, else the per-user default the
 * CLI and the web bridge use too.
 */
export function chooseDbPath(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const fromArgs = option(argv, '--db');
  if (fromArgs) return fromArgs;
  if (env.JIXIAO_DB) return env.JIXIAO_DB;
  return fallback;
}

/** The native error box shown when the app cannot start; a StoreError already says what to do. */
export function startupFailure(error: unknown): { title: string; content: string } {
  const title = '绩效无法启动';
  if (error instanceof StoreError) return { title, content: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { title, content: `启动时出现意外错误：${detail}\n\n数据未做修改。请重新启动；如仍失败，请联系技术支持。` };
}

/** Windows groups taskbar buttons and notifications by this id; it matches electron-builder's appId. */
export const APP_ID = 'cn.gov.caizheng.jixiao';
export const APP_NAME = '绩效';
