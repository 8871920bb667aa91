// Packages a sender in control of its own key could forge: a real export taken apart, changed and signed
// again with the sender's key, and the dump that proves a refused one changed nothing.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Store } from '../../db/open';
import { ensureIdentity, signBytes } from '../exchange/keys';
import { sha256 } from '../exchange/manifest';
import { PackageRefusal, writePackageFile, type ManifestDraft } from '../exchange/packageFile';
import { exchangeEntity } from '../exchange/registry';
import { readZip, ZipWriter } from '../exchange/zip';
import { tempDir } from './fixtures';

/** The members of a package file, by name. */
export const membersOf = (file: string) =>
  new Map(readZip(fs.readFileSync(file), { maxMembers: 99, maxMemberBytes: 1e9, maxTotalBytes: 1e9 }).map((m) => [m.name, m.read()]));

/** A record as a test changes it: its row and child rows as objects (as format 1 laid them out). */
export type PackageRecord = {
  id: string;
  naturalKey?: string;
  version: number;
  deleted?: boolean;
  updatedAt?: string;
  row: Record<string, unknown>;
  children: Record<string, Record<string, unknown>[]>;
};

/** A data member in format 2 (exchange/layout.ts): column names once, each record an array. */
interface ColumnarMember {
  columns: string[];
  children: { table: string; columns: string[] }[];
  records: [string, number, boolean, string, unknown[], unknown[][][]][];
}

const objectOf = (columns: readonly string[], values: readonly unknown[]) => Object.fromEntries(columns.map((c, i) => [c, values[i]]));

/** The records of one entity inside a package's members, as objects to change. */
export function packageRecords(members: Map<string, Buffer>, entity: string): PackageRecord[] {
  const member = JSON.parse(members.get(`data/${entity}.json`)!.toString()) as ColumnarMember;
  return member.records.map(([id, version, deleted, updatedAt, values, children]) => ({
    id,
    version,
    deleted,
    updatedAt,
    row: objectOf(member.columns, values),
    children: Object.fromEntries(member.children.map(({ table, columns }, t) => [table, children[t]!.map((row) => objectOf(columns, row))])),
  }));
}

/** Every column the rows name, after those of the table (a column a test adds travels; one it leaves out is null). */
const columnsOf = (table: readonly string[], rows: readonly Record<string, unknown>[]) => [...new Set([...table, ...rows.flatMap((row) => Object.keys(row))])];

/** Writes records changed as objects back into the members, laid out as a real package lays them (format 2). */
export function setPackageRecords(members: Map<string, Buffer>, entity: string, list: PackageRecord[]): void {
  const declared = exchangeEntity(entity);
  const schema = new Map((declared?.children ?? []).map((c) => [c.table, c.row.columns]));
  const columns = columnsOf(declared?.row.columns ?? [], list.map((r) => r.row));
  const tables = [...new Set(list.flatMap((r) => Object.keys(r.children)))];
  const children = tables.map((table) => ({ table, columns: columnsOf(schema.get(table) ?? [], list.flatMap((r) => r.children[table] ?? [])) }));
  const member: ColumnarMember = {
    columns,
    children,
    records: list.map((r) => [
      r.id,
      r.version,
      r.deleted ?? false,
      r.updatedAt ?? '2020-01-01T00:00:00.000Z',
      columns.map((c) => r.row[c] ?? null),
      children.map(({ table, columns: own }) => (r.children[table] ?? []).map((row) => own.map((c) => row[c] ?? null))),
    ]),
  };
  members.set(`data/${entity}.json`, Buffer.from(JSON.stringify(member)));
}

/** A package signed with `signer`'s own key around `members`: what a sender in control of its key could forge. */
export function signedBy(signer: Store, members: Map<string, Buffer>, draft: Partial<ManifestDraft>): string {
  members.delete('manifest.json');
  members.delete('manifest.sig');
  const file = path.join(tempDir(), `signed-${randomUUID()}.zip`);
  writePackageFile(
    file,
    ensureIdentity(signer),
    {
      kind: 'county-report',
      sender: { region: '652822', name: '轮台县', role: 'county' },
      receiver: { region: '652800', name: '巴音郭楞蒙古自治州' },
      year: 2020,
      stage: 'targets',
      full: true,
      sequence: 9,
      appVersion: 'test',
      counts: {},
      ...draft,
    },
    members,
  );
  return file;
}

/**
 * The same package as a version before format 2 wrote it (format 1.0: each record an object), signed again
 * by `signer`, its original sender: what an installation not yet upgraded sends.
 */
export function asFormat1(file: string, signer: Store, change?: (entity: string, records: PackageRecord[]) => void): string {
  const members = membersOf(file);
  const manifest = JSON.parse(members.get('manifest.json')!.toString()) as { formatVersion: string; members: { name: string; size: number; sha256: string }[] };
  for (const name of members.keys()) {
    const entity = /^data\/([a-z-]+)\.json$/.exec(name)?.[1];
    if (!entity) continue;
    const records = packageRecords(members, entity);
    change?.(entity, records);
    members.set(name, Buffer.from(JSON.stringify(records.map((r) => ({ ...r, naturalKey: r.id })))));
  }
  members.delete('manifest.json');
  members.delete('manifest.sig');
  manifest.formatVersion = '1.0';
  manifest.members = [...members].map(([name, bytes]) => ({ name, size: bytes.length, sha256: sha256(bytes) }));
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  const out = path.join(tempDir(), `format-1-${randomUUID()}.zip`);
  const zip = new ZipWriter(out);
  zip.add('manifest.json', manifestBytes);
  zip.add('manifest.sig', Buffer.from(signBytes(ensureIdentity(signer), manifestBytes)));
  for (const [name, bytes] of members) zip.add(name, bytes);
  zip.close();
  return out;
}

/** Every row of every table, to prove a refused package changed nothing. */
export function dump(sqlite: Database.Database): string {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

/** The refusal `run` (an import) throws; fails the test when the package was imported instead. */
export function refusalOf(run: () => unknown): PackageRefusal {
  try {
    run();
  } catch (error) {
    if (error instanceof PackageRefusal) return error;
    throw error;
  }
  throw new Error('the package was imported');
}
