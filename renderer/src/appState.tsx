// Which screen the app is on: first-run setup, sign-in, or the workspace of a signed-in operator.
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { Operator, Installation } from '../../electron/registry/contract';
import { ApiError, errorMessage, invoke, onAccessProblem } from './api';

export type Phase =
  | { name: 'loading' }
  | { name: 'forbidden' }
  | { name: 'unreachable'; message: string }
  | { name: 'setup' }
  | { name: 'signIn'; installation: Installation; operators: Operator[] }
  | { name: 'ready'; installation: Installation; operator: Operator };

async function readPhase(): Promise<Phase> {
  const [status, operator] = await Promise.all([invoke('setup.status', {}), invoke('session.current', {})]);
  if (!status.installation) return { name: 'setup' };
  if (!operator) return { name: 'signIn', installation: status.installation, operators: status.operators };
  return { name: 'ready', installation: status.installation, operator };
}

export function useAppPhase(): { phase: Phase; refresh: () => Promise<void> } {
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });

  const refresh = useCallback(async () => {
    try {
      setPhase(await readPhase());
    } catch (error) {
      if (error instanceof ApiError && error.code === 'FORBIDDEN_SENDER') setPhase({ name: 'forbidden' });
      else setPhase({ name: 'unreachable', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void refresh();
    // A call refused for lack of a session (e.g. the program restarted) sends the user back to sign-in.
    return onAccessProblem((problem) => (problem === 'forbidden' ? setPhase({ name: 'forbidden' }) : void refresh()));
  }, [refresh]);

  return { phase, refresh };
}

export interface Session {
  installation: Installation;
  operator: Operator;
  /** Re-reads installation and session and remounts every page, e.g. after a restore from backup. */
  reloadAll: () => Promise<void>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside the signed-in workspace');
  return session;
}
