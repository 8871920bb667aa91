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
