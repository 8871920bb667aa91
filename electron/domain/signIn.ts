// Guessing passwords: after five wrong passwords in a row an operator waits fifteen minutes before the
// next attempt counts, whatever password it carries. The attempts themselves are the audit log's.

export const SIGN_IN_ATTEMPTS = 5;
export const SIGN_IN_WAIT_MINUTES = 15;

export interface SignInAttempt {
  ok: boolean;
  at: Date;
}

/** Until when sign-in is refused, given the operator's latest attempts (newest first), or null. */
export function signInLockedUntil(latest: readonly SignInAttempt[], now: Date): Date | null {
  const run = latest.slice(0, SIGN_IN_ATTEMPTS);
  if (run.length < SIGN_IN_ATTEMPTS || run.some((attempt) => attempt.ok)) return null;
  const until = new Date(run[0]!.at.getTime() + SIGN_IN_WAIT_MINUTES * 60_000);
  return until > now ? until : null;
}
