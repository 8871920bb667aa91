// What an exchange package can carry. Each kind of record declares itself next to its own workflow
// (electron/<area>/exchange.ts) with its table, natural key, scope and children; the engine reads and
// writes records generically from these declarations and never names a workflow's table itself.
import type { Db } from '../../db/open';
import type { Actor } from '../audit/audit';
import type { PackageRecord, Row } from './records';
import type { RowSchema } from './rowSchema';

/**
 * A package stage's name ("targets", "monitoring", …, or ALL_STAGES): each workflow declares the stage
 * it owns (electron/workflows.ts lists them), so the engine knows stages only as names.
 */
export type Stage = string;
/** The stage that carries every record kind. */
export const ALL_STAGES = 'all';
export const ALL_STAGES_LABEL = '全部';

/** up: from a county to its prefecture; down: from the prefecture to a county. */
export type Direction = 'up' | 'down';

export interface ChildTable {
  table: string;
  foreignKey: string;
  /** Columns that identify a child row within its parent (its upsert key). */
  key: readonly string[];
  /** What a child row may hold (rowSchema.childRow of its table). */
  row: RowSchema;
  /**
   * A grandchild: `foreignKey` names a row of this other child table of the same record (e.g. a feedback
   * round's files name the round, which names the notice), declared before it in `children`.
   */
  via?: { table: string; foreignKey: string };
  /**
   * Rows that hold the county's own decisions (a notice's 问责 measures): a unit's package never carries
   * them, and the county's rows stay as they are when a unit's copy of the record arrives.
   */
  notFromUnits?: true;
}

/** The columns and child tables of a record that the peer it was sent to answers. */
export interface PeerAnswer {
  columns: readonly string[];
  children: readonly string[];
}

/**
 * A reference from a record (or its child rows) to another record, which must lie in the package's scope
 * too: a sheet's indicator row naming another target's indicator, a notice naming another county's
 * project. Checked in the import's transaction on the rows as written, so a reference to a record the
 * same package brings counts. `outside` is SQL giving one row (id, detail) per record of `:ids` whose
 * reference falls outside `:region`, `:year` and `:unit` (null unless a unit sent the package).
 */
export type CrossReference = { outside: string } & (
  | { /** Refuses the package: what is wrong with the record, naming the reference by its detail. */ refusal: (detail: string) => string }
  | { /** Only reported: what the import summary says beside the record. */ note: (detail: string) => string }
);

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
  /** The stages it travels in: its own, and those of every record that names it as a parent. */
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
  /**
   * Whose a stored record is, for a unit's package carrying another unit's (exchange.md §10): SQL
   * expressions over the stored row, its table named as itself — `unit`, the code of the budget unit whose
   * packages alone may change it (the unit unitScope gives it to), and `record`, how people know the record
   * where its natural key does not say (a sheet by its round and project). Declared with unitScope: the
   * refusal names both.
   */
  owner?: { unit: string; record: string };
  /**
   * Goes down only from a county to one of its budget units, and only that unit's records (unitScope): a
   * county's record a unit answers (a 整改通知). Never from a prefecture to a county.
   */
  downToUnits?: true;
  /**
   * Goes down only from a prefecture to its counties, never on from a county to its units: what the
   * prefecture writes to a county (a 通知).
   */
  downToCounties?: true;
  /**
   * What a peer fills in on a record sent to it for an answer (a 整改通知 its unit answers, a 通知 the
   * county marks read): the peer's newer copy builds on the version we sent and is taken while ours has not
   * moved since. On a record this installation issued (exchange_issued) a peer's copy may change only these
   * columns and child tables; any other change refuses the package. Without it, a record changed on both
   * sides since our last receipt is a conflict, and one we issued may not be changed by the peer at all (a
   * round the prefecture issued, a project the county entered).
   */
  answeredByPeer?: PeerAnswer;
  children?: readonly ChildTable[];
  /** What the record and its child rows point at elsewhere, checked on the rows as written (CrossReference). */
  references?: readonly CrossReference[];
  /**
   * Columns each installation keeps for itself (e.g. its own version numbering): they travel, but a
   * difference in them alone does not make two copies of a record different. created_at never does.
   */
  localColumns?: readonly string[];
  /**
   * Columns that point at this installation's own records which do not travel (an evaluation's plan item
   * and the firm's job it was done under): they leave as null, so the receiver never holds a reference
   * it cannot resolve. Their row schema should accept only null.
   */
  homeColumns?: readonly string[];
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
  /**
   * Columns added to the table after packages were made without them, each with the value a row from such
   * a package takes (the column's default): an older sender's package still imports, while a row of this
   * version must carry the column like any other.
   */
  addedColumns?: Readonly<Row>;
  /**
   * The row as this version keeps it, for one an older sender wrote by older rules (a value list since
   * split): applied once the row is checked and before it is compared or written, so a second import of
   * the same package still finds nothing to change.
   */
  incomingRow?(row: Row): Row;
  /** How a prefecture's review decision lands on the county's record, when this entity can be reviewed. */
  applyDecision?(db: Db, actor: Actor, recordId: string, decision: Decision): void;
  /**
   * A rule the record breaks, as a message naming it, or null. Checked before anything is written (dry
   * runs included): one such record refuses the whole package. `rowOf` finds a related row by table and
   * id, in the package first, then on this installation (e.g. to name a sheet by its project); `db` is
   * the receiver's, for its own rules (e.g. its 附件大小上限); `fromUnit`, whether a budget unit sent it.
   */
  refuseIncoming?(record: PackageRecord, rowOf: (table: string, id: string) => Row | undefined, db: Db, fromUnit: boolean): string | null;
  /**
   * Runs once per import, in its transaction, after this entity's records were written: for the
   * bookkeeping a workflow keeps beside its records (e.g. a library version for an applied update).
   */
  afterApply?(db: Db, actor: Actor, applied: readonly AppliedRecord[], origin: PackageOrigin): void;
}

/**
 * A record kind as its workflow declares it: the stages it travels in of its own (none for a record that
 * travels only as a parent), and the kinds it needs on the other side first. A parent travels whenever
 * a child's stage is exported, without naming the child's stages.
 */
export type DeclaredEntity = Omit<ExchangeEntity, 'stages'> & {
  stages?: readonly Stage[];
  /** Names of the record kinds this one refers to, declared before it. */
  parents?: readonly string[];
};

/** Each declared kind with the stages it travels in: its own and, through its children, theirs. */
export function resolveStages(declared: readonly DeclaredEntity[]): ExchangeEntity[] {
  const stages = new Map(declared.map((entity) => [entity.name, new Set(entity.stages ?? [])]));
  const position = new Map(declared.map((entity, index) => [entity.name, index]));
  // Parents come first in the list, so walking it backwards settles every child before its parents.
  for (const [index, entity] of [...declared.entries()].reverse()) {
    for (const parent of entity.parents ?? []) {
      if (!((position.get(parent) ?? index) < index)) throw new Error(`数据交换记录“${entity.name}”的上级“${parent}”没有在它之前声明`);
      for (const stage of stages.get(entity.name)!) stages.get(parent)!.add(stage);
    }
  }
  return declared.map(({ parents: _parents, ...entity }) => ({ ...entity, stages: [...stages.get(entity.name)!] }));
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
  return stage === ALL_STAGES || entity.stages.includes(stage);
}
