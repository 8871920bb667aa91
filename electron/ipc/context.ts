// What a call runs against: the application (its current database, which a restore or a switch to
// another database file can replace) and the caller's session (who is signed in). Each transport keeps
// one session per window or token.
import path from 'node:path';
import { closeDatabase, type Store } from '../../db/open';
import type { Actor } from '../audit/audit';
import type { Operator } from '../registry';

export type Transport = 'electron' | 'bridge' | 'cli' | 'test';

export interface AppContext {
  readonly version: string;
  /** The user-data folder: the 最近打开 list and the sample database live here. */
  readonly dataDir: string;
  store(): Store;
  /** Takes over a store that replaced the current file (a restore closed the old one itself). */
  replaceStore(next: Store): void;
  /** Works on another database file from now on, closing the current one. */
  switchStore(next: Store): void;
}

export interface Session {
  operator: Operator | null;
  /**
   * The database the operator signed in to. A restore or a switch puts another store in its place,
   * which ends every session opened against the old one.
   */
  signedInTo?: Store;
  /** The real database and operator left for the sample county, for the one-click way back. */
  leftForSample?: { path: string; operatorId: string | null };
}

export interface CallContext {
  app: AppContext;
  session: Session;
  transport: Transport;
}

/** `dataDir` defaults to the first database's folder, which keeps tests inside their temp folder. */
export function createAppContext(initial: Store, version: string, dataDir = path.dirname(initial.path)): AppContext {
  let current = initial;
  return {
    version,
    dataDir,
    store: () => current,
    replaceStore: (next) => {
      current = next;
    },
    switchStore: (next) => {
      const previous = current;
      current = next;
      if (previous !== next) closeDatabase(previous);
    },
  };
}

/** Signs an operator into a session (or out, with null) against the database open now. */
export function signInto(session: Session, app: AppContext, operator: Operator | null): void {
  session.operator = operator;
  session.signedInTo = operator ? app.store() : undefined;
}

export const actorOf = (session: Session): Actor =>
  session.operator ? { id: session.operator.id, name: session.operator.name } : { id: null, name: '未登录' };
