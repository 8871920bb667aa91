// Decisions for `npm start`, kept apart from start.mjs so vitest can check them with temp folders.
// Finding Electron must never download it: require('electron') fetches the binary on first use, which
// fails (or hangs) offline, so this reads the package's path.txt the way its index.js does, minus the
// download.
import fs from 'node:fs';
import path from 'node:path';

const isFile = (file) => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * Where the Electron executable is, if it is really on disk.
 * @param {string} electronPackageDir node_modules/electron
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ installed: true, binary: string } | { installed: false, reason: 'no-package' | 'no-path-file' | 'no-binary' }}
 */
export function findElectronRuntime(electronPackageDir, env = process.env) {
  if (!fs.existsSync(path.join(electronPackageDir, 'package.json'))) return { installed: false, reason: 'no-package' };
  let executable = null;
  try {
    executable = fs.readFileSync(path.join(electronPackageDir, 'path.txt'), 'utf8').trim() || null;
  } catch {
    executable = null;
  }
  // Same override Electron's own launcher honours, for a binary unpacked by hand.
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable ?? 'electron');
    return isFile(binary) ? { installed: true, binary } : { installed: false, reason: 'no-binary' };
  }
  if (!executable) return { installed: false, reason: 'no-path-file' };
  const binary = path.join(electronPackageDir, 'dist', executable);
  return isFile(binary) ? { installed: true, binary } : { installed: false, reason: 'no-binary' };
}

/** The build outputs `npm start` needs; any missing one means building first. */
export const BUILD_OUTPUTS = ['out/main.mjs', 'out/preload.cjs', 'out/bridge.mjs', 'out/renderer/index.html'];

/**
 * @param {string} rootDir the project folder
 * @returns {string[]} the outputs that are missing, relative to rootDir
 */
export function missingBuildOutputs(rootDir) {
  return BUILD_OUTPUTS.filter((output) => !isFile(path.join(rootDir, output)));
}

/**
 * The command line for the Electron binary: the project folder (Electron reads package.json "main"),
 * then the user's arguments unchanged (--db, --port…).
 * @param {string} rootDir
 * @param {readonly string[]} userArgs
 */
export function electronArgs(rootDir, userArgs) {
  return [rootDir, ...userArgs];
}

/**
 * The environment for Electron: without ELECTRON_RUN_AS_NODE, which would make it a plain Node and
 * silently ignore the app.
 * @param {Record<string, string | undefined>} env
 */
export function electronEnv(env) {
  const { ELECTRON_RUN_AS_NODE: _ignored, ...rest } = env;
  return rest;
}

/**
 * The line printed when the desktop runtime is absent, in Chinese, saying what happens instead.
 * @param {'no-package' | 'no-path-file' | 'no-binary'} reason
 */
export function browserFallbackNotice(reason) {
  const why = reason === 'no-package' ? '未安装 electron 依赖包' : '未下载 Electron 程序文件';
  return `本机未安装 Electron 运行环境（${why}），绩效改为在浏览器中运行。`;
}

/** What `npm run self-test` prints where there is no Electron binary to test (CI here, a server). */
export const SELF_TEST_SKIPPED = 'skipped: no Electron binary';

/**
 * The command that runs the Electron binary on the app. Two Linux cases need help only a machine without a
 * desktop has: Chromium refuses to run as root with its sandbox (a CI container), and a window, even a
 * hidden one, needs a display, which xvfb-run provides for the self-test.
 * @param {{ binary: string, rootDir: string, userArgs: readonly string[], env: Record<string, string | undefined>,
 *   platform?: NodeJS.Platform, uid?: number | null, xvfbRun?: string | null }} options
 * @returns {{ command: string, args: string[], env: Record<string, string | undefined> }}
 */
export function electronLaunch({ binary, rootDir, userArgs, env, platform = process.platform, uid = null, xvfbRun = null }) {
  const args = electronArgs(rootDir, userArgs);
  const linux = platform === 'linux';
  if (linux && uid === 0) args.push('--no-sandbox');
  const headless = linux && !env.DISPLAY && !env.WAYLAND_DISPLAY;
  if (headless && xvfbRun && userArgs.includes('--self-test')) return { command: xvfbRun, args: ['-a', binary, ...args], env: electronEnv(env) };
  return { command: binary, args, env: electronEnv(env) };
}
