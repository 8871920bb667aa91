// A workflow joins the application by its declaration in the one list (electron/workflows.ts): what it
// counts shows in `stats`, its stage in the package stages of the CLI and the 数据交换 page, and it in the
// navigation, with no other edit. The fake workflow below is declared in memory and run through the same
// derivations the application runs on the real list.
import fs from 'node:fs';
import path from 'node:path';
import { getTableName } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { NAVIGATION, navigationOf, WORKFLOWS as NAVIGATION_LIST } from '../renderer/src/layout/navigation';
import { recordRow } from './exchange/exchange';
import { stageNamed } from './exchange/commands';
import { exchangeEntitiesOf, stageOptionsOf } from './exchange/registry';
import { stats } from './registry/stats';
import { runCli } from './testSupport/cli';
import { freshStore, tempDir } from './testSupport/fixtures';
import { declareWorkflow } from './workflow';
import { countedTables, declaredRecords, WORKFLOWS } from './workflows';

const inspections = sqliteTable('inspections', {
  id: text('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
});

const inspectionWorkflow = declareWorkflow({
  name: 'inspection',
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
const withInspection = [...WORKFLOWS, inspectionWorkflow];

describe('a workflow declared in the list', () => {
  it('has its tables counted by stats, tombstones left out', () => {
    const store = freshStore();
    store.sqlite.exec("CREATE TABLE inspections (id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0)");
    store.sqlite.exec("INSERT INTO inspections VALUES ('a', '001', 0), ('b', '001', 0), ('c', '002', 1)");
    expect(stats(store.db, withInspection).counts.inspections).toBe(2);
    expect(stats(store.db).counts).not.toHaveProperty('inspections');
    store.sqlite.close();
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
  it('include every folder whose part of the IPC contract ipc/contract.ts assembles', () => {
    const assembled = fs.readFileSync(path.join(__dirname, 'ipc', 'contract.ts'), 'utf8');
    const withContract = [...assembled.matchAll(/from '\.\.\/(\w+)\/contract'/g)].map((m) => m[1]!);
    expect(withContract.length).toBeGreaterThan(5);
    expect(withContract.filter((folder) => !WORKFLOWS.some((w) => w.name === folder))).toEqual([]);
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
      { value: 'rectification', label: '整改', upward: true },
      { value: 'all', label: '全部', upward: true },
    ]);
  });

  it('send units and projects in the stages of the records written for them, as before', () => {
    const stagesOf = (name: string) => exchangeEntitiesOf(WORKFLOWS).find((e) => e.name === name)?.stages.toSorted();
    expect(stagesOf('unit')).toEqual(['monitoring', 'rectification', 'self-evaluation', 'targets']);
    expect(stagesOf('project')).toEqual(['monitoring', 'self-evaluation', 'targets']);
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
