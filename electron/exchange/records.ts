// Reads and writes exchanged records generically from their declarations, with prepared statements.
// A record in a package: its id, natural key, version, tombstone, columns, and child rows.
import type Database from 'better-sqlite3';
import type { ChildTable, ExchangeEntity } from './entities';
import { MANAGED_COLUMNS } from './rowSchema';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface PackageRecord {
  id: string;
  naturalKey: string;
  version: number;
  deleted: boolean;
  updatedAt: string;
  row: Row;
  children: Record<string, Row[]>;
}


const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The condition choosing a record's rows of a child table, the record's id as the one parameter. */
const ownedBy = (child: ChildTable) =>
  child.via
    ? `${quote(child.foreignKey)} IN (SELECT id FROM ${quote(child.via.table)} WHERE ${quote(child.via.foreignKey)} = ?)`
    : `${quote(child.foreignKey)} = ?`;

/** Only the named parameters a condition uses: better-sqlite3 refuses unused ones. */
function scopeParams(condition: string, values: Record<string, Cell>): Record<string, Cell> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => condition.includes(`:${name}`)));
}

export class RecordStore {
  private readonly columnCache = new Map<string, string[]>();
  private readonly blobCache = new Map<string, Set<string>>();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly sqlite: Database.Database) {}

  columns(table: string): string[] {
    let columns = this.columnCache.get(table);
    if (!columns) {
      columns = (this.sqlite.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name);
      this.columnCache.set(table, columns);
    }
    return columns;
  }

  /**
   * A file's bytes (an attachment's content) travel in the package's JSON as base64 and are stored as
   * bytes again, so that their size and hash hold on both sides.
   */
  private blobColumns(table: string): Set<string> {
    let blobs = this.blobCache.get(table);
    if (!blobs) {
      const info = this.sqlite.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string; type: string }[];
      blobs = new Set(info.filter((c) => c.type.toUpperCase() === 'BLOB').map((c) => c.name));
      this.blobCache.set(table, blobs);
    }
    return blobs;
  }

  private stored(table: string, column: string, value: Cell | undefined): Cell | Buffer {
    return typeof value === 'string' && this.blobColumns(table).has(column) ? Buffer.from(value, 'base64') : (value ?? null);
  }

  dataColumns(table: string): string[] {
    return this.columns(table).filter((c) => !MANAGED_COLUMNS.has(c));
  }

  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  naturalKeyOf(entity: ExchangeEntity, row: Row): string {
    return entity.naturalKey.map((c) => String(row[c] ?? '')).join('/');
  }

  /** Every record of the entity in a region's year (only one unit's when `unit` is given), with its children. */
  select(entity: ExchangeEntity, region: string, year: number, unit?: string): PackageRecord[] {
    const condition = unit && entity.unitScope ? `(${entity.scope}) AND (${entity.unitScope})` : entity.scope;
    const rows = this.statement(`SELECT * FROM ${quote(entity.table)} WHERE ${condition} ORDER BY rowid`).all(
      scopeParams(condition, { region, year, unit: unit ?? null }),
    ) as Row[];
    return rows.map((row) => this.toRecord(entity, row, unit));
  }

  byId(entity: ExchangeEntity, id: string): PackageRecord | undefined {
    const row = this.statement(`SELECT * FROM ${quote(entity.table)} WHERE id = ?`).get(id) as Row | undefined;
    return row && this.toRecord(entity, row);
  }

  byNaturalKey(entity: ExchangeEntity, row: Row): PackageRecord | undefined {
    const where = entity.naturalKey.map((c) => `${quote(c)} IS ?`).join(' AND ');
    const found = this.statement(`SELECT * FROM ${quote(entity.table)} WHERE ${where}`).get(...entity.naturalKey.map((c) => row[c] ?? null)) as
      | Row
      | undefined;
    return found && this.toRecord(entity, found);
  }

  /** How many of the records `ids` of the entity fail `condition` (a scope, with :region, :year, :unit). */
  countOutside(entity: ExchangeEntity, ids: readonly string[], condition: string, values: Record<string, Cell>): number {
    const sql = `SELECT count(*) AS n FROM ${quote(entity.table)} WHERE id IN (SELECT value FROM json_each(:ids)) AND NOT (${condition})`;
    return (this.statement(sql).get({ ids: JSON.stringify(ids), ...scopeParams(condition, values) }) as { n: number }).n;
  }

  /** The records of `ids` whose reference `outside` (CrossReference.outside) finds out of scope, with what it names. */
  referencesOutside(outside: string, ids: readonly string[], values: Record<string, Cell>): { id: string; detail: string }[] {
    return this.statement(outside).all({ ids: JSON.stringify(ids), ...scopeParams(outside, values) }) as { id: string; detail: string }[];
  }

  /** The parent a child row already has here, when its key is its own id (undefined when it is new). */
  parentOf(child: ChildTable, row: Row): string | undefined {
    if (!child.key.includes('id')) return undefined;
    const parent = child.via
      ? `SELECT v.${quote(child.via.foreignKey)} AS parent FROM ${quote(child.table)} c JOIN ${quote(child.via.table)} v ON v.id = c.${quote(child.foreignKey)} WHERE c.id = ?`
      : `SELECT ${quote(child.foreignKey)} AS parent FROM ${quote(child.table)} WHERE id = ?`;
    const found = this.statement(parent).get(row.id ?? null) as
      | { parent: string }
      | undefined;
    return found?.parent;
  }

  /** `unit`: the record as it travels between a county and a unit, without the county's own rows (ChildTable.notFromUnits). */
  private toRecord(entity: ExchangeEntity, row: Row, unit?: string): PackageRecord {
    const data: Row = {};
    for (const column of this.dataColumns(entity.table)) data[column] = entity.homeColumns?.includes(column) ? null : (row[column] ?? null);
    const children: Record<string, Row[]> = {};
    for (const child of entity.children ?? []) {
      if (child.notFromUnits && unit) continue;
      const order = child.key.map(quote).join(', ');
      children[child.table] = (
        this.statement(`SELECT * FROM ${quote(child.table)} WHERE ${ownedBy(child)} ORDER BY ${order}`).all(row.id) as Row[]
      ).map((childRow) => {
        const copy: Row = {};
        for (const [column, value] of Object.entries(childRow)) {
          if (column !== 'rowid') copy[column] = Buffer.isBuffer(value) ? value.toString('base64') : value;
        }
        return copy;
      });
    }
    return {
      id: String(row.id),
      naturalKey: this.naturalKeyOf(entity, row),
      version: Number(row.version),
      deleted: Boolean(row.deleted),
      updatedAt: String(row.updated_at),
      row: data,
      children,
    };
  }

  /** Writes the record as the sender had it: its version, timestamp, tombstone, columns and children. */
  write(entity: ExchangeEntity, record: PackageRecord): void {
    const columns = ['id', 'version', 'updated_at', 'deleted', ...this.dataColumns(entity.table)];
    const values = [record.id, record.version, record.updatedAt, record.deleted ? 1 : 0, ...this.dataColumns(entity.table).map((c) => record.row[c] ?? null)];
    const updates = columns.filter((c) => c !== 'id').map((c) => `${quote(c)} = excluded.${quote(c)}`);
    this.statement(
      `INSERT INTO ${quote(entity.table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
    ).run(...values);
    for (const child of entity.children ?? []) {
      // A unit's copy comes without its county's rows, which stay as they are.
      if (child.notFromUnits && !(child.table in record.children)) continue;
      this.writeChildren(child, record.id, record.children[child.table] ?? []);
    }
  }

  private writeChildren(child: ChildTable, parentId: string, rows: Row[]): void {
    const columns = this.columns(child.table);
    const keyOf = (row: Row) => JSON.stringify(child.key.map((k) => row[k] ?? null));
    const incoming = new Set(rows.map(keyOf));
    const existing = this.statement(`SELECT * FROM ${quote(child.table)} WHERE ${ownedBy(child)}`).all(parentId) as Row[];
    const keyWhere = child.key.map((k) => `${quote(k)} IS ?`).join(' AND ');
    for (const row of existing) {
      if (!incoming.has(keyOf(row))) {
        this.statement(`DELETE FROM ${quote(child.table)} WHERE ${quote(child.foreignKey)} IS ? AND ${keyWhere}`).run(row[child.foreignKey] ?? null, ...child.key.map((k) => row[k] ?? null));
      }
    }
    const conflictTarget = child.key.includes('id') ? ['id'] : [child.foreignKey, ...child.key];
    const updates = columns.filter((c) => !conflictTarget.includes(c)).map((c) => `${quote(c)} = excluded.${quote(c)}`);
    const upsert = this.statement(
      `INSERT INTO ${quote(child.table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT (${conflictTarget.map(quote).join(', ')}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
    );
    // A grandchild keeps the row it names, which checkChildren found among this record's own.
    const ownKey = (row: Row) => (child.via ? (row[child.foreignKey] ?? null) : parentId);
    for (const row of rows) upsert.run(...columns.map((c) => (c === child.foreignKey ? ownKey(row) : this.stored(child.table, c, row[c]))));
  }
}

/** Two records say the same thing when their columns (but those in `ignore`), tombstone and children are equal. */
export function sameContent(a: PackageRecord, b: PackageRecord, ignore: readonly string[] = []): boolean {
  const skip = new Set(['created_at', ...ignore]);
  const compared = (row: Row) => Object.fromEntries(Object.entries(row).filter(([column]) => !skip.has(column)));
  return a.deleted === b.deleted && stableJson(compared(a.row)) === stableJson(compared(b.row)) && stableJson(a.children) === stableJson(b.children);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
