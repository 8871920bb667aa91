// Who issued each exchanged record (exchange_issued): this installation for a record it made and sent out,
// or the peer whose package brought it here first. The import refuses a peer's change to a record issued
// here beyond what the peer answers (incoming.ts), and the pages mark what came from above (州级下发).
import type Database from 'better-sqlite3';
import { sqliteOf, type Db } from '../../db/open';
import { exchangeIssued } from '../../db/schema';

/**
 * Records an outgoing package carried that this installation made itself become issued here: those
 * never received from a peer. A record a peer's package created here is already the peer's.
 */
export function markIssuedHere(sqlite: Database.Database, packageId: string, self: string): void {
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO exchange_issued (entity, record_id, issuer)
       SELECT r.entity, r.record_id, ? FROM exchange_package_records r
        WHERE r.package_id = ? AND r.entity <> 'decision'
          AND NOT EXISTS (SELECT 1 FROM exchange_sync s WHERE s.peer IN (SELECT region_code FROM exchange_peers) AND s.entity = r.entity AND s.record_id = r.record_id)`,
    )
    .run(self, packageId);
}

/** A record a peer's package created here was issued by that peer. */
export const MARK_ISSUED_BY = 'INSERT OR IGNORE INTO exchange_issued (entity, record_id, issuer) VALUES (?, ?, ?)';

/** Who issued each of these records of a kind, where it is known. */
export function issuersOf(db: Db, entity: string, recordIds: readonly string[]): Map<string, string> {
  const rows = sqliteOf(db)
    .prepare('SELECT record_id AS id, issuer FROM exchange_issued WHERE entity = ? AND record_id IN (SELECT value FROM json_each(?))')
    .all(entity, JSON.stringify(recordIds)) as { id: string; issuer: string }[];
  return new Map(rows.map((r) => [r.id, r.issuer]));
}

/** A record this installation makes to send out (a round or a notice for a county) is issued here from the start. */
export function markIssued(db: Db, entity: string, recordId: string, issuer: string): void {
  db.insert(exchangeIssued).values({ entity, recordId, issuer }).onConflictDoNothing().run();
}
