// How this process reaches SQLite: which compiled better-sqlite3 it loads, and in which form it names
// files. Node (the CLI, the web bridge, the tests) and Electron's main process speak different native
// ABIs, so one node_modules cannot hold one binding for both: the Node build stays where npm put it and
// the Electron build is kept apart under out/native, prepared by `npm start`.
import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from './storeError';

/** Where `npm start` keeps better-sqlite3 compiled for one Electron ABI (process.versions.modules). */
export function electronBindingPath(rootDir: string, abi: string): string {
  return path.join(rootDir, 'out', 'native', `electron-${abi}`, 'better_sqlite3.node');
}

export type SqliteBinding =
  /** better-sqlite3 finds its own build: the Node one in node_modules, or the one electron-builder rebuilt in the installer. */
  | { kind: 'default' }
  | { kind: 'electron'; file: string };

export interface BindingRuntime {
  /** process.versions: `electron` is set only in Electron's processes, `modules` is the native ABI. */
  versions: Partial<Record<'electron' | 'modules', string>>;
  rootDir: string;
  exists?: (file: string) => boolean;
}

// An installer's app lives in resources/app.asar, where electron-builder already rebuilt the module for
// Electron (npmRebuild); only a development checkout needs the binding kept apart.
const insideAsar = (dir: string) => dir.split(/[\\/]/).includes('app.asar');

/**
 * The binding for this runtime. In Electron from a checkout without the prepared binding it refuses in
 * Chinese, saying how to prepare it, instead of SQLite's "compiled against a different Node.js version".
 */
export function chooseSqliteBinding({ versions, rootDir, exists = fs.existsSync }: BindingRuntime): SqliteBinding {
  if (!versions.electron || insideAsar(rootDir)) return { kind: 'default' };
  const file = electronBindingPath(rootDir, versions.modules ?? 'unknown');
  if (exists(file)) return { kind: 'electron', file };
  throw new StoreError(
    'NATIVE_MODULE',
    `缺少为 Electron ${versions.electron}（ABI ${versions.modules}）编译的 SQLite 模块“${file}”。请用 npm start 启动（它会自动准备该模块），或在能联网的电脑上运行 npm start 一次后再试。数据未做修改。`,
  );
}

/** The better-sqlite3 constructor options that load `binding`. */
export function bindingOptions(binding: SqliteBinding): { nativeBinding?: string } {
  return binding.kind === 'electron' ? { nativeBinding: binding.file } : {};
}

// Windows' MAX_PATH (260 with the closing NUL). Node's fs adds the \\?\ prefix itself; SQLite does not.
const WINDOWS_MAX_PATH = 259;

/**
 * The name SQLite is given for `file`: on Windows a path longer than MAX_PATH gets the \\?\ prefix (\\?\UNC\
 * for a network share) so SQLite's CreateFileW reaches it; every other path is left as it is.
 */
export function sqliteFileName(file: string, platform: NodeJS.Platform = process.platform): string {
  if (platform !== 'win32' || file.length <= WINDOWS_MAX_PATH || file.startsWith('\\\\?\\')) return file;
  const absolute = path.win32.normalize(file);
  if (!path.win32.isAbsolute(absolute) || !/^([a-z]:\\|\\\\[^\\?.])/i.test(absolute)) return file;
  return absolute.startsWith('\\\\') ? `\\\\?\\UNC\\${absolute.slice(2)}` : `\\\\?\\${absolute}`;
}
