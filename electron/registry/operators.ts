// Local accounts. Passwords are optional (many county PCs are single-user) and hashed with scrypt.
import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { auditLog, operators } from '../../db/schema';
import { checkSelfReview, refusalReason, type Permission } from '../domain/permissions';
import { localDateTime } from '../domain/clock';
import { OPERATOR_ROLE_LABELS, type OperatorRole } from '../domain/registry';
import type { Reviewer } from '../domain/reviewChain';
import { mustSetPasswordToSignIn, PASSWORD_REQUIRED_AT_SIGN_IN, SIGN_IN_ATTEMPTS, signInLockedUntil, type SignInAttempt } from '../domain/signIn';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';
import { settingValue } from '../settings';
import { requireInstallation } from './installation';
import { findUnit } from './units';

export interface Operator {
  id: string;
  name: string;
  role: OperatorRole;
  /** The department a 主管部门审核人 reviews for; null for every other role. */
  departmentCode: string | null;
  hasPassword: boolean;
  active: boolean;
}

const SCRYPT = { N: 16384, r: 8, p: 1 } as const;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** A hash made with other parameters than today's is replaced at the next successful sign-in. */
const isCurrentHash = (stored: string) => stored.startsWith(`scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$`);

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
  departmentCode: row.departmentCode,
  hasPassword: row.passwordHash !== null,
  active: row.active,
});

/** An operator as 设置 → 操作员 lists them: a 主管部门审核人's department named, so the page needs no units list. */
export interface ListedOperator extends Operator {
  departmentName: string | null;
}

export function listOperatorsNamed(db: Db): ListedOperator[] {
  const listed = listOperators(db);
  const regionCode = listed.some((o) => o.departmentCode) ? requireInstallation(db).region.code : '';
  return listed.map((o) => ({ ...o, departmentName: o.departmentCode ? (findUnit(db, regionCode, o.departmentCode)?.name ?? null) : null }));
}

export function listOperators(db: Db): Operator[] {
  return db.select().from(operators).orderBy(asc(operators.createdAt)).all().map(toOperator);
}

export interface NewOperator {
  name: string;
  role: OperatorRole;
  password?: string | null;
  /** Required for a 主管部门审核人: the unit code of the department they review for. */
  departmentCode?: string | null;
}

export function createOperator(db: Db, actor: Actor, input: NewOperator): Operator {
  requirePermission(db, actor, 'operators.manage');
  if (input.role === 'admin' && !input.password) refuseAdminWithoutPassword(db, input.name.trim());
  refuseSecondOperatorBesidePasswordlessAdmin(db);
  const departmentCode = departmentBinding(db, input.role, input.departmentCode);
  const name = input.name.trim();
  if (name === '') throw new AppError('INVALID_INPUT', '请填写操作员姓名');
  if (db.select().from(operators).where(eq(operators.name, name)).get()) {
    throw new AppError('CONFLICT', `操作员“${name}”已存在，请换一个姓名`);
  }
  const row = {
    id: randomUUID(),
    name,
    role: input.role,
    departmentCode,
    passwordHash: input.password ? hashPassword(input.password) : null,
    active: true,
  };
  db.transaction((tx) => {
    tx.insert(operators).values(row).run();
    recordAudit(tx, actor, { entity: 'operator', naturalKey: name, action: '新增操作员', after: { name, role: row.role, departmentCode } });
  });
  return toOperator({ ...row, createdAt: '' });
}

/**
 * Where more than one person signs in, an administrator without a password would let anyone act as
 * one; the first operator of a single-user PC may go without.
 */
function refuseAdminWithoutPassword(db: Db, name: string): void {
  if (db.select({ id: operators.id }).from(operators).limit(1).all().length === 0) return;
  throw new AppError('INVALID_INPUT', `已有其他操作员，系统管理员“${name}”必须设置登录密码`);
}

/**
 * The first operator of a single-user PC may have gone without a password; adding a second one makes a
 * password-less administrator an open door, so that administrator sets a password first.
 */
function refuseSecondOperatorBesidePasswordlessAdmin(db: Db): void {
  const open = db
    .select({ name: operators.name })
    .from(operators)
    .where(and(eq(operators.role, 'admin'), eq(operators.active, true), isNull(operators.passwordHash)))
    .all();
  if (open.length === 0) return;
  const names = open.map((o) => `“${o.name}”`).join('、');
  throw new AppError('CONFLICT', `系统管理员${names}还没有登录密码：有了第二位操作员，系统管理员必须设置密码。请先在“设置 → 操作员 → 修改我的密码”中设置密码，再添加操作员`);
}

/**
 * The department a 主管部门审核人 is bound to: a live unit of this region marked as a 主管部门. Every
 * other role reviews (or enters) for the whole county and carries none.
 */
function departmentBinding(db: Db, role: OperatorRole, departmentCode: string | null | undefined): string | null {
  if (role !== 'department') return null;
  const code = departmentCode?.trim();
  if (!code) throw new AppError('INVALID_INPUT', `请为${OPERATOR_ROLE_LABELS.department}选择其主管部门`);
  const unit = findUnit(db, requireInstallation(db).region.code, code);
  if (!unit) throw new AppError('INVALID_INPUT', `主管部门编码 ${code} 不存在，请先在“预算单位”中录入该主管部门`);
  if (!unit.isDepartment) throw new AppError('INVALID_INPUT', `${unit.name}（${unit.code}）不是主管部门，请选择主管部门`);
  return unit.code;
}

/**
 * Who an actor is as a reviewer on the review chain. The command line acts without an operator and
 * stands where the bureau stands: it never decides for a department.
 */
export function reviewerOf(db: Db, actor: Actor): Reviewer {
  if (!actor.id) return { role: 'admin', departmentCode: null };
  const row = requireOperatorRow(db, actor.id);
  return { role: row.role, departmentCode: row.departmentCode };
}

function requireOperatorRow(db: Db, id: string) {
  const row = db.select().from(operators).where(eq(operators.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', '该操作员不存在，请刷新后重试');
  return row;
}

/** The last active administrator stays: without one nobody could manage operators or settings again. */
function refuseLosingLastAdmin(db: Db, row: typeof operators.$inferSelect): void {
  if (row.role !== 'admin' || !row.active) return;
  const admins = db.select({ id: operators.id }).from(operators).where(and(eq(operators.role, 'admin'), eq(operators.active, true))).all();
  if (admins.length <= 1) throw new AppError('CONFLICT', `“${row.name}”是唯一在用的系统管理员，不能停用或改为其他角色；请先指定另一位系统管理员`);
}

/** Deactivates or reactivates an operator; their open sessions end at their next call. */
export function setOperatorActive(db: Db, actor: Actor, input: { id: string; active: boolean }): Operator {
  requirePermission(db, actor, 'operators.manage');
  return db.transaction((tx) => {
    const row = requireOperatorRow(tx, input.id);
    if (!input.active) refuseLosingLastAdmin(tx, row);
    tx.update(operators).set({ active: input.active }).where(eq(operators.id, row.id)).run();
    recordAudit(tx, actor, { entity: 'operator', naturalKey: row.name, action: input.active ? '启用操作员' : '停用操作员' });
    return toOperator({ ...row, active: input.active });
  });
}

/** Gives an operator another role; their open sessions end at their next call. */
export function setOperatorRole(db: Db, actor: Actor, input: { id: string; role: OperatorRole; departmentCode?: string | null }): Operator {
  requirePermission(db, actor, 'operators.manage');
  return db.transaction((tx) => {
    const row = requireOperatorRow(tx, input.id);
    const departmentCode = departmentBinding(tx, input.role, input.departmentCode);
    if (row.role === input.role && row.departmentCode === departmentCode) return toOperator(row);
    refuseLosingLastAdmin(tx, row);
    if (input.role === 'admin' && !row.passwordHash) refuseAdminWithoutPassword(tx, row.name);
    tx.update(operators).set({ role: input.role, departmentCode }).where(eq(operators.id, row.id)).run();
    recordAudit(tx, actor, {
      entity: 'operator',
      naturalKey: row.name,
      action: '变更角色',
      before: { role: row.role, departmentCode: row.departmentCode },
      after: { role: input.role, departmentCode },
    });
    return toOperator({ ...row, role: input.role, departmentCode });
  });
}

/** An administrator sets a new password for an operator who forgot theirs. */
export function resetPassword(db: Db, actor: Actor, input: { id: string; password: string }): Operator {
  requirePermission(db, actor, 'operators.manage');
  if (input.password === '') throw new AppError('INVALID_INPUT', '请填写新密码');
  return db.transaction((tx) => {
    const row = requireOperatorRow(tx, input.id);
    const passwordHash = hashPassword(input.password);
    tx.update(operators).set({ passwordHash }).where(eq(operators.id, row.id)).run();
    recordAudit(tx, actor, { entity: 'operator', naturalKey: row.name, action: '重设密码' });
    return toOperator({ ...row, passwordHash });
  });
}

/** An operator changes their own password, proving the current one first (when one is set). */
export function changeOwnPassword(db: Db, actor: Actor, input: { current: string | null; next: string | null }): Operator {
  const id = actor.id;
  if (!id) throw new AppError('NOT_SIGNED_IN', '请先登录后再修改密码');
  return db.transaction((tx) => {
    const row = requireOperatorRow(tx, id);
    if (row.passwordHash && !verifyPassword(input.current ?? '', row.passwordHash)) throw new AppError('INVALID_INPUT', '当前密码不正确，请重新输入');
    if (!input.next && row.role === 'admin' && listOperators(tx).length > 1) refuseAdminWithoutPassword(tx, row.name);
    const passwordHash = input.next ? hashPassword(input.next) : null;
    tx.update(operators).set({ passwordHash }).where(eq(operators.id, row.id)).run();
    recordAudit(tx, actor, { entity: 'operator', naturalKey: row.name, action: passwordHash ? '修改本人密码' : '取消本人密码' });
    return toOperator({ ...row, passwordHash });
  });
}

const SIGNED_IN = '登录成功';
const WRONG_PASSWORD = '登录失败（密码错误）';

/** The operator's latest counted sign-in attempts, newest first, from the audit log. */
function latestAttempts(db: Db, operatorId: string): SignInAttempt[] {
  return db
    .select({ action: auditLog.action, at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.operatorId, operatorId), inArray(auditLog.action, [SIGNED_IN, WRONG_PASSWORD])))
    .orderBy(desc(auditLog.id))
    .limit(SIGN_IN_ATTEMPTS)
    .all()
    .map((row) => ({ ok: row.action === SIGNED_IN, at: new Date(row.at) }));
}

/**
 * Checks an operator's password (when one is set) and returns who signed in. Every attempt is audited;
 * after five wrong passwords in a row even the right one is refused until the wait is over. A
 * password-less administrator among several operators gives `newPassword` to set one and sign in.
 */
export function signIn(db: Db, operatorId: string, password: string | null | undefined, now = new Date(), newPassword: string | null = null): Operator {
  const row = db.select().from(operators).where(eq(operators.id, operatorId)).get();
  if (!row || !row.active) throw new AppError('NOT_FOUND', '该操作员不存在或已停用');
  const actor = { id: row.id, name: row.name };
  const record = { entity: 'operator', naturalKey: row.name };
  const lockedUntil = signInLockedUntil(latestAttempts(db, row.id), now);
  if (lockedUntil) {
    recordAudit(db, actor, { ...record, action: '登录被拒（锁定等待中）' });
    throw new AppError('SIGN_IN_LOCKED', `连续 ${SIGN_IN_ATTEMPTS} 次密码错误，请在 ${localDateTime(lockedUntil).slice(11, 16)} 之后再试；忘记密码的，请联系系统管理员`);
  }
  if (row.passwordHash && !verifyPassword(password ?? '', row.passwordHash)) {
    recordAudit(db, actor, { ...record, action: WRONG_PASSWORD });
    throw new AppError('INVALID_INPUT', '密码不正确，请重新输入');
  }
  if (row.passwordHash && !isCurrentHash(row.passwordHash)) {
    db.update(operators).set({ passwordHash: hashPassword(password ?? '') }).where(eq(operators.id, row.id)).run();
  }
  if (mustSetPasswordToSignIn(toOperator(row), listOperators(db).length)) {
    if (!newPassword) throw new AppError('INVALID_INPUT', PASSWORD_REQUIRED_AT_SIGN_IN);
    const passwordHash = hashPassword(newPassword);
    db.update(operators).set({ passwordHash }).where(eq(operators.id, row.id)).run();
    recordAudit(db, actor, { ...record, action: '登录时设置本人密码' });
    row.passwordHash = passwordHash;
  }
  recordAudit(db, actor, { ...record, action: SIGNED_IN });
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
  if (!row || !row.active || row.role !== signedIn.role || row.departmentCode !== signedIn.departmentCode) return null;
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
