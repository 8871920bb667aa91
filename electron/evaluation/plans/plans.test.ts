import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../domain/evaluationPlans';
import { percent } from '../../domain/ratio';
import { listAudit } from '../../audit/audit';
import { countyStore, TEST_ACTOR } from '../../testSupport/fixtures';
import { planCounty } from '../../testSupport/evaluationPlans';
import { addByRule, getPlan, removeFromPlan, type PlanScope } from './plans';

const FINANCE: PlanScope = { year: 2020, kind: 'finance', departmentCode: null };
const codesOf = (view: ReturnType<typeof getPlan>) => {
  const code = new Map(view.projects.map((p) => [p.id, p.code]));
  return view.items.map((i) => code.get(i.projectId));
};

function county() {
  const store = countyStore();
  const seeded = planCounty(store.db);
  return { db: store.db, ids: seeded.projectIds };
}

describe('evaluation plans', () => {
  it('shows the year’s projects with no plan until a rule adds the first', () => {
    const { db } = county();
    const view = getPlan(db, FINANCE);
    expect(view.plan).toBeNull();
    expect(view.projects.map((p) => [p.code, p.departmentName, p.adjustedFen])).toEqual([
      ['XM001', '轮台县交通运输局', 320_000_000],
      ['XM002', '轮台县交通运输局', 99_999_999],
      ['XM003', '轮台县交通运输局', 80_000_000],
      ['XM004', '轮台县教育局', 150_000_000],
      ['XM005', '轮台县教育局', 20_000_000],
      ['XM006', '轮台县教育局', 100_000_000],
    ]);
  });

  it('adds key projects, then projects of at least an amount, each remembering why, without adding one twice', () => {
    const { db } = county();
    addByRule(db, TEST_ACTOR, { ...FINANCE, rule: { kind: 'key' } });
    const view = addByRule(db, TEST_ACTOR, { ...FINANCE, rule: { kind: 'amount', minFen: 100_000_000 } });
    expect(view.plan?.createdBy).toBe('测试员');
    expect(view.items.map((i) => [codesOf(view)[view.items.indexOf(i)], i.rule, i.reason])).toEqual([
      ['XM001', 'key', '重点项目'],
      ['XM004', 'key', '重点项目'],
      // 99.999999 万元 is 1 分 short of 100 万元.
      ['XM006', 'amount', '调整后预算 100 万元，达到 100 万元'],
    ]);
  });

  it('adds 衔接资金 projects and projects chosen by hand', () => {
    const { db, ids } = county();
    expect(codesOf(addByRule(db, TEST_ACTOR, { ...FINANCE, rule: { kind: 'poverty' } }))).toEqual(['XM003', 'XM004']);
    const view = addByRule(db, TEST_ACTOR, { ...FINANCE, rule: { kind: 'hand', projectIds: [ids.get('XM005')!] } });
    expect(codesOf(view)).toEqual(['XM003', 'XM004', 'XM005']);
    expect(view.items.at(-1)).toMatchObject({ rule: 'hand', reason: '手工选择', seed: null });
    expect(() => addByRule(db, TEST_ACTOR, { ...FINANCE, rule: { kind: 'hand', projectIds: [ids.get('XM005')!] } })).toThrow('所选项目不在本计划可选范围内，或已在计划中，请刷新后重新选择');
  });

  it('draws with a recorded seed, and the same seed draws the same projects in another database', () => {
    const first = county();
    const drawn = addByRule(first.db, TEST_ACTOR, { ...FINANCE, rule: { kind: 'draw', share: 50, seed: null } });
    expect(drawn.items).toHaveLength(3);
    const seed = drawn.items[0]!.seed!;
    expect(seed).toMatch(/^[0-9a-f]{8}$/);
    expect(drawn.items.every((i) => i.seed === seed && i.reason === `随机抽取 50%（种子 ${seed}，候选 6 个）`)).toBe(true);
    const again = county();
    expect(codesOf(addByRule(again.db, TEST_ACTOR, { ...FINANCE, rule: { kind: 'draw', share: 50, seed } }))).toEqual(codesOf(drawn));
  });

  it('gives coverage on the seeded county: number and amount selected against the whole, by department', () => {
    const { db } = county();
    const view = addByRule(db, TEST_ACTOR, { ...FINANCE, rule: { kind: 'key' } });
    const { overall, byDepartment } = coverageOf(view.projects, view.items.map((i) => i.projectId));
    // Key projects: XM001 320 万元 and XM004 150 万元 of 769.999999 万元 in six projects.
    expect(overall).toMatchObject({ selectedCount: 2, totalCount: 6, selectedFen: 470_000_000, totalFen: 769_999_999 });
    expect([percent(overall.countShare!), percent(overall.amountShare!)]).toEqual(['33.33', '61.04']);
    expect(byDepartment.map((d) => [d.departmentCode, d.selectedCount, d.totalCount, percent(d.amountShare!)])).toEqual([
      ['301001', 1, 3, '64.00'],
      ['302001', 1, 3, '55.56'],
    ]);
  });

  it('keeps a department’s evaluation to its own units’ projects', () => {
    const { db, ids } = county();
    const scope: PlanScope = { year: 2020, kind: 'department', departmentCode: '302001' };
    expect(getPlan(db, scope).projects.map((p) => p.code)).toEqual(['XM004', 'XM005', 'XM006']);
    expect(codesOf(addByRule(db, TEST_ACTOR, { ...scope, rule: { kind: 'key' } }))).toEqual(['XM004']);
    expect(() => addByRule(db, TEST_ACTOR, { ...scope, rule: { kind: 'hand', projectIds: [ids.get('XM001')!] } })).toThrow(/不在本计划可选范围内/);
    expect(() => getPlan(db, { ...scope, departmentCode: '301002' })).toThrow('单位 301002 不是已登记的主管部门，请重新选择');
    expect(() => getPlan(db, { ...scope, departmentCode: null })).toThrow('部门评价要选择开展评价的主管部门');
    // The bureau's plan is another plan.
    expect(getPlan(db, FINANCE).plan).toBeNull();
  });

  it('refuses a rule that selects nothing and a bad rule, writing nothing', () => {
    const { db } = county();
    expect(() => addByRule(db, TEST_ACTOR, { ...FINANCE, rule: { kind: 'amount', minFen: 1_000_000_000 } })).toThrow(/按这条规则没有可加入的项目/);
    expect(() => addByRule(db, TEST_ACTOR, { ...FINANCE, rule: { kind: 'draw', share: 120, seed: 'x' } })).toThrow('抽取比例应为 1–100 之间的整数（百分比）');
    expect(getPlan(db, FINANCE).plan).toBeNull();
  });

  it('removes an item, and logs every addition and removal with why', () => {
    const { db } = county();
    const view = addByRule(db, TEST_ACTOR, { ...FINANCE, rule: { kind: 'key' } });
    removeFromPlan(db, TEST_ACTOR, { itemId: view.items[0]!.id });
    expect(codesOf(getPlan(db, FINANCE))).toEqual(['XM004']);
    expect(() => removeFromPlan(db, TEST_ACTOR, { itemId: view.items[0]!.id })).toThrow('该项目已不在评价计划中，请刷新后重试');
    const log = listAudit(db, { entity: 'evaluation-plan', limit: 100 });
    expect(log.map((e) => e.action).toSorted()).toEqual(['加入评价项目', '新建财政评价计划', '移出评价项目'].toSorted());
    expect(JSON.parse(log.find((e) => e.action === '移出评价项目')!.before!)).toEqual({ project: 'XM001', reason: '重点项目' });
    expect(log.every((e) => e.naturalKey === '652822/2020/finance')).toBe(true);
  });
});
