// What a workflow declares about itself, once, in electron/<workflow>/workflow.ts: the tables `jixiao
// stats` counts, the package stage it owns and the records it puts into packages. electron/workflows.ts
// lists every declaration; the stage list, the counted tables and the exchange engine's record kinds
// are derived from that list, so nothing central names a workflow's tables or stages.
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DeclaredEntity } from './exchange/exchange';

export interface StageDeclaration {
  /** The stage's name in packages and on the command line, e.g. "targets". */
  name: string;
  /** What people call it, e.g. 绩效目标. */
  label: string;
}

export interface WorkflowDeclaration {
  /** The workflow's folder name, e.g. "targets"; the renderer's navigation is keyed by it. */
  name: string;
  /** Name in `stats` counts → table; a table with a tombstone counts its live rows only. */
  counted?: Readonly<Record<string, SQLiteTable>>;
  /** The package stage this workflow owns, if its records travel in one of their own. */
  stage?: StageDeclaration;
  /** The records it puts into packages, parents first. */
  records?: readonly DeclaredEntity[];
}

/** Keeps the workflow's name as a literal type, so the renderer's navigation can be checked against the list. */
export const declareWorkflow = <const N extends string>(declaration: WorkflowDeclaration & { name: N }) => declaration;
