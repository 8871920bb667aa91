// Types for electronSqlite.mjs, so the TypeScript tests can import it.
export interface RunResult {
  status: number | null;
  stderr?: string | Buffer;
  error?: Error;
}
export type Run = (command: string, args: string[], options: { cwd: string; shell?: boolean }) => RunResult;
export type PreparedSqlite = { ok: true; file: string; prepared: boolean } | { ok: false; notice: string };

export function electronBindingFile(rootDir: string, abi: string): string;
export const ELECTRON_PROBE_ARGS: string[];
export function parseElectronProbe(stdout: string): { abi: string; version: string } | null;
export function electronRebuildPackage(nodeVersion: string): string;
export function prepareElectronSqlite(options: {
  rootDir: string;
  electron: { abi: string; version: string };
  arch?: string;
  platform?: NodeJS.Platform;
  nodeVersion?: string;
  prebuildInstallBin?: string | null;
  run: Run;
  log: (line: string) => void;
}): PreparedSqlite;
export function electronSqliteFallbackNotice(failures: string[]): string;
