// What an exchange package can carry. Each kind of record declares itself next to its own workflow
// (electron/<area>/exchange.ts) with its table, natural key, scope and children; the engine reads and
// writes records generically from these declarations and never names a workflow's table itself.
import type { Db } from '../../db/open';
import type { Actor } from '../audit/audit';
import type { PackageRecord, Row } from './records';
import type { RowSchema } from './rowSchema';

export const STAGES = ['targets', 'monitoring', 'rectification', 'library', 'all'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  targets: '绩效目标',
  monitoring: '绩效监控',
  rectification: '整改',
  library: '指标库',
  all: '全部',
};

/** up: from a county to its prefecture; down: from the prefecture to a county. */
export type Direction = 'up' | 'down';

export interface ChildTable {
  table: string;
  foreignKey: string;
  /** Columns that identify a child row within its parent (its upsert key). */
  key: readonly string[];
  /** What a child row may hold (rowSchema.childRow of its table). */
  row: RowSchema;
}

/** The receiver's own latest review decision on a record that came up to it. */
export interface OwnDecision {
  action: 'approve' | 'return';
  opinion: string;
  decidedAt: string;
}

export interface Decision {
  action: 'approve' | 'return';
  opinion: string;
  decidedBy: string;
  decidedAt: string;
  /** The county's review of a unit's record settles it; the prefecture's review of a county's record does not. */
  final: boolean;
}

export interface ExchangeEntity {
  /** Stable name inside packages, e.g. "unit". */
  name: string;
  /** What people call it, for summaries. */
  label: string;
  table: string;
  /** What the record's row may hold, checked before anything is written (rowSchema.recordRow of its table). */
  row: RowSchema;
  /** Columns that identify the record across installations; joined with "/" for display. */
  naturalKey: readonly string[];
  stages: readonly Stage[];
  directions: readonly Direction[];
  /**
   * SQL condition choosing the records of one region's year; `:region` is the county (the sender going
   * up, the receiver going down) and `:year` the fiscal year.
   */
  scope: string;
  /**
   * SQL condition (`:unit` is the unit code) choosing one budget unit's records within the scope: what a
   * unit installation sends to its county, and what a unit's package may write. No unitScope: units never
   * send this kind.
   */
  unitScope?: string;
  children?: readonly ChildTable[];
  /**
   * Columns each installation keeps for itself (e.g. its own version numbering): they travel, but a
   * difference in them alone does not make two copies of a record different. created_at never does.
   */
  localColumns?: readonly string[];
  /** Columns for the human-readable summary (counts per unit and status). */
  unitColumn?: string;
  statusColumn?: string;
  /**
   * For a kind whose review the receiver settles (a county reviewing its units' records): the receiver's
   * copy of a record that came up. The sender's status, grade and opinion are its own workflow state and
   * never settle the receiver's review: the copy waits for the receiver's review, and shows a decision
   * only when it is the receiver's own (`decided`, the receiver's latest on the record).
   */
  awaitingReview?(row: Row, decided: OwnDecision | undefined): Row;
  /** How a prefecture's review decision lands on the county's record, when this entity can be reviewed. */
  applyDecision?(db: Db, actor: Actor, recordId: string, decision: Decision): void;
  /**
   * A rule the record breaks, as a message naming it, or null. Checked before anything is written (dry
   * runs included): one such record refuses the whole package. `rowOf` finds a related row by table and
   * id, in the package first, then on this installation (e.g. to name a sheet by its project).
   */
  refuseIncoming?(record: PackageRecord, rowOf: (table: string, id: string) => Row | undefined): string | null;
  /**
   * Runs once per import, in its transaction, after this entity's records were written: for the
   * bookkeeping a workflow keeps beside its records (e.g. a library version for an applied update).
   */
  afterApply?(db: Db, actor: Actor, applied: readonly AppliedRecord[], origin: PackageOrigin): void;
}

export interface AppliedRecord {
  id: string;
  action: 'created' | 'updated' | 'deleted';
}

export interface PackageOrigin {
  sender: string;
  senderName: string;
  sequence: number;
}

/** The indicator library's kinds travel only in library updates (manifest.LIBRARY_KIND). */
export const carriesLibrary = (entity: ExchangeEntity): boolean => entity.stages.includes('library');

export function stageIncludes(entity: ExchangeEntity, stage: Stage): boolean {
  return stage === 'all' || entity.stages.includes(stage);
}
