// Enforces the layering the architecture depends on: only the two Electron entry files may load
// Electron (anything else would break vitest, the CLI and the web bridge, where the binary is absent),
// and the domain stays pure so the renderer can run it for live previews.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../paths';

const root = appRoot();
const SOURCE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;
const ELECTRON_ENTRIES = new Set(['electron/shell/main.ts', 'electron/shell/preload.ts']);
// Built without a literal so this file's own samples cannot be mistaken for an import.
const ELECTRON = ['elec', 'tron'].join('');

function sourceFiles(folder: string): string[] {
  const start = path.join(root, folder);
  if (!fs.existsSync(start)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(start);
  return found.sort();
}

/** Every module a source file names in import/export-from, side-effect import, import() or require(). */
function moduleSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /(?:^|[^\w$.])(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|[^\w$.])import\s*['"]([^'"]+)['"]/g,
    /(?:^|[^\w$.])(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1] ?? ''));
}

const isElectron = (specifier: string) => specifier === ELECTRON || specifier.startsWith(`${ELECTRON}/`);
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? '');

function offenders(files: string[], forbidden: (specifier: string, file: string) => boolean): string[] {
  return files.flatMap((file) =>
    moduleSpecifiers(fs.readFileSync(path.join(root, file), 'utf8'))
      .filter((specifier) => forbidden(specifier, file))
      .map((specifier) => `${file} → ${specifier}`),
  );
}

describe('moduleSpecifiers', () => {
  it.each([
    ['a named import', `import { app } from '${ELECTRON}';`, [ELECTRON]],
    ['a type-only import', `import type { WebContents } from "${ELECTRON}";`, [ELECTRON]],
    ['a multi-line import', `import {\n  app,\n  dialog,\n} from '${ELECTRON}';`, [ELECTRON]],
    ['a re-export', `export { ipcMain } from '${ELECTRON}/main';`, [`${ELECTRON}/main`]],
    ['a side-effect import', `import '${ELECTRON}';`, [ELECTRON]],
    ['a dynamic import', `const e = await import('${ELECTRON}');`, [ELECTRON]],
    ['a require', `const { app } = require("${ELECTRON}");`, [ELECTRON]],
    ['a namespace import', `import * as fs from 'node:fs';`, ['node:fs']],
  ])('finds %s', (_name, source, expected) => {
    expect(moduleSpecifiers(source)).toEqual(expected);
  });

  it.each([
    ['a string that merely names it', `export type Transport = '${ELECTRON}' | 'bridge';`],
    ['a line comment', `// import { app } from '${ELECTRON}';`],
    ['a block comment', `/* require('${ELECTRON}') */`],
    ['a method called require', `loader.require('${ELECTRON}')`],
  ])('ignores %s', (_name, source) => {
    expect(moduleSpecifiers(source).filter(isElectron)).toEqual([]);
  });
});

describe('layering', () => {
  const nodeSide = sourceFiles('electron').filter((file) => !ELECTRON_ENTRIES.has(file));
  const scanned = [...nodeSide, ...sourceFiles('db'), ...sourceFiles('renderer/src')];

  it('finds the source it is meant to guard', () => {
    expect(scanned).toContain('electron/shell/security.ts');
    expect(scanned.some((file) => file.startsWith('db/'))).toBe(true);
  });

  it('loads Electron only from the shell’s main and preload entries', () => {
    expect(offenders(scanned, isElectron)).toEqual([]);
  });

  it('keeps the domain free of Node built-ins, Electron and the database', () => {
    const domain = sourceFiles('electron/domain').filter((file) => !/\.test\.[cm]?[jt]sx?$/.test(file));
    const impure = (specifier: string, file: string) => {
      if (isNodeBuiltin(specifier) || isElectron(specifier) || specifier === 'better-sqlite3' || specifier.startsWith('drizzle-orm')) return true;
      // A relative import must not reach the store (db/) from the domain.
      if (!specifier.startsWith('.')) return false;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      return target === 'db' || target.startsWith('db/');
    };
    expect(offenders(domain, impure)).toEqual([]);
  });
});
