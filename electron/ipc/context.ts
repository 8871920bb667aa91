// What a call runs against: the application (its current database, which a restore can replace) and
// the caller's session (who is signed in). Each transport keeps one session per window or token.
import type { Store } from '../../db/open';
import type { Actor } from '../audit/audit';
import type { Operator } from '../registry/operators';

export type Transport = 'electron' | 'bridge' | 'cli' | 'test';

export interface AppContext {
  readonly version: string;
  store(): Store;
  replaceStore(next: Store): void;
}

export interface Session {
  operator: Operator | null;
}

export interface CallContext {
  app: AppContext;
  session: Session;
  transport: Transport;
}

export function createAppContext(initial: Store, version: string): AppContext {
  let current = initial;
  return {
    version,
    store: () => current,
    replaceStore: (next) => {
      current = next;
    },
  };
}

export const actorOf = (session: Session): Actor =>
  session.operator ? { id: session.operator.id, name: session.operator.name } : { id: null, name: '未登录' };
