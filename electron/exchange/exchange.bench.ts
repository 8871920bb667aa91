// Speed of the exchange engine on a full county-year package of the demo county (`npx vitest bench
// --project unit electron/exchange`). The target is well under a second on an office PC; the import is
// compared with raw better-sqlite3 prepared inserts of the same rows (issue 17: at least half their rate)
// and a repeat import with a first one (under a tenth).
import path from 'node:path';
import { bench, describe } from 'vitest';
import type Database from 'better-sqlite3';
import { generateDemoCounty } from '../demo/generate';
import { prefectureStore, sampleCountyStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { membersOf } from '../testSupport/forgedPackages';
import { importPackage } from './incoming';
import { exportReport, previewExport } from './outgoing';
import { decodeRecords } from './layout';
import { FORMAT_VERSION, formatMajorOf } from './manifest';
import { exchangeEntity } from './registry';

const YEAR = 2020;
const county = sampleCountyStore();
generateDemoCounty(county.db, TEST_ACTOR, { year: YEAR });
const dir = tempDir();
const options = { year: YEAR, stage: 'all', full: true } as const;
const shipped = exportReport(county, TEST_ACTOR, { ...options, out: path.join(dir, 'shipped.zip') }).file;

/** Rolls back whatever `write` did, so that each iteration starts from the same database. */
function rolledBack(sqlite: Database.Database, write: () => void): void {
  sqlite.exec('BEGIN');
  try {
    write();
  } finally {
    sqlite.exec('ROLLBACK');
  }
}

/** The limit an import is measured against: every row of the package inserted by one prepared statement per table. */
function rawInserts(sqlite: Database.Database, file: string): () => void {
  const plan: { sql: Database.Statement; rows: unknown[][] }[] = [];
  const add = (table: string, rows: Record<string, unknown>[]) => {
    if (!rows.length) return;
    const columns = Object.keys(rows[0]!);
    // Attachments' bytes travel as base64 and are stored as bytes, as the engine does.
    const blobs = new Set((sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[]).filter((c) => c.type.toUpperCase() === 'BLOB').map((c) => c.name));
    const sql = sqlite.prepare(`INSERT OR REPLACE INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    plan.push({ sql, rows: rows.map((row) => columns.map((c) => (blobs.has(c) ? Buffer.from(String(row[c]), 'base64') : (row[c] ?? null)))) });
  };
  for (const [name, bytes] of membersOf(file)) {
    const match = /^data\/([a-z-]+)\.json$/.exec(name);
    if (!match) continue;
    const entity = exchangeEntity(match[1]!)!;
    const records = decodeRecords(entity, bytes, name, formatMajorOf(FORMAT_VERSION));
    add(entity.table, records.map((r) => ({ id: r.id, version: r.version, updated_at: r.updatedAt, deleted: r.deleted ? 1 : 0, ...r.row })));
    for (const child of entity.children ?? []) add(child.table, records.flatMap((r) => r.children[child.table] ?? []));
  }
  return () => {
    sqlite.pragma('defer_foreign_keys = ON');
    for (const { sql, rows } of plan) for (const row of rows) sql.run(...row);
  };
}

describe('exchange package export', () => {
  let n = 0;
  bench('full county-year package of the demo county', () => {
    exportReport(county, TEST_ACTOR, { ...options, out: path.join(dir, `p${n++}.zip`) });
  });
  bench('export preview of the same package', () => {
    previewExport(county, options);
  });
});

describe('exchange package import', () => {
  const fresh = prefectureStore();
  const raw = rawInserts(fresh.sqlite, shipped);
  bench('raw prepared inserts of the package rows (the limit)', () => rolledBack(fresh.sqlite, raw));
  bench('first import of the package (dry run, rolled back)', () => {
    importPackage(fresh, TEST_ACTOR, shipped, { dryRun: true, trust: true });
  });
  const imported = prefectureStore();
  importPackage(imported, TEST_ACTOR, shipped, { dryRun: false, trust: true });
  bench('repeat import of the same package', () => {
    importPackage(imported, TEST_ACTOR, shipped, { dryRun: false, trust: true });
  });
});
