import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBindingPath } from '../../db/runtime';
import {
  electronBindingFile,
  electronRebuildPackage,
  parseElectronProbe,
  prepareElectronSqlite,
  type Run,
  type RunResult,
} from './electronSqlite.mjs';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A checkout with better-sqlite3 in node_modules, its Node build included. */
function checkout(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-prepare-'));
  made.push(root);
  const sqlite = path.join(root, 'node_modules', 'better-sqlite3');
  fs.mkdirSync(path.join(sqlite, 'build', 'Release'), { recursive: true });
  fs.mkdirSync(path.join(sqlite, 'src'), { recursive: true });
  fs.writeFileSync(path.join(sqlite, 'package.json'), '{"name":"better-sqlite3","version":"12.11.1"}');
  fs.writeFileSync(path.join(sqlite, 'src', 'better_sqlite3.cpp'), '// source');
  fs.writeFileSync(path.join(sqlite, 'build', 'Release', 'better_sqlite3.node'), 'NODE BUILD');
  return root;
}

const electron = { abi: '150', version: '45.5.0' };

interface Call {
  command: string;
  args: string[];
  cwd: string;
}

/** Stands in for prebuild-install and npx: each answer either leaves a built binding where the real tool would, or fails. */
function tools(answers: { prebuilt: 'works' | 'fails'; rebuild: 'works' | 'fails' }) {
  const calls: Call[] = [];
  const run: Run = (command, args, { cwd }): RunResult => {
    calls.push({ command, args, cwd });
    const isRebuild = command === 'npx';
    const outcome = isRebuild ? answers.rebuild : answers.prebuilt;
    if (outcome === 'fails') return { status: 1, stderr: isRebuild ? 'gyp ERR! connect ETIMEDOUT' : 'prebuild-install warn install getaddrinfo ENOTFOUND github.com' };
    const release = isRebuild ? path.join(cwd, 'node_modules', 'better-sqlite3', 'build', 'Release') : path.join(cwd, 'build', 'Release');
    fs.mkdirSync(release, { recursive: true });
    fs.writeFileSync(path.join(release, 'better_sqlite3.node'), isRebuild ? 'ELECTRON COMPILED' : 'ELECTRON PREBUILT');
    return { status: 0 };
  };
  return { calls, run };
}

const nodeBuildOf = (root: string) => fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8');

describe('prepareElectronSqlite', () => {
  it('keeps the binding in the place the desktop app looks for it', () => {
    expect(electronBindingFile('/repo', '150')).toBe(electronBindingPath('/repo', '150'));
  });

  it('does nothing when the binding for this ABI is already there', () => {
    const root = checkout();
    const file = electronBindingFile(root, '150');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'READY');
    const { calls, run } = tools({ prebuilt: 'works', rebuild: 'works' });
    const lines: string[] = [];
    expect(prepareElectronSqlite({ rootDir: root, electron, run, log: (line) => lines.push(line), prebuildInstallBin: '/pi/bin.js' })).toEqual({ ok: true, file, prepared: false });
    expect(calls).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('fetches the prebuilt Electron binding when it is missing, saying so, and leaves Node’s build alone', () => {
    const root = checkout();
    const { calls, run } = tools({ prebuilt: 'works', rebuild: 'works' });
    const lines: string[] = [];
    const result = prepareElectronSqlite({ rootDir: root, electron, arch: 'x64', run, log: (line) => lines.push(line), prebuildInstallBin: '/pi/bin.js' });
    expect(result).toEqual({ ok: true, file: electronBindingFile(root, '150'), prepared: true });
    expect(fs.readFileSync(electronBindingFile(root, '150'), 'utf8')).toBe('ELECTRON PREBUILT');
    expect(nodeBuildOf(root)).toBe('NODE BUILD');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args).toEqual(['/pi/bin.js', '--runtime', 'electron', '--target', '45.5.0', '--arch', 'x64']);
    expect(calls[0]?.cwd).not.toContain(root);
    expect(lines[0]).toContain('Electron 45.5.0（ABI 150，x64）');
    expect(lines.at(-1)).toBe('SQLite 模块已准备好。');
  });

  it('compiles with @electron/rebuild in a copy of the package when the prebuilt cannot be fetched', () => {
    const root = checkout();
    const { calls, run } = tools({ prebuilt: 'fails', rebuild: 'works' });
    const lines: string[] = [];
    const result = prepareElectronSqlite({ rootDir: root, electron, arch: 'arm64', nodeVersion: '20.20.2', run, log: (line) => lines.push(line), prebuildInstallBin: '/pi/bin.js' });
    expect(result).toMatchObject({ ok: true, prepared: true });
    expect(fs.readFileSync(electronBindingFile(root, '150'), 'utf8')).toBe('ELECTRON COMPILED');
    expect(nodeBuildOf(root)).toBe('NODE BUILD');
    const rebuild = calls[1]!;
    expect(rebuild.command).toBe('npx');
    expect(rebuild.args).toEqual(['--yes', '@electron/rebuild@3', '--version', '45.5.0', '--arch', 'arm64', '--module-dir', rebuild.cwd, '--only', 'better-sqlite3', '--force']);
    expect(lines.join('\n')).toContain('下载预编译版失败：prebuild-install warn install getaddrinfo ENOTFOUND github.com');
    expect(lines.join('\n')).toContain('从源码编译');
  });

  it('says in Chinese why it falls back to the browser when neither way works, leaving no partial binding', () => {
    const root = checkout();
    const { run } = tools({ prebuilt: 'fails', rebuild: 'fails' });
    const result = prepareElectronSqlite({ rootDir: root, electron, run, log: () => undefined, prebuildInstallBin: '/pi/bin.js' });
    expect(result.ok).toBe(false);
    const notice = (result as { notice: string }).notice;
    expect(notice).toMatch(/^无法为 Electron 准备 SQLite 模块/);
    expect(notice).toContain('ENOTFOUND github.com');
    expect(notice).toContain('ETIMEDOUT');
    expect(notice).toContain('改为在浏览器中运行');
    expect(fs.existsSync(path.dirname(electronBindingFile(root, '150')))).toBe(false);
    expect(nodeBuildOf(root)).toBe('NODE BUILD');
  });

  it('goes straight to compiling where prebuild-install is not installed', () => {
    const root = checkout();
    const { calls, run } = tools({ prebuilt: 'works', rebuild: 'works' });
    expect(prepareElectronSqlite({ rootDir: root, electron, run, log: () => undefined })).toMatchObject({ ok: true });
    expect(calls.map((call) => call.command)).toEqual(['npx']);
  });
});

describe('Electron probe', () => {
  it('reads the ABI and version the binary prints', () => {
    expect(parseElectronProbe('150 45.5.0\n')).toEqual({ abi: '150', version: '45.5.0' });
  });

  it('rejects anything else, such as an error message', () => {
    expect(parseElectronProbe('')).toBeNull();
    expect(parseElectronProbe('Error: cannot find module')).toBeNull();
  });

  it('picks the @electron/rebuild line this Node can run', () => {
    expect(electronRebuildPackage('20.20.2')).toBe('@electron/rebuild@3');
    expect(electronRebuildPackage('22.12.0')).toBe('@electron/rebuild@4');
  });
});
