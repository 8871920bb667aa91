// What this installation has sent and received, its identity, and the peers it trusts: the answers to
// "what was sent, what was received, what is still unacknowledged" (domain.md §11).
import { desc, eq } from 'drizzle-orm';
import type { Db, Store } from '../../db/open';
import { exchangeIdentity, exchangePackages, exchangePeers } from '../../db/schema';
import { findRegion, findUnit, requireInstallation } from '../registry';
import { parsePartyId } from './manifest';
import { ensureIdentity } from './keys';

export interface PackageHistoryRow {
  id: string;
  direction: 'out' | 'in';
  kind: string;
  sender: string;
  receiver: string;
  year: number;
  stage: string;
  sequence: number;
  createdAt: string;
  recordedAt: string;
  state: 'written' | 'acknowledged' | 'imported';
  acknowledgedAt: string | null;
  operator: string;
  counts: Record<string, number>;
  /** The sender's and the receiver's names: a region's, or a unit's as this county registers it. */
  senderName: string;
  receiverName: string;
}

/**
 * Names the parties of packages: a region by its name, a budget unit ("652822/101001") as the county's
 * register names it, else by its id. Each party is looked up once, so a long history costs a few reads.
 */
function partyNamer(db: Db): (id: string) => string {
  const names = new Map<string, string>();
  return (id) => {
    if (!names.has(id)) {
      const { region, unit } = parsePartyId(id);
      names.set(id, (unit ? findUnit(db, region, unit)?.name : findRegion(db, region)?.name) ?? id);
    }
    return names.get(id)!;
  };
}

export function packageHistory(store: Store, direction?: 'out' | 'in'): PackageHistoryRow[] {
  const rows = store.db
    .select()
    .from(exchangePackages)
    .where(direction ? eq(exchangePackages.direction, direction) : undefined)
    .orderBy(desc(exchangePackages.recordedAt))
    .all();
  const nameOf = partyNamer(store.db);
  return rows.map(({ summary, fileName: _file, fileSha256: _sha, ...row }) => ({ ...row, counts: carried(summary), senderName: nameOf(row.sender), receiverName: nameOf(row.receiver) }));
}

/** What a package carried: records per kind (sent) or per action (imported), and review decisions. */
function carried(summary: string): Record<string, number> {
  const { counts = {}, decisions } = JSON.parse(summary) as { counts?: Record<string, number>; decisions?: number };
  // A written reply counts its decisions among its counts already; an import keeps them apart.
  return decisions ? { ...counts, decisions } : counts;
}

export interface IdentityView {
  region: string;
  regionName: string;
  fingerprint: string;
  publicKey: string;
}

/** This installation's public key and fingerprint (the key pair is made on first call). */
export function identityView(store: Store): IdentityView {
  const installation = requireInstallation(store.db);
  const identity = ensureIdentity(store);
  return { region: installation.region.code, regionName: installation.region.name, fingerprint: identity.fingerprint, publicKey: identity.publicKey };
}

export interface PeerRow {
  regionCode: string;
  /** The peer's name: a region's, or a unit's as this county registers it. */
  name: string;
  fingerprint: string;
  trustedAt: string;
  trustedBy: string;
  lastSequence: number;
}

export function listPeers(store: Store): PeerRow[] {
  const nameOf = partyNamer(store.db);
  return store.db
    .select({ regionCode: exchangePeers.regionCode, fingerprint: exchangePeers.fingerprint, trustedAt: exchangePeers.trustedAt, trustedBy: exchangePeers.trustedBy, lastSequence: exchangePeers.lastSequence })
    .from(exchangePeers)
    .orderBy(exchangePeers.regionCode)
    .all()
    .map((peer) => ({ ...peer, name: nameOf(peer.regionCode) }));
}

export const hasIdentity = (store: Store) => !!store.db.select().from(exchangeIdentity).get();

export interface PackagesFrom {
  received: number;
  lastReceivedAt: string | null;
  /** Imported packages (not receipts) this installation has not written a receipt for. */
  unacknowledged: number;
}

/** What this installation received from `sender` for a year. */
export function packagesFrom(store: Store, sender: string, year: number): PackagesFrom {
  const received = store.sqlite
    .prepare("SELECT count(*) AS n, max(recorded_at) AS at FROM exchange_packages WHERE direction = 'in' AND sender = ? AND year = ?")
    .get(sender, year) as { n: number; at: string | null };
  const unacknowledged = store.sqlite
    .prepare("SELECT count(*) AS n FROM exchange_packages WHERE direction = 'in' AND sender = ? AND year = ? AND kind != 'receipt' AND state = 'imported'")
    .get(sender, year) as { n: number };
  return { received: received.n, lastReceivedAt: received.at, unacknowledged: unacknowledged.n };
}
