// Enforces the layering the architecture depends on (architecture.md, "Layers and who may import whom"
// and "A workflow is one folder"). Each rule names the offending edge as `importer → imported`.
//
// The parser is a few regexes over the TypeScript sources (TS 7 has no JS API). It sees
// `import … from`, `export … from`, side-effect `import '…'`, `import(…)` and `require(…)`, and tells
// type-only edges (`import type …`, `export type … from`) apart: tsc erases those, so they never load a
// module at run time. `import { type A }` is NOT type-only: with `verbatimModuleSyntax` it stays as
// `import {} from '…'` and loads the module.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from './paths';

const root = appRoot();
const SOURCE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;
const ELECTRON_ENTRIES = new Set(['electron/shell/main.ts', 'electron/shell/preload.ts']);
// Built without a literal so this file's own samples cannot be mistaken for an import.
const ELECTRON = ['elec', 'tron'].join('');
/** The one folder of test support (fixtures, county builder, CLI runner); never beside production code. */
const TEST_SUPPORT = 'electron/testSupport/';

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

interface ModuleReference {
  specifier: string;
  /** Erased by tsc: cannot load the module at run time. */
  typeOnly: boolean;
}

/** Every module a source file names, with whether the reference survives compilation. */
export function moduleReferences(source: string): ModuleReference[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const fromClauses = [...code.matchAll(/(?:^|[^\w$.])(import|export)(\s+type)?\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g)].map((match) => ({
    specifier: match[3] ?? '',
    typeOnly: match[2] !== undefined,
  }));
  const loads = [
    /(?:^|[^\w$.])import\s*['"]([^'"]+)['"]/g,
    /(?:^|[^\w$.])(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ].flatMap((pattern) => [...code.matchAll(pattern)].map((match) => ({ specifier: match[1] ?? '', typeOnly: false })));
  return [...fromClauses, ...loads];
}

const moduleSpecifiers = (source: string): string[] => moduleReferences(source).map((reference) => reference.specifier);

const isElectron = (specifier: string) => specifier === ELECTRON || specifier.startsWith(`${ELECTRON}/`);
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? '');

const isTest = (file: string) => /\.(?:test|bench|e2e)\.[cm]?[jt]sx?$/.test(file) || file.startsWith('e2e/');
const isTestSupport = (file: string) => file.startsWith(TEST_SUPPORT);
const isProduction = (file: string) => !isTest(file) && !isTestSupport(file);

const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

/** The repository file a relative specifier names, or null for packages and built-ins. */
function resolveRelative(importer: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(importer), specifier));
  // The built bundles (out/) are generated from these sources and may not exist before a build.
  if (base === 'out' || base.startsWith('out/')) return null;
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix;
    const full = path.join(root, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  // A test may hold code for a child process in a string (`require('./electron/…')` run from the root);
  // in production code an unresolved import means this parser misread something.
  if (isTest(importer)) return null;
  throw new Error(`${importer} imports ${specifier}, which names no file`);
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function edgesOf(files: string[]): Edge[] {
  return files.flatMap((from) =>
    moduleReferences(fs.readFileSync(path.join(root, from), 'utf8')).flatMap(({ specifier, typeOnly }) => {
      const to = resolveRelative(from, specifier);
      return to ? [{ from, to, typeOnly }] : [];
    }),
  );
}

const describeEdge = (edge: Edge) => `${edge.from} → ${edge.to}${edge.typeOnly ? ' (type-only)' : ''}`;

/** Cycles of run-time edges, each as `a → b → … → a`: one per strongly connected component (Tarjan). */
export function runTimeCycles(edges: Edge[]): string[] {
  const next = new Map<string, string[]>();
  for (const edge of edges) if (!edge.typeOnly) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (next.get(node) ?? []).includes(node)) components.push(component);
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => shortestLoop(component, next));
}

/** One concrete loop through a component, so the message shows the edges to cut. */
function shortestLoop(component: string[], next: Map<string, string[]>): string {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of next.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const loop = [start];
        for (let step: string | undefined = node; step !== undefined && step !== start; step = cameFrom.get(step)) loop.splice(1, 0, step);
        return [...loop, start].join(' → ');
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return component.join(' ↔ ');
}

/**
 * A workflow folder is an `electron/<name>/` folder declared in the one list (electron/workflows.ts).
 * Its public entry, the only files another folder may import:
 * - `contract.ts`: its IPC part and the types of its inputs and outputs;
 * - `workflow.ts`: its declaration for the one list of workflows;
 * - `exchange.ts`: its exchange records;
 * - `index.ts`: the services and types it offers other workflows.
 * The composition root (electron/plugs.ts) plugs in its code: `handlers.ts` (IPC) and `commands.ts` (CLI).
 */
const LIST = 'electron/workflows.ts';
const COMPOSITION_ROOT = 'electron/plugs.ts';
const WORKFLOWS = [...fs.readFileSync(path.join(root, LIST), 'utf8').matchAll(/from '\.\/(\w+)\/workflow'/g)].map((match) => match[1] ?? '').sort();
const PUBLIC_ENTRY = new Set(['contract.ts', 'workflow.ts', 'exchange.ts', 'index.ts']);
const PLUGS = new Set(['handlers.ts', 'commands.ts']);

function workflowOf(file: string): string | null {
  const [top, folder, ...rest] = file.split('/');
  return top === 'electron' && folder && rest.length > 0 && WORKFLOWS.includes(folder) ? folder : null;
}

function reachesPastPublicEntry(edge: Edge): boolean {
  const workflow = workflowOf(edge.to);
  if (!workflow || workflowOf(edge.from) === workflow) return false;
  const inside = edge.to.slice(`electron/${workflow}/`.length);
  if (PUBLIC_ENTRY.has(inside)) return false;
  return !(PLUGS.has(inside) && edge.from === COMPOSITION_ROOT);
}

/** What the renderer may see of the Node side: the pure domain, and the IPC contract's types. */
function rendererMayImport(edge: Edge): boolean {
  if (edge.to.startsWith('renderer/')) return true;
  if (edge.to.startsWith('electron/domain/')) return true;
  const isContract = edge.to === 'electron/ipc/contract.ts' || edge.to === 'electron/shell/bridgeApi.ts' || edge.to === 'electron/xlsx/importKit.ts' || (workflowOf(edge.to) !== null && edge.to.endsWith('/contract.ts'));
  return isContract && edge.typeOnly;
}

function offenders(files: string[], forbidden: (specifier: string, file: string) => boolean): string[] {
  return files.flatMap((file) =>
    moduleSpecifiers(fs.readFileSync(path.join(root, file), 'utf8'))
      .filter((specifier) => forbidden(specifier, file))
      .map((specifier) => `${file} → ${specifier}`),
  );
}

describe('moduleReferences', () => {
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

  it.each([
    ['import type', `import type { Unit } from './units';`, true],
    ['export type … from', `export type { Unit } from './units';`, true],
    ['a multi-line import type', `import type {\n  Unit,\n  Draft,\n} from './units';`, true],
    ['inline type specifiers only (kept as import {} under verbatimModuleSyntax)', `import { type Unit } from './units';`, false],
    ['a value import', `import { listUnits } from './units';`, false],
    ['a value re-export', `export { listUnits } from './units';`, false],
    ['a star re-export', `export * from './units';`, false],
    ['a dynamic import', `await import('./units');`, false],
  ])('tells whether %s loads the module at run time', (_name, source, typeOnly) => {
    expect(moduleReferences(source)).toEqual([{ specifier: './units', typeOnly }]);
  });
});

describe('runTimeCycles', () => {
  const edge = (from: string, to: string, typeOnly = false): Edge => ({ from, to, typeOnly });

  it('names the loop of a run-time cycle', () => {
    expect(runTimeCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual(['a → b → c → a']);
  });

  it('ignores a cycle closed only by a type-only import', () => {
    expect(runTimeCycles([edge('a', 'b'), edge('b', 'a', true)])).toEqual([]);
  });

  it('finds a module importing itself', () => {
    expect(runTimeCycles([edge('a', 'a')])).toEqual(['a → a']);
  });
});

describe('layering', () => {
  // This file is left out: its samples above would read as imports.
  const all = ['electron', 'db', 'renderer/src', 'e2e'].flatMap(sourceFiles).filter((file) => file !== 'electron/layering.test.ts');
  const nodeSide = all.filter((file) => !file.startsWith('renderer/') && !ELECTRON_ENTRIES.has(file));
  const edges = edgesOf(all);

  it('finds the source it is meant to guard', () => {
    expect(all).toContain('electron/shell/security.ts');
    expect(all.some((file) => file.startsWith('db/'))).toBe(true);
    expect(WORKFLOWS).toEqual(expect.arrayContaining(['exchange', 'library', 'monitoring', 'projects', 'registry', 'targets']));
    expect(edges.some((edge) => edge.typeOnly)).toBe(true);
    expect(edges.some((edge) => !edge.typeOnly)).toBe(true);
  });

  it('loads Electron only from the shell’s main and preload entries', () => {
    expect(offenders([...nodeSide, ...all.filter((file) => file.startsWith('renderer/'))], isElectron)).toEqual([]);
  });

  it('keeps the domain free of Node built-ins, Electron and the database', () => {
    const domain = all.filter((file) => file.startsWith('electron/domain/') && !isTest(file));
    const impure = (specifier: string, file: string) => {
      if (isNodeBuiltin(specifier) || isElectron(specifier) || specifier === 'better-sqlite3' || specifier.startsWith('drizzle-orm')) return true;
      const target = resolveRelative(file, specifier);
      return target !== null && !target.startsWith('electron/domain/');
    };
    expect(offenders(domain, impure)).toEqual([]);
  });

  it('has no import cycle that runs at load time', () => {
    expect(runTimeCycles(edges)).toEqual([]);
  });

  it('loads no workflow’s handlers or commands from the one list, which the exchange engine reads', () => {
    const loaded = new Set([LIST]);
    for (const file of loaded) for (const edge of edges) if (edge.from === file && !edge.typeOnly) loaded.add(edge.to);
    const code = [...loaded].filter((file) => file === COMPOSITION_ROOT || (workflowOf(file) !== null && PLUGS.has(file.slice(file.lastIndexOf('/') + 1))));
    expect(code).toEqual([]);
  });

  it('lets other folders use a workflow only through its public entry', () => {
    const production = edges.filter((edge) => isProduction(edge.from) && edge.from.startsWith('electron/'));
    expect(production.filter(reachesPastPublicEntry).map(describeEdge)).toEqual([]);
  });

  it('lets the renderer import only the domain and, type-only, the IPC contract', () => {
    const fromRenderer = edges.filter((edge) => edge.from.startsWith('renderer/'));
    expect(fromRenderer.filter((edge) => !rendererMayImport(edge)).map(describeEdge)).toEqual([]);
  });

  it('exports each shared helper from its one home only, so every user imports it from there', () => {
    const HOMES: Record<string, string> = {
      fen: 'electron/ipc/schema.ts',
      isoDate: 'electron/ipc/schema.ts',
      version: 'electron/ipc/schema.ts',
      FieldErrors: 'electron/domain/validation.ts',
      hasErrors: 'electron/domain/validation.ts',
      wanYuanText: 'electron/domain/money.ts',
      localDate: 'electron/domain/clock.ts',
    };
    const exported = (source: string) => [
      ...[...source.matchAll(/^export\s+(?:const|function|type|interface|let|class)\s+(\w+)/gm)].map((match) => match[1]!),
      ...[...source.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)].flatMap((match) => match[1]!.split(',').map((name) => name.trim().split(/\s+as\s+/).at(-1)!.replace(/^type\s+/, ''))),
    ];
    const strays = all
      .filter(isProduction)
      .flatMap((file) => exported(fs.readFileSync(path.join(root, file), 'utf8')).filter((name) => HOMES[name] && HOMES[name] !== file).map((name) => `${file}: ${name}`));
    expect(strays).toEqual([]);
  });

  it('keeps production code from importing test support', () => {
    const production = edges.filter((edge) => isProduction(edge.from));
    expect(production.filter((edge) => isTestSupport(edge.to) || isTest(edge.to)).map(describeEdge)).toEqual([]);
  });

  it('keeps test support out of production folders', () => {
    const misplaced = all.filter((file) => /\/test[A-Z][^/]*\.ts$|\/testing\//.test(file) && !isTestSupport(file));
    expect(misplaced).toEqual([]);
  });
});
