// Local accounts. Passwords are optional (many county PCs are single-user) and hashed with scrypt.
import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { operators } from '../../db/schema';
import { checkSelfReview, refusalReason, type Permission } from '../domain/permissions';
import type { OperatorRole } from '../domain/registry';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';
import { settingValue } from '../settings';

export interface Operator {
  id: string;
  name: string;
  role: OperatorRole;
  hasPassword: boolean;
  active: boolean;
}

const SCRYPT = { N: 16384, r: 8, p: 1 } as const;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(expected, actual);
}

const toOperator = (row: typeof operators.$inferSelect): Operator => ({
  id: row.id,
  name: row.name,
  role: row.role,
  hasPassword: row.passwordHash !== null,
  active: row.active,
});

export function listOperators(db: Db): Operator[] {
  return db.select().from(operators).orderBy(asc(operators.createdAt)).all().map(toOperator);
}

export interface NewOperator {
  name: string;
  role: OperatorRole;
  password?: string | null;
}

export function createOperator(db: Db, actor: Actor, input: NewOperator): Operator {
  requirePermission(db, actor, 'operators.manage');
  const name = input.name.trim();
  if (name === '') throw new AppError('INVALID_INPUT', '请填写操作员姓名');
  if (db.select().from(operators).where(eq(operators.name, name)).get()) {
    throw new AppError('CONFLICT', `操作员“${name}”已存在，请换一个姓名`);
  }
  const row = {
    id: randomUUID(),
    name,
    role: input.role,
    passwordHash: input.password ? hashPassword(input.password) : null,
    active: true,
  };
  db.transaction((tx) => {
    tx.insert(operators).values(row).run();
    recordAudit(tx, actor, { entity: 'operator', naturalKey: name, action: '新增操作员', after: { name, role: row.role } });
  });
  return toOperator({ ...row, createdAt: '' });
}

/** Checks an operator's password (when one is set) and returns who signed in. */
export function signIn(db: Db, operatorId: string, password: string | null | undefined): Operator {
  const row = db.select().from(operators).where(eq(operators.id, operatorId)).get();
  if (!row || !row.active) throw new AppError('NOT_FOUND', '该操作员不存在或已停用');
  if (row.passwordHash && !verifyPassword(password ?? '', row.passwordHash)) {
    throw new AppError('INVALID_INPUT', '密码不正确，请重新输入');
  }
  return toOperator(row);
}

/**
 * Refuses an actor whose role does not allow a permission: the services' own check, so the command line
 * and tests meet the same table as the router. The command line and the system act without an operator.
 */
export function requirePermission(db: Db, actor: Actor, permission: Permission): void {
  if (!actor.id) return;
  const row = db.select({ role: operators.role, active: operators.active }).from(operators).where(eq(operators.id, actor.id)).get();
  if (!row || !row.active) throw new AppError('NOT_SIGNED_IN', '当前操作员已不存在或已停用，请重新登录');
  const reason = refusalReason(row.role, permission);
  if (reason) throw new AppError('FORBIDDEN', reason);
}

/**
 * The signed-in operator as the database has them now, or null when they were removed, deactivated or
 * given another role since signing in: a session must not outlive the operator it was opened for.
 */
export function currentOperator(db: Db, signedIn: Operator): Operator | null {
  const row = db.select().from(operators).where(eq(operators.id, signedIn.id)).get();
  if (!row || !row.active || row.role !== signedIn.role) return null;
  return toOperator(row);
}

/** Writes a refused privileged call to the audit log: someone reached past their role. */
export function auditRefusal(db: Db, actor: Actor, channel: string, permission: Permission): void {
  recordAudit(db, actor, { entity: 'permission', naturalKey: channel, action: '拒绝越权操作', after: { permission } });
}

/**
 * Refuses a review of what the reviewer submitted themselves; where the single-person setting allows
 * it, marks that review in the audit log so the trail shows the maker was also the checker.
 */
export function refuseSelfReview(db: Db, actor: Actor, submittedBy: string | null, record: { entity: string; naturalKey: string }): void {
  const check = checkSelfReview(submittedBy, actor.id, settingValue<string>(db, 'review.selfReview') === 'allow');
  if (!check.ok) throw new AppError('FORBIDDEN', check.message);
  if (check.self) recordAudit(db, actor, { ...record, action: '本人审核（单人使用设置）' });
}
