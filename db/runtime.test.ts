import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { bindingOptions, chooseSqliteBinding, electronBindingPath, sqliteFileName } from './runtime';
import { StoreError } from './storeError';

const made: string[] = [];
function tempRoot(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-binding-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const nodeBuild = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');

function withElectronBinding(rootDir: string, abi: string, source: string | Buffer): string {
  const file = electronBindingPath(rootDir, abi);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (typeof source === 'string') fs.copyFileSync(source, file);
  else fs.writeFileSync(file, source);
  return file;
}

describe('chooseSqliteBinding', () => {
  it('leaves Node (CLI, bridge, tests) on the build npm made in node_modules', () => {
    const rootDir = tempRoot();
    withElectronBinding(rootDir, '150', Buffer.from('not for node'));
    expect(chooseSqliteBinding({ versions: { modules: '115' }, rootDir })).toEqual({ kind: 'default' });
  });

  it('gives Electron the binding kept apart for its own ABI', () => {
    const rootDir = tempRoot();
    const file = withElectronBinding(rootDir, '150', Buffer.from('x'));
    expect(file).toBe(path.join(rootDir, 'out', 'native', 'electron-150', 'better_sqlite3.node'));
    expect(chooseSqliteBinding({ versions: { electron: '45.5.0', modules: '150' }, rootDir })).toEqual({ kind: 'electron', file });
  });

  it('does not hand Electron a binding prepared for another Electron ABI', () => {
    const rootDir = tempRoot();
    withElectronBinding(rootDir, '143', Buffer.from('x'));
    expect(() => chooseSqliteBinding({ versions: { electron: '45.5.0', modules: '150' }, rootDir })).toThrow(/ABI 150/);
  });

  it('refuses in Chinese, naming the file and npm start, when the Electron binding is missing', () => {
    const rootDir = tempRoot();
    let error: unknown;
    try {
      chooseSqliteBinding({ versions: { electron: '45.5.0', modules: '150' }, rootDir });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('NATIVE_MODULE');
    expect((error as Error).message).toContain(electronBindingPath(rootDir, '150'));
    expect((error as Error).message).toContain('npm start');
  });

  it('leaves an installer on the module electron-builder rebuilt inside app.asar', () => {
    const rootDir = path.join(tempRoot(), 'resources', 'app.asar');
    expect(chooseSqliteBinding({ versions: { electron: '45.5.0', modules: '150' }, rootDir, exists: () => false })).toEqual({ kind: 'default' });
  });
});

describe('bindingOptions', () => {
  it('makes better-sqlite3 load the chosen file, not its own build', () => {
    const rootDir = tempRoot();
    withElectronBinding(rootDir, '150', nodeBuild);
    const chosen = chooseSqliteBinding({ versions: { electron: '45.5.0', modules: '150' }, rootDir });
    const db = new Database(':memory:', bindingOptions(chosen));
    expect(db.prepare('SELECT 41 + 1 AS n').get()).toEqual({ n: 42 });
    db.close();
    // A file that is no binding at all fails: the option really is what gets loaded.
    const broken = tempRoot();
    withElectronBinding(broken, '150', Buffer.from('not a shared object'));
    const brokenChoice = chooseSqliteBinding({ versions: { electron: '45.5.0', modules: '150' }, rootDir: broken });
    expect(() => new Database(':memory:', bindingOptions(brokenChoice))).toThrow();
  });

  it('passes nothing for the default build', () => {
    expect(bindingOptions({ kind: 'default' })).toEqual({});
  });
});

describe('sqliteFileName on Windows', () => {
  const long = (prefix: string) => `${prefix}\\${'绩效数据 备份'.repeat(20)}\\${'x'.repeat(120)}\\jixiao.db`;

  it('keeps a short path with a Chinese user name and spaces as it is', () => {
    const file = 'C:\\Users\\张 三\\AppData\\Roaming\\jixiao\\jixiao.db';
    expect(sqliteFileName(file, 'win32')).toBe(file);
  });

  it('prefixes a path longer than MAX_PATH with \\\\?\\', () => {
    const file = long('C:\\Users\\张 三\\Documents');
    expect(file.length).toBeGreaterThan(259);
    expect(sqliteFileName(file, 'win32')).toBe(`\\\\?\\${file}`);
  });

  it('normalises forward slashes first, since \\\\?\\ turns off Windows’ own normalisation', () => {
    const file = long('D:/共享 文件夹').replaceAll('\\', '/');
    expect(sqliteFileName(file, 'win32')).toBe(`\\\\?\\${file.replaceAll('/', '\\')}`);
  });

  it('uses \\\\?\\UNC\\ for a long path on a network share', () => {
    const file = long('\\\\财政局服务器\\共享');
    expect(sqliteFileName(file, 'win32')).toBe(`\\\\?\\UNC\\${file.slice(2)}`);
  });

  it('leaves an already prefixed path, a relative one and every path on Linux alone', () => {
    const prefixed = `\\\\?\\${long('C:\\a')}`;
    expect(sqliteFileName(prefixed, 'win32')).toBe(prefixed);
    const relative = long('data');
    expect(sqliteFileName(relative, 'win32')).toBe(relative);
    const linux = `/home/张三/${'x'.repeat(300)}.db`;
    expect(sqliteFileName(linux, 'linux')).toBe(linux);
  });
});
