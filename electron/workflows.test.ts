// A workflow joins the application by its declaration in the one list (electron/workflows.ts) and its
// plug (electron/plugs.ts): what it counts shows in `stats --json`, its stage in the package stages of the
// CLI and the 数据交换 page, it in the navigation, its channels are routed and its commands run, with no
// other edit. The fake workflow below is declared in memory and run through the same derivations the
// application runs on the real list.
import fs from 'node:fs';
import path from 'node:path';
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, integer, SQLiteTable, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import * as schema from '../db/schema';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { NAVIGATION, navigationOf, WORKFLOWS as NAVIGATION_LIST } from '../renderer/src/layout/navigation';
import { recordRow } from './exchange/exchange';
import { stageNamed } from './exchange/commands';
import { exchangeEntitiesOf, stageOptionsOf } from './exchange/registry';
import type { CommandTable } from './cli/command';
import { main } from './cli/main';
import { contractOf, publicChannelsOf } from './ipc/contract';
import { createAppContext, type CallContext } from './ipc/context';
import { createRouter } from './ipc/router';
import { none, returns, type ContractPart } from './ipc/schema';
import { commandsOf, handlersOf, PLUGS } from './plugs';
import { stats } from './registry/stats';
import { runCli } from './testSupport/cli';
import { countyStore, tempDir } from './testSupport/fixtures';
import { declareWorkflow } from './workflow';
import { countedTables, declaredRecords, WORKFLOWS } from './workflows';

const inspections = sqliteTable('inspections', {
  id: text('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
});

const inspectionContract = {
  'inspection.count': { permission: 'public', input: none, output: returns<number>() },
  'inspection.ofUnit': { permission: 'view', input: z.object({ unitCode: z.string().regex(/^\d{3}$/, '单位编码应为 3 位数字') }).strict(), output: returns<string[]>() },
} as const satisfies ContractPart;

const inspectionWorkflow = declareWorkflow({
  name: 'inspection',
  contract: inspectionContract,
  publicChannels: ['inspection.count'],
  counted: { inspections },
  stage: { name: 'inspection', label: '绩效检查' },
  records: [
    {
      name: 'inspection',
      label: '检查记录',
      table: 'inspections',
      row: recordRow(inspections),
      naturalKey: ['id'],
      stages: ['inspection'],
      parents: ['unit'],
      directions: ['up'],
      scope: '1 = 1',
      unitScope: 'unit_code = :unit',
    },
  ],
});
const withInspection = [...WORKFLOWS, inspectionWorkflow] as const;

const liveInspections = (ctx: CallContext, where = '1 = 1', ...params: string[]) =>
  ctx.app.store().sqlite.prepare(`SELECT id FROM inspections WHERE deleted = 0 AND ${where} ORDER BY id`).all(...params) as { id: string }[];

const inspectionCommands: CommandTable = {
  'inspection count': {
    usage: 'inspection count',
    summary: '绩效检查记录的数量',
    database: true,
    permission: 'view',
    run(store, { io }) {
      io.out(String((store.sqlite.prepare('SELECT count(*) AS n FROM inspections WHERE deleted = 0').get() as { n: number }).n));
    },
  },
};

const inspectionPlugs = {
  ...PLUGS,
  inspection: {
    handlers: {
      'inspection.count': (_: Record<string, never>, ctx: CallContext) => liveInspections(ctx).length,
      'inspection.ofUnit': (input: { unitCode: string }, ctx: CallContext) => liveInspections(ctx, 'unit_code = ?', input.unitCode).map((row) => row.id),
    },
    commands: inspectionCommands,
  },
};

/** A county database holding three inspections, one of them deleted. */
function countyWithInspections() {
  const store = countyStore();
  store.sqlite.exec('CREATE TABLE inspections (id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0)');
  store.sqlite.exec("INSERT INTO inspections VALUES ('a', '001', 0), ('b', '001', 0), ('c', '002', 1)");
  return store;
}

/** Runs the command line on `served` in-process, collecting what it prints. */
async function cliOn(served: Parameters<typeof main>[2], ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => '' }, served);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('a workflow declared in the list', () => {
  it('has its tables counted by stats --json, tombstones left out', async () => {
    const store = countyWithInspections();
    expect(stats(store.db).counts).not.toHaveProperty('inspections');
    store.sqlite.close();
    const run = await cliOn({ workflows: withInspection, plugs: inspectionPlugs }, '--db', store.path, 'stats', '--json');
    expect(run.err).toBe('');
    expect((JSON.parse(run.out) as { counts: Record<string, number> }).counts).toMatchObject({ inspections: 2, units: 0 });
  });

  it('has its CLI commands run and listed in --help after the others', async () => {
    const store = countyWithInspections();
    store.sqlite.close();
    const served = { workflows: withInspection, plugs: inspectionPlugs };
    expect(await cliOn(served, '--db', store.path, 'inspection', 'count')).toEqual({ code: 0, out: '2', err: '' });
    const help = (await cliOn(served, '--help')).out;
    expect(help.indexOf('inspection count')).toBeGreaterThan(help.indexOf('package export'));
    expect((await runCli('--db', store.path, 'inspection', 'count')).err).toBe('用法错误：未知命令“inspection count”。运行 jixiao --help 查看可用命令');
  });

  it('has its IPC channels routed beside the others: public before sign-in, the rest after, inputs checked', async () => {
    const store = countyWithInspections();
    const ctx: CallContext = { app: createAppContext(store, 'test'), session: { operator: null }, transport: 'test' };
    const router = createRouter(handlersOf(withInspection, inspectionPlugs), { contract: contractOf(withInspection), publicChannels: publicChannelsOf(withInspection) });
    expect(await router.invoke('inspection.count', {}, ctx, true)).toEqual({ ok: true, value: 2 });
    expect(await router.invoke('inspection.ofUnit', { unitCode: '001' }, ctx, true)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    const status = await router.invoke('setup.status', {}, ctx, true);
    const [operator] = (status as { ok: true; value: { operators: { id: string }[] } }).value.operators;
    expect(await router.invoke('session.signIn', { operatorId: operator!.id, password: null }, ctx, true)).toMatchObject({ ok: true });
    expect(await router.invoke('inspection.ofUnit', { unitCode: '001' }, ctx, true)).toEqual({ ok: true, value: ['a', 'b'] });
    expect(await router.invoke('inspection.ofUnit', { unitCode: '1' }, ctx, true)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '输入有误：unitCode：单位编码应为 3 位数字' } });
    expect(await createRouter(handlersOf(WORKFLOWS, PLUGS), { contract: contractOf(WORKFLOWS), publicChannels: publicChannelsOf(WORKFLOWS) }).invoke('inspection.count', {}, ctx, true)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('may not claim a channel or a command another workflow declares', () => {
    const twin = declareWorkflow({ name: 'twin', contract: { 'setup.status': inspectionContract['inspection.count'] } });
    expect(() => contractOf([...WORKFLOWS, twin])).toThrow('接口“setup.status”被不止一个业务模块声明（twin）');
    expect(() => commandsOf([...WORKFLOWS, twin], { ...PLUGS, twin: { commands: { stats: inspectionCommands['inspection count']! } } })).toThrow('命令“stats”被不止一个业务模块声明（twin）');
  });

  it('offers its stage for export on the 数据交换 page, as one a county reports', () => {
    expect(stageOptionsOf(withInspection)).toContainEqual({ value: 'inspection', label: '绩效检查', upward: true });
    expect(stageOptionsOf(WORKFLOWS).map((s) => s.value)).not.toContain('inspection');
    expect(stageOptionsOf(withInspection).at(-1)?.value).toBe('all');
  });

  it('has its stage accepted by package export --stage', () => {
    const stages = stageOptionsOf(withInspection).map((s) => s.value);
    expect(stageNamed('inspection', stages)).toBe('inspection');
    expect(() => stageNamed('inspection')).toThrow(/阶段“inspection”不正确/);
  });

  it('takes its records’ parents along in its stage without the parents naming it', () => {
    const unit = exchangeEntitiesOf(withInspection).find((e) => e.name === 'unit');
    expect(unit?.stages).toContain('inspection');
    expect(exchangeEntitiesOf(WORKFLOWS).find((e) => e.name === 'unit')?.stages).not.toContain('inspection');
  });

  it('shows in the navigation at its place in the list, with its page folder’s entry', () => {
    const order = withInspection.map((w) => w.name);
    const entries = { ...NAVIGATION, inspection: { label: '绩效检查', summary: '检查单位的绩效管理工作。' } };
    const paths = navigationOf(order, entries).map((w) => w.path);
    expect(paths.at(-2)).toBe('settings');
    expect(paths.at(-1)).toBe('inspection');
  });
});

describe('the real workflows', () => {
  it('declare the contract, and plug in the handlers and commands, of every folder that has them', () => {
    // ipc/ assembles the contract and the handlers of the others.
    const folders = fs.readdirSync(__dirname, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'ipc').map((entry) => entry.name);
    const having = (file: string) => folders.filter((folder) => fs.existsSync(path.join(__dirname, folder, file))).toSorted();
    const plugs: Readonly<Record<string, { handlers?: object; commands?: object }>> = PLUGS;
    expect(having('contract.ts').length).toBeGreaterThan(5);
    expect(WORKFLOWS.filter((w) => w.contract).map((w) => w.name).toSorted()).toEqual(having('contract.ts'));
    expect(WORKFLOWS.filter((w) => plugs[w.name]?.handlers).map((w) => w.name).toSorted()).toEqual(having('handlers.ts'));
    expect(WORKFLOWS.filter((w) => plugs[w.name]?.commands).map((w) => w.name).toSorted()).toEqual(having('commands.ts'));
  });

  it('are the navigation’s workflows, in the same order', () => {
    expect(Object.keys(NAVIGATION)).toEqual(WORKFLOWS.map((w) => w.name));
    expect(NAVIGATION_LIST.map((w) => w.path)).toEqual(['', ...WORKFLOWS.filter((w) => NAVIGATION[w.name]).map((w) => w.name)]);
  });

  it('count every table they put into packages, and stats --json reports each', async () => {
    const db = path.join(tempDir(), 'county.db');
    expect((await runCli('--db', db, 'init', '--region', '652822', '--role', 'county')).code).toBe(0);
    const { counts } = JSON.parse((await runCli('--db', db, 'stats', '--json')).out) as { counts: Record<string, number> };
    for (const workflow of WORKFLOWS) {
      const counted = Object.values(workflow.counted ?? {}).map((table) => getTableName(table));
      for (const record of workflow.records ?? []) expect(counted, `${workflow.name} 的 ${record.table}`).toContain(record.table);
      for (const name of Object.keys(workflow.counted ?? {})) expect(counts, `${workflow.name} 的 ${name}`).toHaveProperty(name);
    }
    expect(counts).toMatchObject({ monitoringRounds: 0, monitoringSheets: 0, rectifications: 0, regions: 126 });
  });

  it('give each stage a Chinese label, and leave the prefecture’s library out of what a county reports', () => {
    expect(stageOptionsOf(WORKFLOWS)).toEqual([
      { value: 'library', label: '指标库', upward: false },
      { value: 'targets', label: '绩效目标', upward: true },
      { value: 'monitoring', label: '绩效监控', upward: true },
      { value: 'self-evaluation', label: '绩效自评', upward: true },
      { value: 'evaluation', label: '绩效评价', upward: true },
      { value: 'results', label: '结果应用', upward: true },
      { value: 'rectification', label: '整改', upward: true },
      { value: 'funds', label: '衔接资金', upward: true },
      // A county's read marks go back up.
      { value: 'notices', label: '上级通知', upward: true },
      { value: 'all', label: '全部', upward: true },
    ]);
  });

  it('declare as a parent every record a record’s table refers to by foreign key, so that it travels along', () => {
    const tables = new Map<string, SQLiteTable>(Object.values(schema).flatMap((value) => (is(value, SQLiteTable) ? [[getTableName(value), value] as const] : [])));
    const records = declaredRecords(WORKFLOWS);
    const recordOf = new Map(records.map((record) => [record.table, record.name]));
    const undeclared = records.flatMap((record) =>
      getTableConfig(tables.get(record.table)!)
        .foreignKeys.map((key) => recordOf.get(getTableName(key.reference().foreignTable)))
        .filter((parent) => parent !== undefined && parent !== record.name && !(record.parents ?? []).includes(parent))
        .map((parent) => `${record.name} → ${parent}`),
    );
    expect(records.length).toBeGreaterThan(5);
    expect(undeclared).toEqual([]);
  });

  it('send units and projects in the stages of the records written for them, as before', () => {
    const stagesOf = (name: string) => exchangeEntitiesOf(WORKFLOWS).find((e) => e.name === name)?.stages.toSorted();
    expect(stagesOf('unit')).toEqual(['evaluation', 'funds', 'monitoring', 'rectification', 'results', 'self-evaluation', 'targets']);
    expect(stagesOf('project')).toEqual(['evaluation', 'funds', 'monitoring', 'rectification', 'results', 'self-evaluation', 'targets']);
    expect(stagesOf('target')).toEqual(['self-evaluation', 'targets']);
    expect(stagesOf('rectification')).toEqual(['monitoring', 'rectification']);
    expect(stagesOf('library-indicator')).toEqual(['library']);
  });
});

describe('the exchange engine', () => {
  const engine = fs
    .readdirSync(path.join(__dirname, 'exchange'))
    .filter((file) => file.endsWith('.ts') && !/\.(test|bench)\.ts$/.test(file))
    .map((file) => ({ file, source: fs.readFileSync(path.join(__dirname, 'exchange', file), 'utf8') }));

  it('names no workflow’s table: it reads their records through their declarations only', () => {
    const tables = new Set([
      ...Object.values(countedTables(WORKFLOWS)).map((table) => getTableName(table)),
      ...declaredRecords(WORKFLOWS).flatMap((record) => [record.table, ...(record.children ?? []).map((child) => child.table)]),
    ]);
    const named = engine.flatMap(({ file, source }) =>
      [...source.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+([a-z_]+)/g)].filter((m) => tables.has(m[1]!)).map((m) => `${file}: ${m[0]}`),
    );
    expect(named).toEqual([]);
  });

  it('imports only its own tables from the schema', () => {
    const imported = engine.flatMap(({ file, source }) =>
      [...source.matchAll(/import \{([^}]*)\} from '\.\.\/\.\.\/db\/schema'/g)].flatMap((m) =>
        m[1]!.split(',').map((name) => name.trim()).filter((name) => name && !name.startsWith('exchange')).map((name) => `${file}: ${name}`),
      ),
    );
    expect(imported).toEqual([]);
  });
});
