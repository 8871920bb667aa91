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

/**
 * Once a second operator exists every administrator must have a password (an administrator anyone can
 * sign in as would hold every key): a password-less one sets it while signing in.
 */
export const mustSetPasswordToSignIn = (operator: { role: string; hasPassword: boolean }, operatorCount: number): boolean =>
  operator.role === 'admin' && !operator.hasPassword && operatorCount > 1;

export const PASSWORD_REQUIRED_AT_SIGN_IN = '已有其他操作员，系统管理员必须设置登录密码：请设置密码后登录';
