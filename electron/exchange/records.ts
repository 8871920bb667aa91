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
  /**
   * Each child table's rows as they travel and are written: every row its values in the order of the table's
   * columns (ChildTable.row.columns). Tens of thousands of them pass through an import, so they stay arrays.
   */
  childRows: Record<string, Cell[][]>;
  /** The same rows as objects, each table's built on first use: for a workflow's own rules (refuseIncoming). */
  readonly children: Record<string, Row[]>;
}

/** A row as an object, from its values in the order of `columns`. */
export function rowOf(columns: readonly string[], values: readonly Cell[]): Row {
  const row: Row = {};
  for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i] ?? null;
  return row;
}

/** Each child table's columns, in the order its rows' values follow. */
export const childColumns = (entity: ExchangeEntity): ReadonlyMap<string, readonly string[]> =>
  new Map((entity.children ?? []).map((child) => [child.table, child.row.columns]));

/**
 * A record whose `children` shows its child rows as objects, each table's built when first read: the
 * engine reads and writes the values, and only a workflow's rule on a few tables needs the objects.
 */
export function packageRecord(fields: Omit<PackageRecord, 'children'>, columns: ReadonlyMap<string, readonly string[]>): PackageRecord {
  const children: Record<string, Row[]> = {};
  for (const [table, rows] of Object.entries(fields.childRows)) {
    Object.defineProperty(children, table, {
      enumerable: true,
      configurable: true,
      get() {
        const known = columns.get(table);
        const built = known ? rows.map((values) => rowOf(known, values)) : [];
        Object.defineProperty(children, table, { value: built, enumerable: true });
        return built;
      },
    });
  }
  return { ...fields, children };
}

/** A row's natural key as its values (JSON), where naturalKeyOf's text would make "a/b"+"c" and "a"+"b/c" one. */
export const naturalKeyValues = (entity: ExchangeEntity, row: Row): string => JSON.stringify(entity.naturalKey.map((c) => row[c] ?? null));

/** A stored child row as it travels (its values in the table's column order), with the id of the record that owns it. */
interface OwnedRow {
  owner: string;
  values: Cell[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The ids of a query, as its one JSON parameter: one statement serves any number of records. */
const IDS = 'SELECT value FROM json_each(?)';
/** The column a child row query adds for the record that owns the row. */
const OWNER = '__owner';

/** Only the named parameters a condition uses: better-sqlite3 refuses unused ones. */
function scopeParams(condition: string, values: Record<string, Cell>): Record<string, Cell> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => condition.includes(`:${name}`)));
}

/** Which records of an entity a package carries: one region's year, one unit's when `unit` is given. */
export interface Selection {
  region: string;
  year: number;
  unit?: string | undefined;
  /** An incremental package: only the records this peer has not acknowledged at their current version. */
  undeliveredTo?: string | undefined;
  /** A reply never carries back what its receiver issued itself (the county's own rounds): it has them. */
  notIssuedBy?: string | undefined;
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

  /**
   * The condition choosing the records of a selection, with its parameters: the preview counts with the
   * same condition that the package is built with, so the two never disagree.
   */
  private selectionWhere(entity: ExchangeEntity, selection: Selection): { where: string; params: Record<string, Cell> } {
    const scope = selection.unit && entity.unitScope ? `(${entity.scope}) AND (${entity.unitScope})` : entity.scope;
    const table = quote(entity.table);
    const conditions = [`(${scope})`];
    if (selection.undeliveredTo !== undefined) {
      conditions.push(`NOT EXISTS (SELECT 1 FROM exchange_delivered d
             WHERE d.peer = :peer AND d.entity = :entity AND d.record_id = ${table}.id AND d.version >= ${table}.version)`);
    }
    if (selection.notIssuedBy !== undefined) {
      conditions.push(`NOT EXISTS (SELECT 1 FROM exchange_issued i WHERE i.entity = :entity AND i.record_id = ${table}.id AND i.issuer = :receiver)`);
    }
    const where = conditions.join(' AND ');
    const values = {
      region: selection.region,
      year: selection.year,
      unit: selection.unit ?? null,
      peer: selection.undeliveredTo ?? null,
      receiver: selection.notIssuedBy ?? null,
      entity: entity.name,
    };
    return { where, params: scopeParams(where, values) };
  }

  /** Every record of the selection, with its children, as it travels. */
  select(entity: ExchangeEntity, selection: Selection): PackageRecord[] {
    const { where, params } = this.selectionWhere(entity, selection);
    const rows = this.statement(`SELECT * FROM ${quote(entity.table)} WHERE ${where} ORDER BY rowid`).all(params) as Row[];
    return this.toRecords(entity, rows, selection.unit);
  }

  /** How many records `select` would give. */
  count(entity: ExchangeEntity, selection: Selection): number {
    const { where, params } = this.selectionWhere(entity, selection);
    return (this.statement(`SELECT count(*) AS n FROM ${quote(entity.table)} WHERE ${where}`).get(params) as { n: number }).n;
  }

  byId(entity: ExchangeEntity, id: string): PackageRecord | undefined {
    return this.byIds(entity, [id]).get(id);
  }

  /** The local copies of the records `ids` that exist here, by id. */
  byIds(entity: ExchangeEntity, ids: readonly string[]): Map<string, PackageRecord> {
    const rows = this.statement(`SELECT * FROM ${quote(entity.table)} WHERE id IN (${IDS})`).all(JSON.stringify(ids)) as Row[];
    return new Map(this.toRecords(entity, rows).map((record) => [record.id, record]));
  }

  /**
   * The records held here under the natural keys of `rows` (records this installation does not hold by
   * their ids), one query for them all: by the key's values (naturalKeyValues), the natural key shown.
   */
  byNaturalKeys(entity: ExchangeEntity, rows: readonly Row[]): Map<string, string> {
    if (rows.length === 0) return new Map();
    const on = entity.naturalKey.map((c, i) => `t.${quote(c)} IS json_extract(k.value, '$[${i}]')`).join(' AND ');
    const sql = `SELECT ${entity.naturalKey.map((c) => `t.${quote(c)}`).join(', ')} FROM json_each(?) k JOIN ${quote(entity.table)} t ON ${on}`;
    const found = this.statement(sql).all(`[${rows.map((row) => naturalKeyValues(entity, row)).join(',')}]`) as Row[];
    return new Map(found.map((row) => [naturalKeyValues(entity, row), this.naturalKeyOf(entity, row)]));
  }

  /** How many of the records `ids` of the entity fail `condition` (a scope, with :region, :year, :unit). */
  countOutside(entity: ExchangeEntity, ids: readonly string[], condition: string, values: Record<string, Cell>): number {
    const sql = `SELECT count(*) AS n FROM ${quote(entity.table)} WHERE id IN (SELECT value FROM json_each(:ids)) AND NOT (${condition})`;
    return (this.statement(sql).get({ ids: JSON.stringify(ids), ...scopeParams(condition, values) }) as { n: number }).n;
  }

  /**
   * The stored records of `ids` of the entity that fail `condition`, each with its declared owner
   * (ExchangeEntity.owner), leaving out those an outgoing package of ours carried to `peer`.
   */
  ownedOutside(entity: ExchangeEntity, ids: readonly string[], condition: string, values: Record<string, Cell>, peer: string): { id: string; unit: string; record: string }[] {
    if (!entity.owner || ids.length === 0) return [];
    const table = quote(entity.table);
    const sql = `SELECT id, (${entity.owner.unit}) AS unit, (${entity.owner.record}) AS record FROM ${table}
      WHERE id IN (SELECT value FROM json_each(:ids)) AND NOT (${condition})
        AND NOT EXISTS (SELECT 1 FROM exchange_package_records r JOIN exchange_packages p ON p.id = r.package_id
          WHERE r.entity = :entity AND r.record_id = ${table}.id AND p.direction = 'out' AND p.receiver = :peer)`;
    return this.statement(sql).all({ ids: JSON.stringify(ids), entity: entity.name, peer, ...scopeParams(condition, values) }) as { id: string; unit: string; record: string }[];
  }

  /** The records of `ids` whose reference `outside` (CrossReference.outside) finds out of scope, with what it names. */
  referencesOutside(outside: string, ids: readonly string[], values: Record<string, Cell>): { id: string; detail: string }[] {
    return this.statement(outside).all({ ids: JSON.stringify(ids), ...scopeParams(outside, values) }) as { id: string; detail: string }[];
  }

  /** The record each of the child rows `ids` already belongs to here, by child id (absent when it is new). */
  parentsOf(child: ChildTable, ids: readonly string[]): Map<string, string> {
    const sql = child.via
      ? `SELECT c.id AS id, v.${quote(child.via.foreignKey)} AS parent FROM ${quote(child.table)} c JOIN ${quote(child.via.table)} v ON v.id = c.${quote(child.foreignKey)} WHERE c.id IN (${IDS})`
      : `SELECT id, ${quote(child.foreignKey)} AS parent FROM ${quote(child.table)} WHERE id IN (${IDS})`;
    const found = this.statement(sql).all(JSON.stringify(ids)) as { id: string; parent: string }[];
    return new Map(found.map((f) => [String(f.id), f.parent]));
  }

  /**
   * The stored rows of a child table that belong to the records `ids`, as they travel (a file's bytes as
   * base64), each with the id of its record, in key order within each record. Read as plain arrays in the
   * table's column order, which is how they travel: a package's tens of thousands of child rows are never
   * built as objects.
   */
  private childRows(child: ChildTable, ids: readonly string[]): OwnedRow[] {
    const owner = child.via ? `v.${quote(child.via.foreignKey)}` : `c.${quote(child.foreignKey)}`;
    // Owner first: the order within each record is the same, and an index that leads with the owner
    // (a child table's unique key mostly does) gives it without sorting every row.
    const order = [owner, ...child.key.map((k) => `c.${quote(k)}`)].join(', ');
    const from = child.via
      ? `${quote(child.table)} c JOIN ${quote(child.via.table)} v ON v.id = c.${quote(child.foreignKey)}`
      : `${quote(child.table)} c`;
    const columns = child.row.columns;
    const select = columns.map((c) => `c.${quote(c)}`).join(', ');
    const statement = this.statement(`SELECT ${select}, ${owner} AS ${OWNER} FROM ${from} WHERE ${owner} IN (${IDS}) ORDER BY ${order}`).raw(true);
    const blobs = [...this.blobColumns(child.table)].map((c) => columns.indexOf(c));
    const ownerAt = columns.length;
    return (statement.all(JSON.stringify(ids)) as (Cell | Buffer)[][]).map((values) => {
      const owner = String(values[ownerAt]);
      values.length = ownerAt;
      for (const at of blobs) if (Buffer.isBuffer(values[at])) values[at] = values[at].toString('base64');
      return { owner, values: values as Cell[] };
    });
  }

  /**
   * Rows as records, their children read by table (one query per child table, not per record).
   * `unit`: the records as they travel between a county and a unit, without the county's own rows (ChildTable.notFromUnits).
   */
  private toRecords(entity: ExchangeEntity, rows: readonly Row[], unit?: string): PackageRecord[] {
    const ids = rows.map((row) => String(row.id));
    const tables = (entity.children ?? []).filter((child) => !(child.notFromUnits && unit));
    const childrenByTable = tables.map((child) => {
      const byOwner = new Map<string, Cell[][]>();
      for (const { owner, values } of this.childRows(child, ids)) {
        const list = byOwner.get(owner);
        if (list) list.push(values);
        else byOwner.set(owner, [values]);
      }
      return { table: child.table, byOwner };
    });
    const columns = this.dataColumns(entity.table);
    const shown = childColumns(entity);
    return rows.map((row) => {
      const data: Row = {};
      for (const column of columns) data[column] = entity.homeColumns?.includes(column) ? null : (row[column] ?? null);
      const id = String(row.id);
      const childRows: Record<string, Cell[][]> = {};
      for (const { table, byOwner } of childrenByTable) childRows[table] = byOwner.get(id) ?? [];
      const fields = { id, naturalKey: this.naturalKeyOf(entity, row), version: Number(row.version), deleted: Boolean(row.deleted), updatedAt: String(row.updated_at), row: data, childRows };
      return packageRecord(fields, shown);
    });
  }

  /** Writes the records as the sender had them: versions, timestamps, tombstones, columns and children, table by table. */
  writeAll(entity: ExchangeEntity, records: readonly PackageRecord[]): void {
    if (records.length === 0) return;
    const data = this.dataColumns(entity.table);
    const columns = ['id', 'version', 'updated_at', 'deleted', ...data];
    const updates = columns.filter((c) => c !== 'id').map((c) => `${quote(c)} = excluded.${quote(c)}`);
    const upsert = this.statement(
      `INSERT INTO ${quote(entity.table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
    );
    for (const record of records) upsert.run(record.id, record.version, record.updatedAt, record.deleted ? 1 : 0, ...data.map((c) => record.row[c] ?? null));
    for (const child of entity.children ?? []) {
      // A unit's copy comes without its county's rows, which stay as they are.
      this.writeChildren(child, child.notFromUnits ? records.filter((r) => child.table in r.childRows) : records);
    }
  }

  /** Deletes the stored child rows of `records` that they no longer carry. */
  private removeRowsNoLongerCarried(child: ChildTable, records: readonly PackageRecord[]): void {
    const stored = this.childRows(child, records.map((r) => r.id));
    // Records new here (most of a first import) have no rows to compare with.
    if (stored.length === 0) return;
    const columns = child.row.columns;
    const keyAt = child.key.map((k) => columns.indexOf(k));
    const foreignKeyAt = columns.indexOf(child.foreignKey);
    const keyOf = (owner: Cell, values: readonly Cell[]) => JSON.stringify([owner, ...keyAt.map((at) => values[at] ?? null)]);
    const incoming = new Set(records.flatMap((record) => (record.childRows[child.table] ?? []).map((values) => keyOf(record.id, values))));
    const keyWhere = child.key.map((k) => `${quote(k)} IS ?`).join(' AND ');
    const remove = this.statement(`DELETE FROM ${quote(child.table)} WHERE ${quote(child.foreignKey)} IS ? AND ${keyWhere}`);
    for (const { owner, values } of stored) {
      if (!incoming.has(keyOf(owner, values))) remove.run(values[foreignKeyAt] ?? null, ...keyAt.map((at) => values[at] ?? null));
    }
  }

  /**
   * The child rows of `records` become exactly those they carry: rows no longer carried go, the others are
   * upserted, each bound as it travels (its values in the table's column order). Each row's foreign key
   * is its own record's id, or for a grandchild a row of that record: the importer checked both.
   */
  private writeChildren(child: ChildTable, records: readonly PackageRecord[]): void {
    if (records.length === 0) return;
    this.removeRowsNoLongerCarried(child, records);
    const columns = child.row.columns;
    const conflictTarget = child.key.includes('id') ? ['id'] : [child.foreignKey, ...child.key];
    const updates = columns.filter((c) => !conflictTarget.includes(c)).map((c) => `${quote(c)} = excluded.${quote(c)}`);
    const upsert = this.statement(
      `INSERT INTO ${quote(child.table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT (${conflictTarget.map(quote).join(', ')}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
    );
    const blobs = [...this.blobColumns(child.table)].map((c) => columns.indexOf(c));
    // A file's bytes travel as base64 and are stored as bytes again.
    const stored = (values: Cell[]) =>
      blobs.length === 0 ? values : values.map((value, at) => (typeof value === 'string' && blobs.includes(at) ? Buffer.from(value, 'base64') : value));
    for (const record of records) for (const values of record.childRows[child.table] ?? []) upsert.run(stored(values));
  }
}

/** Two records say the same thing when their columns (but those in `ignore`), tombstone and children are equal. */
export function sameContent(a: PackageRecord, b: PackageRecord, ignore: readonly string[] = []): boolean {
  const skip = new Set(['created_at', ...ignore]);
  const compared = (row: Row) => Object.fromEntries(Object.entries(row).filter(([column]) => !skip.has(column)));
  return a.deleted === b.deleted && stableJson(compared(a.row)) === stableJson(compared(b.row)) && stableJson(a.childRows) === stableJson(b.childRows);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    // Any fixed order will do: the text is only compared with another built the same way.
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
