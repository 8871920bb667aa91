// Operators managed by administrators: deactivate, change role, reset a password; the last active
// administrator stays; a new administrator beside others needs a password; anyone changes their own.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { operators } from '../../db/schema';
import { listAudit } from '../audit/audit';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { seedCounty } from '../testSupport/county';
import { ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { changeOwnPassword, createOperator, listOperators, listOperatorsNamed, resetPassword, setOperatorActive, setOperatorRole, signIn } from './operators';

function county() {
  const { db } = countyStore({ colleagues: true });
  const [zhang] = listOperators(db);
  return { db, zhang: zhang! };
}

describe('operator management', () => {
  it('keeps the last active administrator: neither deactivated nor demoted', () => {
    const { db, zhang } = county();
    expect(() => setOperatorActive(db, TEST_ACTOR, { id: zhang.id, active: false })).toThrow('“张三”是唯一在用的系统管理员');
    expect(() => setOperatorRole(db, TEST_ACTOR, { id: zhang.id, role: 'reviewer' })).toThrow('唯一在用的系统管理员');
    createOperator(db, TEST_ACTOR, { name: '王管理', role: 'admin', password: '管理密码' });
    expect(setOperatorRole(db, TEST_ACTOR, { id: zhang.id, role: 'reviewer' }).role).toBe('reviewer');
  });

  it('refuses a second administrator without a password, and promoting one who has none', () => {
    const { db } = county();
    expect(() => createOperator(db, TEST_ACTOR, { name: '王管理', role: 'admin', password: null })).toThrow('系统管理员“王管理”必须设置登录密码');
    const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
    expect(() => setOperatorRole(db, TEST_ACTOR, { id: clerk.id, role: 'admin' })).toThrow('必须设置登录密码');
  });

  it('refuses a second operator while the administrator has no password, and adds them once it is set', () => {
    const { db } = countyStore();
    const [zhang] = listOperators(db);
    expect(() => createOperator(db, zhang!, { name: '李经办', role: 'clerk', password: null })).toThrow(
      '系统管理员“张三”还没有登录密码：有了第二位操作员，系统管理员必须设置密码。请先在“设置 → 操作员 → 修改我的密码”中设置密码，再添加操作员',
    );
    expect(listOperators(db).map((o) => o.name)).toEqual(['张三']);
    changeOwnPassword(db, zhang!, { current: null, next: '张三的密码' });
    expect(createOperator(db, zhang!, { name: '李经办', role: 'clerk', password: null }).name).toBe('李经办');
  });

  it('makes a password-less administrator among several operators set a password to sign in', () => {
    const { db, zhang } = county();
    createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
    // An older database, from before the rule, may hold such an administrator.
    db.update(operators).set({ passwordHash: null }).where(eq(operators.id, zhang.id)).run();
    expect(() => signIn(db, zhang.id, null)).toThrow('已有其他操作员，系统管理员必须设置登录密码：请设置密码后登录');
    expect(signIn(db, zhang.id, null, new Date(), '新设的密码')).toMatchObject({ name: '张三', hasPassword: true });
    expect(() => signIn(db, zhang.id, null)).toThrow('密码不正确');
    expect(signIn(db, zhang.id, '新设的密码').name).toBe('张三');
    expect(listAudit(db, { entity: 'operator', naturalKey: '张三', limit: 5 }).map((row) => row.action)).toContain('登录时设置本人密码');
  });

  it('lets a password-less administrator alone on the PC sign in without one', () => {
    const { db } = countyStore();
    const [zhang] = listOperators(db);
    expect(signIn(db, zhang!.id, null)).toMatchObject({ name: '张三', hasPassword: false });
  });

  it('lets only an administrator manage operators', () => {
    const { db } = county();
    const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
    expect(() => setOperatorActive(db, clerk, { id: clerk.id, active: false })).toThrow('经办人不能管理操作员，请由系统管理员操作');
    expect(() => resetPassword(db, clerk, { id: clerk.id, password: 'x' })).toThrow('经办人不能管理操作员');
    expect(() => createOperator(db, clerk, { name: '王五', role: 'admin', password: 'x' })).toThrow('经办人不能管理操作员');
  });

  it('resets a forgotten password so the operator signs in with the new one, and deactivation stops sign-in', () => {
    const { db } = county();
    const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: '旧密码' });
    resetPassword(db, TEST_ACTOR, { id: clerk.id, password: '新密码' });
    expect(() => signIn(db, clerk.id, '旧密码')).toThrow('密码不正确');
    expect(signIn(db, clerk.id, '新密码').name).toBe('李经办');
    setOperatorActive(db, TEST_ACTOR, { id: clerk.id, active: false });
    expect(() => signIn(db, clerk.id, '新密码')).toThrow('该操作员不存在或已停用');
  });

  it('changes one’s own password only with the current one', () => {
    const { db } = county();
    const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: '旧密码' });
    expect(() => changeOwnPassword(db, clerk, { current: '猜的', next: '新密码' })).toThrow('当前密码不正确');
    changeOwnPassword(db, clerk, { current: '旧密码', next: '新密码' });
    expect(signIn(db, clerk.id, '新密码').name).toBe('李经办');
  });
});

describe('the operators list', () => {
  it('names the department a 主管部门审核人 is bound to, and none for the other roles', () => {
    const { db } = county();
    seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
    createOperator(db, TEST_ACTOR, { name: '马部门', role: 'department', password: null, departmentCode: '301001' });
    expect(listOperatorsNamed(db).map((o) => [o.name, o.departmentCode, o.departmentName])).toEqual(
      listOperators(db).map((o) => [o.name, o.departmentCode, o.name === '马部门' ? '轮台县交通运输局' : null]),
    );
    expect(listOperatorsNamed(db).find((o) => o.name === '马部门')).toMatchObject({ departmentCode: '301001', departmentName: '轮台县交通运输局' });
  });
});
