// The package manifest (exchange.md §1): what the package is, who sent it to whom, and the size and
// SHA-256 of every member. The manifest is signed; members are trusted only through it.
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const FORMAT = 'jixiao-exchange';
/** The version written: 2 lays records out by columns (layout.ts); 1, still read, as objects. */
export const FORMAT_VERSION = '2.0';
/** The major versions this software reads. */
export const FORMAT_MAJORS = [1, 2] as const;
export const formatMajorOf = (version: string): number => Number(version.split('.')[0]);

export const PACKAGE_KINDS = ['county-report', 'prefecture-reply', 'unit-report', 'county-reply', 'library-update', 'receipt'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];
export const KIND_LABELS: Record<PackageKind, string> = {
  'county-report': '县级上报包',
  'prefecture-reply': '州级反馈包',
  'unit-report': '单位上报包',
  'county-reply': '县级反馈包',
  'library-update': '指标库更新包',
  receipt: '回执',
};

/** Packages that carry records up (to the level above) rather than down. */
export const UPWARD_KINDS: readonly PackageKind[] = ['county-report', 'unit-report'];

/**
 * Upward kinds whose receiver's review settles what they carry: a county's review of its units' records
 * is final, so a unit's own status, grade or opinion must not land as the county's. (The prefecture's
 * review of a county's records is recorded beside them, in its decisions, and never read from them: a
 * county's status there is the county's own settled review, shown as such on the prefecture's dashboard.)
 */
/** Replies carry the review decisions of the level above; no other kind carries any. */
export const DECISION_KINDS: readonly PackageKind[] = ['prefecture-reply', 'county-reply'];

/**
 * The kind that carries the indicator library (the prefecture's library, issued to a county), and the
 * only one: a library update is a package of its own, signed and verified like any other.
 */
export const LIBRARY_KIND: PackageKind = 'library-update';

export const RECEIVER_SETTLES: readonly PackageKind[] = ['unit-report'];

/**
 * A party to an exchange: a county or prefecture by its region code, a budget unit by its county's code
 * and its unit code. Its id ("652822" or "652822/101001") keys peers, sequences and delivered records.
 */
export interface Party {
  region: string;
  unit?: string | undefined;
}

export const partyId = (party: Party): string => (party.unit ? `${party.region}/${party.unit}` : party.region);

export function parsePartyId(id: string): Party {
  const [region = '', unit] = id.split('/');
  return unit ? { region, unit } : { region };
}

const party = z
  .object({ region: z.string().regex(/^\d{6}$/), unit: z.string().regex(/^[0-9A-Za-z]{3,20}$/).optional(), name: z.string().max(60) })
  .strict();

export const manifestSchema = z
  .object({
    format: z.literal(FORMAT),
    formatVersion: z.string().regex(/^\d+\.\d+$/),
    packageId: z.string().uuid(),
    kind: z.enum(PACKAGE_KINDS),
    sender: party.extend({ role: z.enum(['county', 'prefecture', 'unit']), publicKey: z.string().max(64), fingerprint: z.string().max(64) }).strict(),
    receiver: party,
    year: z.number().int().min(2000).max(2100),
    // Which stages exist is the workflows' to declare (exchange/registry.ts); the importer checks it.
    stage: z.string().regex(/^[a-z][a-z-]{0,39}$/),
    full: z.boolean(),
    sequence: z.number().int().positive(),
    createdAt: z.string().max(40),
    appVersion: z.string().max(40),
    /** For a receipt: the package it acknowledges. */
    acknowledges: z.string().uuid().optional(),
    members: z.array(z.object({ name: z.string().max(200), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()).max(60),
    counts: z.record(z.string(), z.number().int().nonnegative()),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';

/** Member names a package may hold besides the manifest and its signature. */
export const MEMBER_NAME = /^(data\/[a-z-]+\.json|decisions\.json|receipt\.json|summary\.txt)$/;

/**
 * How far ahead of the last one seen a sequence or version number may jump (exchange.md §12): a number
 * far ahead, signed or not, would make every later genuine package look stale.
 */
export const MAX_COUNTER_STEP = 1000;

export const LIMITS = { maxMembers: 64, maxMemberBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };
/** A package file larger than this is refused before it is read. */
export const MAX_PACKAGE_BYTES = 128 * 1024 * 1024;
