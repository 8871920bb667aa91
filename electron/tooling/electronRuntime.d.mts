// Types for electronRuntime.mjs, so the TypeScript tests can import it.
export type ElectronRuntime =
  | { installed: true; binary: string }
  | { installed: false; reason: 'no-package' | 'no-path-file' | 'no-binary' };

export function findElectronRuntime(electronPackageDir: string, env?: Record<string, string | undefined>): ElectronRuntime;
export const BUILD_OUTPUTS: string[];
export function missingBuildOutputs(rootDir: string): string[];
export function electronArgs(rootDir: string, userArgs: readonly string[]): string[];
export function electronEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
export function browserFallbackNotice(reason: 'no-package' | 'no-path-file' | 'no-binary'): string;
export const SELF_TEST_SKIPPED: string;
export function electronLaunch(options: {
  binary: string;
  rootDir: string;
  userArgs: readonly string[];
  env: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  uid?: number | null;
  xvfbRun?: string | null;
}): { command: string; args: string[]; env: Record<string, string | undefined> };
