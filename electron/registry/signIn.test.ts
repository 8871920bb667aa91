// Sign-in: every attempt in the audit log; five wrong passwords in a row make the operator wait, and
// the right password does not shorten the wait; an older hash is replaced at the next success.
import { scryptSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { SIGN_IN_WAIT_MINUTES } from '../domain/signIn';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { operators } from '../../db/schema';
import { createOperator, signIn } from './operators';

function withPassword() {
  const { db } = countyStore({ colleagues: true });
  const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: '正确的密码' });
  return { db, clerk };
}

const minutesLater = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe('sign-in', () => {
  it('refuses the sixth attempt after five wrong passwords even with the right one, until the wait is over', () => {
    const { db, clerk } = withPassword();
    for (let i = 0; i < 5; i++) expect(() => signIn(db, clerk.id, '猜一个')).toThrow('密码不正确，请重新输入');
    expect(() => signIn(db, clerk.id, '正确的密码')).toThrow(/^连续 5 次密码错误，请在 \d\d:\d\d 之后再试/);
    expect(() => signIn(db, clerk.id, '正确的密码', minutesLater(SIGN_IN_WAIT_MINUTES - 1))).toThrow(/连续 5 次密码错误/);
    expect(signIn(db, clerk.id, '正确的密码', minutesLater(SIGN_IN_WAIT_MINUTES + 1)).name).toBe('李经办');
  });

  it('counts only wrong passwords in a row: a success in between starts the count again', () => {
    const { db, clerk } = withPassword();
    for (let i = 0; i < 4; i++) expect(() => signIn(db, clerk.id, '猜一个')).toThrow('密码不正确');
    signIn(db, clerk.id, '正确的密码');
    for (let i = 0; i < 4; i++) expect(() => signIn(db, clerk.id, '猜一个')).toThrow('密码不正确');
    expect(signIn(db, clerk.id, '正确的密码').name).toBe('李经办');
  });

  it('writes every success, failure and refusal to the audit log under the operator', () => {
    const { db, clerk } = withPassword();
    expect(() => signIn(db, clerk.id, '猜一个')).toThrow();
    signIn(db, clerk.id, '正确的密码');
    const actions = listAudit(db, { entity: 'operator', limit: 10 }).filter((row) => row.naturalKey === '李经办').map((row) => [row.operatorName, row.action]);
    expect(actions).toEqual(expect.arrayContaining([['李经办', '登录失败（密码错误）'], ['李经办', '登录成功']]));
  });

  it('replaces a hash made with older scrypt parameters at the next successful sign-in', () => {
    const { db, clerk } = withPassword();
    const current = db.select().from(operators).where(eq(operators.id, clerk.id)).get()!.passwordHash!;
    // The same password hashed with a cheaper N (as an older version might have stored it).
    const [, , r, p, salt] = current.split('$');
    const older = `scrypt$1024$${r}$${p}$${salt}$${scryptSync('正确的密码', Buffer.from(salt!, 'base64'), 32, { N: 1024, r: Number(r), p: Number(p) }).toString('base64')}`;
    db.update(operators).set({ passwordHash: older }).where(eq(operators.id, clerk.id)).run();
    signIn(db, clerk.id, '正确的密码');
    const upgraded = db.select().from(operators).where(eq(operators.id, clerk.id)).get()!.passwordHash!;
    expect(upgraded).toMatch(/^scrypt\$16384\$/);
    expect(signIn(db, clerk.id, '正确的密码').name).toBe('李经办');
  });
});
