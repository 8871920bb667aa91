// Packages a sender in control of its own key could forge: a real export taken apart, changed and signed
// again with the sender's key, and the dump that proves a refused one changed nothing.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Store } from '../../db/open';
import { ensureIdentity } from '../exchange/keys';
import { PackageRefusal, writePackageFile, type ManifestDraft } from '../exchange/packageFile';
import { readZip } from '../exchange/zip';
import { tempDir } from './fixtures';

/** The members of a package file, by name. */
export const membersOf = (file: string) =>
  new Map(readZip(fs.readFileSync(file), { maxMembers: 99, maxMemberBytes: 1e9, maxTotalBytes: 1e9 }).map((m) => [m.name, m.read()]));

export type PackageRecord = { id: string; naturalKey: string; version: number; row: Record<string, unknown>; children: Record<string, Record<string, unknown>[]> };

/** The records of one entity inside a package's members, and writing them back. */
export const packageRecords = (members: Map<string, Buffer>, entity: string) => JSON.parse(members.get(`data/${entity}.json`)!.toString()) as PackageRecord[];
export const setPackageRecords = (members: Map<string, Buffer>, entity: string, list: PackageRecord[]) =>
  members.set(`data/${entity}.json`, Buffer.from(JSON.stringify(list)));

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
