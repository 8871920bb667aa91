// Separation of duties on targets and adjustments: whoever submitted a record does not approve or
// return it, unless the single-person setting allows it, and then the audit log says so.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import type { Db } from '../../db/open';
import { createOperator } from '../registry/operators';
import { updateSetting } from '../settings/settings';
import { seedCounty } from '../testSupport/county';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { addProject, ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { ROAD_TYPE, seedRoadType } from '../testSupport/roadType';
import { decideAdjustment, proposeAdjustment } from './adjustments';
import { projectTarget, saveTarget, transitionTarget } from './targets';

function submittedBy(role: 'reviewer' | 'clerk') {
  const { db } = countyStore({ colleagues: true });
  seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
  seedRoadType(db);
  const project = addProject(db, { projectTypeCode: ROAD_TYPE });
  const submitter = createOperator(db, TEST_ACTOR, { name: '王审核', role, password: null });
  const other = createOperator(db, TEST_ACTOR, { name: '赵审核', role: 'reviewer', password: null });
  const started = projectTarget(db, project.id);
  const indicators = started.indicators.map((i) => (i.libraryCode === 'L001' ? { ...i, value: '12' } : i));
  const saved = saveTarget(db, submitter, { projectId: project.id, version: null, overallGoal: '完成 12 公里农村公路硬化', annualGoals: ['10 月底前完工'], indicators });
  const target = transitionTarget(db, submitter, { id: saved.id!, version: saved.version!, action: 'submit' });
  return { db, submitter, other, target };
}

const approve = (db: Db, actor: { id: string; name: string }, target: { id: string; version: number }) =>
  transitionTarget(db, actor, { id: target.id, version: target.version, action: 'approve', grade: '优' });

describe('separation of duties on targets', () => {
  it('refuses a reviewer approving or returning the target they submitted, and lets another reviewer approve', () => {
    const { db, submitter, other, target } = submittedBy('reviewer');
    expect(() => approve(db, submitter, target)).toThrow('不能审核本人送审的记录，请由另一位审核人审核');
    expect(() => transitionTarget(db, submitter, { id: target.id, version: target.version, action: 'return', grade: '差', opinion: '重写' })).toThrow('不能审核本人送审的记录');
    expect(approve(db, other, target).status).toBe('approved');
  });

  it('allows self-review on a single-person installation and marks each such review in the audit log', () => {
    const { db, submitter, target } = submittedBy('reviewer');
    updateSetting(db, TEST_ACTOR, 'review.selfReview', 'allow');
    expect(approve(db, submitter, target).status).toBe('approved');
    const marked = listAudit(db, { entity: 'target', limit: 10 }).filter((row) => row.action === '本人审核（单人使用设置）');
    expect(marked.map((row) => row.operatorName)).toEqual(['王审核']);
  });

  it('refuses deciding an adjustment one proposed oneself', () => {
    const { db, submitter, other, target } = submittedBy('reviewer');
    const approved = approve(db, other, target);
    const current = projectTarget(db, approved.projectId!);
    const proposed = { overallGoal: current.overallGoal, annualGoals: current.annualGoals, indicators: current.indicators.map((i) => (i.libraryCode === 'L001' ? { ...i, value: '15' } : i)) };
    const adjustment = proposeAdjustment(db, submitter, { targetId: approved.id, targetVersion: approved.version, reason: '上级追加资金，里程增加', proposed });
    expect(() => decideAdjustment(db, submitter, { id: adjustment.id, version: adjustment.version, action: 'approve' })).toThrow('不能审核本人送审的记录');
    expect(decideAdjustment(db, other, { id: adjustment.id, version: adjustment.version, action: 'approve' }).status).toBe('approved');
  });
});
