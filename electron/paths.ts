// Where the application's own files are, whether running from source (vitest), from the bundles in
// out/ (CLI, web bridge, Electron main), or from an asar archive. Walks up to the package.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

export function appRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'jixiao') {
      root = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('找不到应用目录（package.json）');
    dir = parent;
  }
}

export const appPath = (...parts: string[]): string => path.join(appRoot(), ...parts);

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') uses for this app, so the
 * CLI and the desktop app find the same database.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = process.env.HOME ?? process.env.USERPROFILE ?? '.',
): string {
  const name = 'jixiao';
  if (env.JIXIAO_DATA_DIR) return env.JIXIAO_DATA_DIR;
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', name);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), name);
}

export const defaultDbPath = (): string => path.join(userDataDir(), 'jixiao.db');

let version: string | null = null;
export function appVersion(): string {
  version ??= JSON.parse(fs.readFileSync(appPath('package.json'), 'utf8')).version as string;
  return version;
}
