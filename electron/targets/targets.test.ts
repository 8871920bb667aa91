import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import type { TargetContent } from '../domain/targets';
import { AppError } from '../errors';
import { updateProject } from '../projects/projects';
import { seedCounty } from '../testSupport/county';
import { addProject, projectInput, ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { createOperator } from '../registry/operators';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { decideAdjustment, listAdjustments, proposeAdjustment } from './adjustments';
import { approvedTargets, getTarget, projectTarget, reviewInbox, saveTarget, transitionTarget } from './targets';
import { ROAD_TYPE, seedRoadType } from '../testSupport/roadType';

const REVIEWER = { id: null, name: '审核人王五' };

function setUp() {
  const { db } = countyStore({ colleagues: true });
  seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
  seedRoadType(db);
  const project = addProject(db, { projectTypeCode: ROAD_TYPE });
  return { db, project };
}

/** The library's suggestions completed the way a unit would: goals written, values adjusted. */
function filledContent(db: ReturnType<typeof setUp>['db'], projectId: string): TargetContent {
  const started = projectTarget(db, projectId);
  return {
    overallGoal: '完成 12 公里农村公路硬化，改善沿线群众出行条件',
    annualGoals: ['10 月底前完工并验收'],
    indicators: started.indicators.map((i) => (i.libraryCode === 'L001' ? { ...i, value: '12' } : i)),
  };
}

function savedDraft() {
  const { db, project } = setUp();
  const saved = saveTarget(db, TEST_ACTOR, { projectId: project.id, version: null, ...filledContent(db, project.id) });
  return { db, project, saved };
}

const submit = (db: ReturnType<typeof setUp>['db'], id: string, version: number) => transitionTarget(db, TEST_ACTOR, { id, version, action: 'submit' });

describe('project targets', () => {
  it('starts a project’s indicators from its type’s accepted library indicators, writing nothing', () => {
    const { db, project } = setUp();
    const started = projectTarget(db, project.id);
    expect(started).toMatchObject({ id: null, version: null, status: 'draft', frameworkId: 'classic', budgetWeight: 10 });
    expect(started.indicators.map((i) => [i.libraryCode, i.name, i.operator, i.value, i.unit])).toEqual([
      ['L001', '新建（改建）农村道路里程', '≥', '10', '公里'],
      ['L002', '工程验收合格率', '=', '100', '%'],
      ['L003', '群众出行条件', '定性', '明显改善', ''],
      ['L004', '沿线群众满意度', '≥', '90', '%'],
    ]);
    expect(started.problems.map((p) => p.message)).toEqual(['请填写总体目标']);
    expect(listAudit(db, { entity: 'target', limit: 5 })).toEqual([]);
  });

  it('saves an incomplete draft with its problems, and refuses to submit it, naming what to fix', () => {
    const { db, project } = setUp();
    const content = filledContent(db, project.id);
    const draft = saveTarget(db, TEST_ACTOR, { projectId: project.id, version: null, ...content, indicators: content.indicators.slice(0, 2) });
    expect(draft).toMatchObject({ status: 'draft', version: 1 });
    expect(draft.problems.map((p) => p.message)).toEqual(['至少需要一个效益指标（一级指标为“效益指标”）']);
    expect(() => submit(db, draft.id!, 1)).toThrow('还有 1 处需要修改，暂不能送审：至少需要一个效益指标（一级指标为“效益指标”）');
    expect(getTarget(db, draft.id!).status).toBe('draft');
  });

  it('enforces the key-project satisfaction rule in the service as well', () => {
    const { db, project } = setUp();
    const content = filledContent(db, project.id);
    updateProject(db, TEST_ACTOR, { ...projectInput({ projectTypeCode: ROAD_TYPE, keyProject: true }), id: project.id, version: 1 });
    const noSatisfaction = content.indicators.filter((i) => i.level1 !== '满意度指标');
    const draft = saveTarget(db, TEST_ACTOR, { projectId: project.id, version: null, ...content, indicators: noSatisfaction });
    expect(() => submit(db, draft.id!, draft.version!)).toThrow(/重点项目至少需要一个满意度指标/);
  });

  it('refuses a save built on an older version', () => {
    const { db, project, saved } = savedDraft();
    saveTarget(db, TEST_ACTOR, { projectId: project.id, version: 1, ...filledContent(db, project.id), overallGoal: '改过一次' });
    expect(() => saveTarget(db, TEST_ACTOR, { projectId: project.id, version: saved.version, ...filledContent(db, project.id) })).toThrow(
      new AppError('CONFLICT', '该绩效目标已被他人修改，请刷新后重新操作'),
    );
  });
});

describe('target workflow', () => {
  it('refuses illegal transitions and a return without an opinion', () => {
    const { db, saved } = savedDraft();
    const id = saved.id!;
    expect(() => transitionTarget(db, REVIEWER, { id, version: 1, action: 'approve', grade: '优' })).toThrow('当前状态为“草稿”，不能审核通过');
    expect(() => transitionTarget(db, REVIEWER, { id, version: 1, action: 'withdraw' })).toThrow('当前状态为“草稿”，不能撤回');
    const submitted = submit(db, id, 1);
    expect(() => submit(db, id, submitted.version)).toThrow('当前状态为“已送审”，不能送审');
    expect(() => transitionTarget(db, REVIEWER, { id, version: submitted.version, action: 'return', grade: '中', opinion: '  ' })).toThrow('退回时必须填写审核意见');
    expect(() => transitionTarget(db, REVIEWER, { id, version: submitted.version, action: 'approve', grade: '中' })).toThrow(/不能通过，应退回单位/);
    expect(() => transitionTarget(db, REVIEWER, { id, version: submitted.version, action: 'approve' })).toThrow('请选择审核等级（优、良、中、差）');
    expect(getTarget(db, id).status).toBe('submitted');
  });

  it('runs 送审 → 退回 (中, with opinion) → 送审 → 通过 (优), logging each step with operator and opinion', () => {
    const { db, project, saved } = savedDraft();
    const id = saved.id!;
    let row = submit(db, id, 1);
    row = transitionTarget(db, REVIEWER, { id, version: row.version, action: 'return', grade: '中', opinion: '里程目标偏低，请按可研报告调整' });
    expect(row).toMatchObject({ status: 'returned', reviewGrade: '中', reviewOpinion: '里程目标偏低，请按可研报告调整' });
    const revised = saveTarget(db, TEST_ACTOR, { projectId: project.id, version: row.version, ...filledContent(db, project.id), overallGoal: '完成 15 公里农村公路硬化' });
    row = submit(db, id, revised.version!);
    row = transitionTarget(db, REVIEWER, { id, version: row.version, action: 'approve', grade: '优' });
    expect(row).toMatchObject({ status: 'approved', reviewGrade: '优' });
    expect(row.decidedAt).not.toBeNull();

    const trail = listAudit(db, { entity: 'target', naturalKey: '652822/2020/project/XM2020001', limit: 10 }).reverse();
    expect(trail.map((a) => [a.operatorName, a.action, a.opinion])).toEqual([
      ['测试员', '新建绩效目标', null],
      ['测试员', '送审', null],
      ['审核人王五', '退回（中：退回单位修改后重新送审）', '里程目标偏低，请按可研报告调整'],
      ['测试员', '保存绩效目标', null],
      ['测试员', '送审', null],
      ['审核人王五', '审核通过（优：审核通过，纳入预算）', null],
    ]);
  });

  it('locks an approved target against edits and withdrawal', () => {
    const { db, project, saved } = savedDraft();
    let row = submit(db, saved.id!, 1);
    row = transitionTarget(db, REVIEWER, { id: row.id, version: row.version, action: 'approve', grade: '良', opinion: '满意度目标商定为 92%' });
    const edit = () => saveTarget(db, TEST_ACTOR, { projectId: project.id, version: row.version, ...filledContent(db, project.id), overallGoal: '偷偷改' });
    expect(edit).toThrow('绩效目标已审核通过并锁定，不能再修改；年中确需变更的，请办理“目标调整”');
    expect(() => transitionTarget(db, TEST_ACTOR, { id: row.id, version: row.version, action: 'withdraw' })).toThrow('当前状态为“通过”，不能撤回');
    expect(getTarget(db, row.id).overallGoal).toBe('完成 12 公里农村公路硬化，改善沿线群众出行条件');
  });

  it('leaves the review to reviewers: a clerk (经办人) can submit but not approve or return', () => {
    const { db, saved } = savedDraft();
    const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
    const submitted = transitionTarget(db, clerk, { id: saved.id!, version: 1, action: 'submit' });
    expect(() => transitionTarget(db, clerk, { id: submitted.id, version: submitted.version, action: 'approve', grade: '优' })).toThrow(
      '经办人不能审核（通过或退回），请由系统管理员、绩效办、审核人或主管部门审核人操作',
    );
    const reviewer = createOperator(db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null });
    expect(transitionTarget(db, reviewer, { id: submitted.id, version: submitted.version, action: 'approve', grade: '优' }).status).toBe('approved');
  });

  it('lists submitted targets and adjustments in the reviewer’s inbox, oldest first', () => {
    const { db, saved } = savedDraft();
    expect(reviewInbox(db, 2020)).toEqual([]);
    submit(db, saved.id!, 1);
    expect(reviewInbox(db, 2020)).toEqual([
      expect.objectContaining({ kind: 'target', targetId: saved.id, title: '农村公路硬化工程', unitCode: '301002', unitName: '轮台县农村公路管理站' }),
    ]);
    expect(reviewInbox(db, 2021)).toEqual([]);
  });
});

describe('target adjustments', () => {
  function approved() {
    const setup = savedDraft();
    const { db, saved } = setup;
    const submitted = submit(db, saved.id!, 1);
    const row = transitionTarget(db, REVIEWER, { id: submitted.id, version: submitted.version, action: 'approve', grade: '优' });
    return { ...setup, approvedRow: row, approvedContent: filledContent(db, setup.project.id) };
  }

  it('keeps the original, leaves the target as approved until the adjustment is approved, then puts it in force', () => {
    const { db, project, approvedRow } = approved();
    const before = getTarget(db, approvedRow.id);
    const proposed = { ...before, indicators: before.indicators.map((i) => (i.libraryCode === 'L001' ? { ...i, value: '8' } : i)) };
    const adjustment = proposeAdjustment(db, TEST_ACTOR, { targetId: approvedRow.id, targetVersion: approvedRow.version, reason: '受汛期影响，部分路段顺延到下一年度', proposed });
    expect(adjustment).toMatchObject({ seq: 1, status: 'submitted' });
    expect(getTarget(db, approvedRow.id).indicators[0]!.value).toBe('12');
    expect(reviewInbox(db, 2020).map((i) => i.kind)).toEqual(['adjustment']);

    const decided = decideAdjustment(db, REVIEWER, { id: adjustment.id, version: adjustment.version, action: 'approve', opinion: '同意' });
    expect(decided.status).toBe('approved');
    const after = getTarget(db, approvedRow.id);
    expect(after).toMatchObject({ status: 'approved', version: approvedRow.version + 1 });
    expect(after.indicators[0]!.value).toBe('8');
    const [kept] = listAdjustments(db, approvedRow.id);
    expect(kept!.original.indicators[0]!.value).toBe('12');
    expect(kept!.original.overallGoal).toBe(before.overallGoal);
    expect(approvedTargets(db, 2020).map((t) => [t.project.code, t.indicators[0]!.value])).toEqual([[project.code, '8']]);
  });

  it('needs an opinion to return an adjustment, and then leaves the target as it was', () => {
    const { db, approvedRow } = approved();
    const before = getTarget(db, approvedRow.id);
    const adjustment = proposeAdjustment(db, TEST_ACTOR, {
      targetId: approvedRow.id,
      targetVersion: approvedRow.version,
      reason: '调整',
      proposed: { ...before, overallGoal: '改为 8 公里' },
    });
    expect(() => decideAdjustment(db, REVIEWER, { id: adjustment.id, version: 1, action: 'return' })).toThrow('退回时必须填写审核意见');
    const returned = decideAdjustment(db, REVIEWER, { id: adjustment.id, version: 1, action: 'return', opinion: '理由不充分' });
    expect(returned).toMatchObject({ status: 'returned', opinion: '理由不充分' });
    expect(getTarget(db, approvedRow.id).overallGoal).toBe(before.overallGoal);
  });

  it('refuses an adjustment of a target that is not approved, an identical one, and a second open one', () => {
    const { db, approvedRow } = approved();
    const current = getTarget(db, approvedRow.id);
    const propose = (overallGoal: string) =>
      proposeAdjustment(db, TEST_ACTOR, { targetId: approvedRow.id, targetVersion: approvedRow.version, reason: '调整', proposed: { ...current, overallGoal } });
    expect(() => propose(current.overallGoal)).toThrow('调整后的目标与现行目标完全相同，无需调整');
    propose('改为 8 公里');
    expect(() => propose('改为 9 公里')).toThrow('第 1 次目标调整尚在审核中，请等审核结束后再提出新的调整');

    const other = addProject(db, { code: 'XM2020002', projectTypeCode: ROAD_TYPE });
    const draft = saveTarget(db, TEST_ACTOR, { projectId: other.id, version: null, ...filledContent(db, other.id) });
    expect(() => proposeAdjustment(db, TEST_ACTOR, { targetId: draft.id!, targetVersion: 1, reason: '调整', proposed: draft })).toThrow(/只有审核通过的绩效目标/);
  });

  it('checks the adjusted target against §4 like a new one', () => {
    const { db, approvedRow } = approved();
    const current = getTarget(db, approvedRow.id);
    const proposed = { ...current, indicators: current.indicators.filter((i) => i.level1 !== '效益指标') };
    expect(() => proposeAdjustment(db, TEST_ACTOR, { targetId: approvedRow.id, targetVersion: approvedRow.version, reason: '删指标', proposed })).toThrow(
      /至少需要一个效益指标/,
    );
  });
});
