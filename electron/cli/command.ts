// What a CLI command is. Each workflow declares its commands next to its services and plugs them in
// (electron/plugs.ts); main.ts serves them in the order of the one list of workflows.
import type { Store } from '../../db/open';
import type { Permission } from '../domain/permissions';
import type { WorkflowDeclaration } from '../workflow';
import type { ParsedArgs } from './args';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Everything on standard input, for commands that read JSON from a pipe. */
  readStdin(): Promise<string>;
}

export interface CommandRun {
  args: ParsedArgs;
  io: Io;
  /** The workflows this command line serves, for commands that report on all of them (stats). */
  workflows: readonly WorkflowDeclaration[];
}

export type Command =
  | {
      usage: string;
      summary: string;
      database: true;
      /**
       * What the command does to its workflow's records, as a channel's permission: a command that enters
       * or reviews them is refused on an installation whose role lacks the workflow, as the IPC router
       * refuses its channels (installationRefusal). Required, so that a new writing command cannot slip
       * past that refusal by saying nothing: one that only reads says `view`, one that administers the
       * installation its administrative permission (`backup.manage`, `public` for first-run setup).
       */
      permission: Permission;
      run(store: Store, run: CommandRun): void | Promise<void>;
    }
  | { usage: string; summary: string; database: false; run(run: CommandRun): void | Promise<void> };

/** A command named by one or more words, e.g. "calc monitor" or "package export". */
export type CommandTable = Record<string, Command>;
