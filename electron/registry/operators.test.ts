// Operators managed by administrators: deactivate, change role, reset a password; the last active
// administrator stays; a new administrator beside others needs a password; anyone changes their own.
import { describe, expect, it } from 'vitest';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { changeOwnPassword, createOperator, listOperators, resetPassword, setOperatorActive, setOperatorRole, signIn } from './operators';

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
