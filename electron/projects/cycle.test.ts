// One project's whole cycle (全过程) through the real router: a seeded county whose project goes through
// every workflow by its own channels, then projects.cycle reads it back stage by stage.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../db/open';
import { projects } from '../../db/schema';
import { createAppContext, type CallContext } from '../ipc/context';
import type { Channel, Input, Output } from '../ipc/contract';
import { handlers } from '../ipc/handlers';
import { createRouter } from '../ipc/router';
import { seedCounty } from '../testSupport/county';
import { ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { countyStore, TEST_ADMIN_PASSWORD } from '../testSupport/fixtures';
import { countyWithResults, WAN } from '../testSupport/results';
import type { Store } from '../../db/open';

function caller(store: Store) {
  const ctx: CallContext = { app: createAppContext(store, 'test'), session: { operator: null }, transport: 'test' };
  const router = createRouter(handlers);
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const result = await router.invoke(channel, input, ctx, true);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as Output<C>;
  };
  const signIn = (operatorId: string, password: string | null) => call('session.signIn', { operatorId, password });
  return { call, signIn };
}

const stageNames = (cycle: Output<'projects.cycle'>) => cycle.stages.map((s) => s.stage);
const stepsOf = (cycle: Output<'projects.cycle'>, stage: string) => cycle.stages.find((s) => s.stage === stage)!.steps;

/** LT-05 (良, an open monitoring notice) through a round, an adjustment, an evaluation, the results list, its funds, a disclosure and a package. */
async function projectThroughTheYear() {
  const county = countyWithResults();
  const { db } = county;
  const projectId = county.projectIds.get('LT-05')!;
  db.update(projects).set({ povertyFund: true }).where(eq(projects.id, projectId)).run();
  const { call, signIn } = caller(county.store);
  const admin = (await call('setup.status', {})).operators.find((o) => o.name === '张三')!;
  await signIn(admin.id, TEST_ADMIN_PASSWORD);

  const round = await call('monitoring.createRound', { year: 2020, month: 8, deadline: '2020-09-10', scope: 'all' });
  const sheetId = (await call('monitoring.sheets', { roundId: round.id })).find((s) => s.projectId === projectId)!.id;
  // The unit reported 12 of 30 万元 by August (40%, behind the time progress): written as the import would.
  sqliteOf(db).prepare('UPDATE monitoring_funds SET executed_fen = ? WHERE sheet_id = ?').run(12 * WAN, sheetId);
  sqliteOf(db).prepare("UPDATE monitoring_sheets SET status = 'submitted', submitted_at = '2020-09-05 10:00:00' WHERE id = ?").run(sheetId);

  const target = await call('targets.forProject', { projectId });
  await call('targets.proposeAdjustment', {
    targetId: target.id!,
    targetVersion: target.version!,
    reason: '受益人数随生源调整',
    proposed: {
      overallGoal: `${target.overallGoal}（调整）`,
      annualGoals: target.annualGoals,
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: '建成村级阵地', operator: '≥', value: '3', unit: '个', definition: '', basis: '计划标准', weight: '', accrual: 'cumulative', libraryCode: null },
        { level1: '效益指标', level2: '社会效益指标', name: '群众满意度', operator: '≥', value: '90', unit: '%', definition: '', basis: '计划标准', weight: '', accrual: 'level', libraryCode: null },
      ],
    },
  });

  const template = (await call('evaluation.templates', {})).find((t) => t.kind === 'project')!;
  // A project outside the year's plan is added to it by hand, as the page confirms first.
  await call('evaluation.create', { kind: 'finance-evaluation', year: 2020, templateId: template.id, projectId, addToPlan: true });

  const document = await call('funds.createDocument', { year: 2020, docNumber: '新财农〔2020〕8号', level: '中央', issuedOn: '2020-03-10', amount: '30', allocations: [{ projectId, amount: '30' }] });
  await call('funds.addPayment', { projectId, documentId: document.id, paidOn: '2020-06-18', amount: '12', payeeType: '村集体', voucher: 'PZ-0618', note: '' });

  await call('results.generate', { year: 2020, replace: false });
  await call('disclosure.publish', { year: 2020, unitCode: null, kind: 'selfEvaluations' });
  await call('exchange.export', { year: 2020, stage: 'targets', full: true });
  return { call, projectId, sheetId, selfEvaluationId: county.selfEvaluationIds.get('LT-05')! };
}

describe('a project’s whole cycle', () => {
  it('shows each workflow’s steps in the budget year’s order, each linked to its record', async () => {
    const { call, projectId, sheetId, selfEvaluationId } = await projectThroughTheYear();
    const cycle = await call('projects.cycle', { projectId });

    expect(cycle.project).toMatchObject({ code: 'LT-05', name: '村级阵地建设', unitName: '轮台县教育局', adjustedFen: 30 * WAN, povertyFund: true });
    expect(stageNames(cycle)).toEqual(['绩效目标', '绩效监控', '绩效自评', '绩效评价', '结果应用', '整改问责', '衔接资金', '绩效公开', '上报']);

    const [declared, adjustment] = stepsOf(cycle, '绩效目标');
    expect(declared).toMatchObject({ title: '绩效目标申报表', status: '通过', route: ['targets', 'project', projectId] });
    expect(adjustment).toMatchObject({ title: '第 1 次目标调整', status: '已送审', tone: 'pending' });
    expect(adjustment!.detail).toContain('受益人数随生源调整');

    expect(stepsOf(cycle, '绩效监控')).toEqual([
      expect.objectContaining({ date: '2020-09-05', title: '2020年8月监控表', route: ['monitoring', 'sheet', sheetId], tone: 'attention' }),
    ]);
    expect(stepsOf(cycle, '绩效监控')[0]!.detail).toMatch(/^预算执行率 40\.00% · 预算(红|黄)灯/);

    expect(stepsOf(cycle, '绩效自评')).toEqual([
      expect.objectContaining({ date: '2021-01-20', detail: '自评得分 80.00 · 等级 良', status: '通过', tone: 'done', route: ['selfEvaluation', 'edit', selfEvaluationId] }),
    ]);
    expect(stepsOf(cycle, '绩效评价')).toEqual([expect.objectContaining({ title: '2020年财政评价', status: '草稿', detail: '尚未评分' })]);

    const [proposal] = stepsOf(cycle, '结果应用');
    expect(proposal).toMatchObject({ title: '2021年预算调整建议', status: '待预算科决定', route: ['results', '2020'] });
    expect(proposal!.detail).toContain('整改后再安排');

    expect(stepsOf(cycle, '整改问责')).toEqual([expect.objectContaining({ title: '整改通知 〔2020〕4号', tone: 'attention' })]);
    expect(stepsOf(cycle, '整改问责')[0]!.detail).toMatch(/来源：绩效监控 · 整改期限 2021-03-31 · 已逾期 \d+ 天/);

    expect(stepsOf(cycle, '衔接资金').map((s) => [s.date, s.title])).toEqual([
      ['2020-06-18', '支付 12.0000 万元'],
      ['2020-06-18', '衔接资金支出进度'],
    ]);
    expect(stepsOf(cycle, '衔接资金')[1]!.detail).toContain('已分配 30.0000 万元，已支付 12.0000 万元，支出进度 40.00%');

    expect(stepsOf(cycle, '绩效公开')).toEqual([expect.objectContaining({ title: '公开项目支出绩效自评表', status: '已公开', route: ['disclosure'] })]);
    expect(stepsOf(cycle, '上报')).toEqual([expect.objectContaining({ title: '县级上报包 第 1 号', status: '待回执', route: ['exchange', 'history'] })]);
  });

  it('leaves out what another project went through', async () => {
    const { call, sheetId } = await projectThroughTheYear();
    const other = (await call('projects.list', { year: 2020 })).find((p) => p.code === 'LT-06')!;
    const cycle = await call('projects.cycle', { projectId: other.id });
    expect(stepsOf(cycle, '绩效目标')).toHaveLength(1);
    // The round reached it too, but it has not reported.
    const [sheet] = stepsOf(cycle, '绩效监控');
    expect(sheet).toMatchObject({ detail: '未填报（截止 2020-09-10）', tone: 'pending' });
    expect(sheet!.route).not.toContain(sheetId);
    for (const stage of ['绩效自评', '绩效评价', '整改问责', '衔接资金', '绩效公开']) expect(stepsOf(cycle, stage)).toEqual([]);
  });

  it('gives every stage its empty note for a project with no records yet', async () => {
    const store = countyStore();
    const { projectIds } = seedCounty(store.db, { units: [{ code: '101001', name: '轮台县教育局' }], projects: [{ code: 'LT-99', name: '新登记的项目', unitCode: '101001' }] });
    const { call, signIn } = caller(store);
    const [admin] = (await call('setup.status', {})).operators;
    await signIn(admin!.id, null);
    const cycle = await call('projects.cycle', { projectId: projectIds.get('LT-99')! });
    expect(cycle.stages.every((s) => s.steps.length === 0)).toBe(true);
    expect(cycle.stages.find((s) => s.stage === '绩效目标')!.empty).toBe('尚未填报绩效目标');
  });

  it('refuses a project that does not exist', async () => {
    const store = countyStore();
    const { call, signIn } = caller(store);
    const [admin] = (await call('setup.status', {})).operators;
    await signIn(admin!.id, null);
    await expect(call('projects.cycle', { projectId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow('NOT_FOUND');
  });

  it('shows a 主管部门审核人 its own department’s projects only', async () => {
    const store = countyStore({ colleagues: true });
    const { projectIds } = seedCounty(store.db, {
      units: ROAD_AND_SCHOOL_UNITS,
      projects: [
        { code: 'LT-1', name: '农村公路养护', unitCode: '301002' },
        { code: 'EDU-1', name: '校舍维修', unitCode: '302001' },
      ],
    });
    const { call, signIn } = caller(store);
    const [admin] = (await call('setup.status', {})).operators;
    await signIn(admin!.id, TEST_ADMIN_PASSWORD);
    const transport = await call('operators.create', { name: '马部门', role: 'department', password: null, departmentCode: '301001' });
    await signIn(transport.id, null);
    expect((await call('projects.cycle', { projectId: projectIds.get('LT-1')! })).project.code).toBe('LT-1');
    await expect(call('projects.cycle', { projectId: projectIds.get('EDU-1')! })).rejects.toThrow(/FORBIDDEN 主管部门审核人只能查看本部门（301001）所属单位的项目/);
  });
});
