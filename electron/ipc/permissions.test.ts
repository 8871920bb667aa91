// The permission table, generated from the contract: every channel × every role is allowed or refused
// by the router exactly as electron/domain/permissions.ts says. A new channel is covered automatically.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { isAllowed, type Permission } from '../domain/permissions';
import { OPERATOR_ROLES, type OperatorRole } from '../domain/registry';
import { WORKFLOW_ACTIONS } from '../domain/workflow';
import { createOperator, listOperators } from '../registry/operators';
import { createUnit } from '../registry/units';
import { countyStore } from '../testSupport/fixtures';
import { createAppContext, type CallContext } from './context';
import { contract, PUBLIC_CHANNELS, type Channel } from './contract';
import { createRouter, type Handlers } from './router';

const CLI = { id: null, name: '命令行' };
const channels = Object.keys(contract) as Channel[];
const stubHandlers = Object.fromEntries(channels.map((channel) => [channel, () => 'ran'])) as unknown as Handlers;

/** Parsed inputs that decide a channel's permission, for the channels whose permission depends on it. */
const DECIDING_INPUTS: Partial<Record<Channel, object[]>> = {
  'targets.transition': WORKFLOW_ACTIONS.map((action) => ({ action })),
  'monitoring.transition': WORKFLOW_ACTIONS.map((action) => ({ action })),
  'monitoring.transitionDepartmentSheet': WORKFLOW_ACTIONS.map((action) => ({ action })),
  'selfEvaluation.transition': WORKFLOW_ACTIONS.map((action) => ({ action })),
  'evaluation.transition': WORKFLOW_ACTIONS.map((action) => ({ action })),
  'targets.decideAdjustment': [{ action: 'approve' }, { action: 'return' }],
  'exchange.import': [{ trust: true }, { trust: false }],
};

function signedInAs(role: OperatorRole) {
  const store = countyStore({ colleagues: true });
  // A 主管部门审核人 is bound to a department of the register.
  const departmentCode = role === 'department' ? createUnit(store.db, CLI, { code: '301001', name: '轮台县交通运输局', departmentCode: null, isDepartment: true }).code : null;
  const operator = role === 'admin' ? listOperators(store.db)[0]! : createOperator(store.db, CLI, { name: `操作员${role}`, role, departmentCode });
  const ctx: CallContext = { app: createAppContext(store, 'test'), session: { operator, signedInTo: store }, transport: 'test' };
  return { store, ctx, router: createRouter(stubHandlers) };
}

describe('permission table over every channel and role', () => {
  const staticChannels = channels.filter((channel) => typeof contract[channel].permission === 'string');
  for (const role of OPERATOR_ROLES) {
    it(`lets ${role} call exactly the channels its role allows`, async () => {
      const { ctx, router } = signedInAs(role);
      for (const channel of staticChannels) {
        const permission = contract[channel].permission as Permission;
        const result = await router.invoke(channel, {}, ctx, true);
        const refused = !result.ok && result.error.code === 'FORBIDDEN';
        expect({ channel, refused }).toEqual({ channel, refused: permission !== 'public' && !isAllowed(role, permission) });
      }
    });
  }

  it('knows deciding inputs for every channel whose permission depends on its input', () => {
    const dynamic = channels.filter((channel) => typeof contract[channel].permission === 'function');
    expect(dynamic.filter((channel) => !DECIDING_INPUTS[channel])).toEqual([]);
  });

  it('decides input-dependent channels by the table: approving is a review, trusting a peer is for administrators', () => {
    for (const [channel, inputs] of Object.entries(DECIDING_INPUTS)) {
      const decide = contract[channel as Channel].permission as (input: object) => Permission;
      for (const input of inputs) {
        for (const role of OPERATOR_ROLES) {
          const permission = decide(input);
          expect(isAllowed(role, permission)).toBe(restatedTable(role, permission));
        }
      }
    }
    expect((contract['targets.transition'].permission as (input: object) => Permission)({ action: 'approve' })).toBe('review.chained');
    expect((contract['monitoring.transition'].permission as (input: object) => Permission)({ action: 'approve' })).toBe('review');
    expect((contract['targets.transition'].permission as (input: object) => Permission)({ action: 'submit' })).toBe('enter');
    expect((contract['exchange.import'].permission as (input: object) => Permission)({ trust: true })).toBe('peers.trust');
  });

  it('keeps every public channel reachable before sign-in or names the permission that applies once signed in', () => {
    for (const channel of PUBLIC_CHANNELS) {
      expect(['public', 'database.switch']).toContain(contract[channel as Channel].permission);
    }
  });

  it('refuses a clerk a privileged call with a Chinese reason naming the roles, and audits the refusal', async () => {
    const { store, ctx, router } = signedInAs('clerk');
    const result = await router.invoke('operators.create', { name: '李四', role: 'admin', password: null }, ctx, true);
    expect(!result.ok && result.error).toEqual({ code: 'FORBIDDEN', message: '经办人不能管理操作员，请由系统管理员操作' });
    const refusals = store.db.select().from(auditLog).where(eq(auditLog.entity, 'permission')).all();
    expect(refusals.map((row) => [row.operatorName, row.naturalKey, row.action])).toEqual([['操作员clerk', 'operators.create', '拒绝越权操作']]);
  });
});

/** Only the fixed role sets of the table, restated: reviews for reviewers, trust for administrators. */
function restatedTable(role: OperatorRole, permission: Permission): boolean {
  if (permission === 'review') return role === 'admin' || role === 'office' || role === 'reviewer';
  if (permission === 'review.chained') return role !== 'clerk';
  if (permission === 'peers.trust') return role === 'admin';
  // 部门评价 is the 主管部门's own work.
  if (permission === 'evaluate') return true;
  return role !== 'department';
}
