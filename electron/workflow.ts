// What a workflow declares about itself, once, in electron/<workflow>/workflow.ts: the tables `jixiao
// stats` counts, the package stage it owns, the records it puts into packages and its part of the IPC
// contract. electron/workflows.ts lists every declaration; the stage list, the counted tables, the
// exchange engine's record kinds and the IPC contract are derived from that list, so nothing central
// names a workflow's tables, stages or channels. A declaration is data (zod schemas and types): the
// exchange engine reads the list and the renderer imports the contract's types from it, so it never
// loads a workflow's handlers or commands; those are plugged in by name in electron/plugs.ts.
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DeclaredEntity } from './exchange/exchange';
import type { ContractPart } from './ipc/schema';

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
  /** Its channels of the IPC contract (its contract.ts). */
  contract?: ContractPart;
  /** Those of its channels reachable before anyone has signed in. */
  publicChannels?: readonly string[];
}

/**
 * Keeps the workflow's name and contract as literal types, so that the IPC contract's types, the
 * handlers it needs (electron/plugs.ts) and the renderer's navigation are checked against the list;
 * a public channel must be one of its own.
 */
export const declareWorkflow = <const N extends string, const C extends ContractPart = Record<never, never>>(
  declaration: Omit<WorkflowDeclaration, 'name' | 'contract' | 'publicChannels'> & {
    name: N;
    contract?: C;
    publicChannels?: readonly (keyof C & string)[];
  },
) => declaration;

/** The contract part a declaration brings (none: no channel). */
export type ContractOf<D> = D extends { contract?: infer C } ? (C extends ContractPart ? C : Record<never, never>) : Record<never, never>;
