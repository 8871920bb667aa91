import { describe, expect, it } from 'vitest';
import { emptyAnnex, type ProjectAnnex } from '../domain/targetAnnex';
import { emptyIndicator, type TargetContent } from '../domain/targets';
import { createSelfEvaluation, saveSelfEvaluation, transitionSelfEvaluation } from '../selfEvaluation';
import { seedCounty } from '../testSupport/county';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { addProject, ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { ROAD_TYPE, seedRoadType } from '../testSupport/roadType';
import { countyWithSelfEvaluationTarget, entries, WAN } from '../testSupport/selfEvaluation';
import { projectTarget, saveTarget, transitionTarget } from './targets';

function continuingProject() {
  const { db } = countyStore({ colleagues: true });
  seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
  seedRoadType(db);
  const project = addProject(db, { projectTypeCode: ROAD_TYPE, attribute: '延续', startDate: '2019-03-01', endDate: '2021-12-31' });
  const started = projectTarget(db, project.id);
  const content: TargetContent = {
    overallGoal: '三年完成 36 公里农村公路硬化',
    annualGoals: ['本年完成 12 公里'],
    indicators: started.indicators.map((i) => (i.libraryCode === 'L001' ? { ...i, value: '12', scoringStandard: '每少 1 公里扣 2 分' } : i)),
  };
  return { db, project, content };
}

const annex = (over: Partial<ProjectAnnex> = {}): ProjectAnnex => ({
  ...emptyAnnex(),
  midtermGoal: '2019—2021 年新建农村公路 36 公里',
  midtermIndicators: [{ ...emptyIndicator('产出指标', '数量指标'), name: '新建（改建）农村道路里程', operator: '≥', value: '36', unit: '公里' }],
  midtermFunds: { fiscalFen: 300 * WAN, otherFen: 60 * WAN },
  annualFunds: { fiscalFen: 100 * WAN, otherFen: 20 * WAN },
  projectBasis: '《轮台县农村公路建设三年行动方案》',
  schedule: [
    { period: '2020年3—5月', work: '完成招标' },
    { period: '2020年6—10月', work: '施工并验收' },
  ],
  contactPerson: '李四',
  contactPhone: '0996-4621234',
  ...over,
});

describe('the 88号 annex 1 parts of a project target', () => {
  it('saves a continuing project’s 中期 goal, funds and indicators beside the annual ones, and the annual split', () => {
    const { db, project, content } = continuingProject();
    const saved = saveTarget(db, TEST_ACTOR, { projectId: project.id, version: null, ...content, annex: annex() });
    expect(saved.problems).toEqual([]);
    expect(saved.annex).toEqual(annex());
    expect(saved.indicators.find((i) => i.libraryCode === 'L001')?.scoringStandard).toBe('每少 1 公里扣 2 分');
    // The 中期 rows are not the year's: monitoring and self-evaluation read only these four.
    expect(saved.indicators.map((i) => i.name)).toEqual(content.indicators.map((i) => i.name));
    expect(projectTarget(db, project.id).annex.midtermIndicators.map((i) => i.value)).toEqual(['36']);
  });

  it('keeps the saved annex when a save leaves it out (an Excel import, an older client)', () => {
    const { db, project, content } = continuingProject();
    const first = saveTarget(db, TEST_ACTOR, { projectId: project.id, version: null, ...content, annex: annex() });
    const second = saveTarget(db, TEST_ACTOR, { projectId: project.id, version: first.version, ...content, overallGoal: '改过' });
    expect(second.annex).toEqual(annex());
  });

  it('refuses to submit a split that misses the year’s total or a phone number without its area code, naming each', () => {
    const { db, project, content } = continuingProject();
    const saved = saveTarget(db, TEST_ACTOR, { projectId: project.id, version: null, ...content, annex: annex({ annualFunds: { fiscalFen: 100 * WAN, otherFen: 0 }, contactPhone: '4621234' }) });
    expect(saved.problems.map((p) => p.message)).toEqual([
      '年度资金总额 120.0000 万元，财政拨款 100.0000 万元 + 其他资金 0.0000 万元 = 100.0000 万元，两者应相等',
      '联系电话应为 11 位手机号码（如 13912345678）或带区号的固定电话（如 0996-4621234）',
    ]);
    expect(() => transitionTarget(db, TEST_ACTOR, { id: saved.id!, version: saved.version!, action: 'submit' })).toThrow(/还有 2 处需要修改，暂不能送审：年度资金总额 120\.0000 万元/);
  });

  it('starts a new target’s contact from the project’s person in charge', () => {
    const { db, project } = continuingProject();
    expect(projectTarget(db, project.id).annex.contactPerson).toBe('李四');
  });
});

describe('last year’s target and actual value of a continuing project', () => {
  function withLastYearEvaluated() {
    const { db, clerk, reviewer, approvedTarget } = countyWithSelfEvaluationTarget();
    const created = createSelfEvaluation(db, clerk, { targetId: approvedTarget });
    const filled = saveSelfEvaluation(db, clerk, entries(created, { goalAchieved: '基本完成', budgetReason: '资金年底到位', problems: '无', measures: '无' }, { 0: { deviationReason: '转学' }, 2: { score: '27' } }));
    const submitted = transitionSelfEvaluation(db, clerk, { id: filled.id, version: filled.version, action: 'submit' });
    transitionSelfEvaluation(db, reviewer, { id: submitted.id, version: submitted.version, action: 'approve' });
    const thisYear = addProject(db, { year: 2021, code: 'LT-1', name: '学生营养改善计划', departmentCode: '101001', unitCode: '101001', attribute: '延续' });
    return { db, thisYear };
  }

  it('shows last year’s target values and the actual values its approved self-evaluation found', () => {
    const { db, thisYear } = withLastYearEvaluated();
    const { lastYear } = projectTarget(db, thisYear.id);
    expect(lastYear).toMatchObject({ year: 2020, status: 'approved', evaluated: true });
    expect(lastYear!.indicators.map((i) => [i.name, i.operator, i.value, i.actual])).toEqual([
      ['受益学生人次', '≥', '1200', '1150'],
      ['单位餐费', '≤', '8', '7.5'],
      ['学生营养状况', '定性', '明显改善', '达成目标'],
    ]);
  });

  it('has no last year for a project code last year did not have, and no actual values before the self-evaluation is approved', () => {
    const { db, approvedTarget } = countyWithSelfEvaluationTarget();
    expect(approvedTarget).toBeTruthy();
    const other = addProject(db, { year: 2021, code: 'LT-9', departmentCode: '101001', unitCode: '101001' });
    expect(projectTarget(db, other.id).lastYear).toBeNull();
    const same = addProject(db, { year: 2021, code: 'LT-1', departmentCode: '101001', unitCode: '101001' });
    const { lastYear } = projectTarget(db, same.id);
    expect(lastYear).toMatchObject({ year: 2020, evaluated: false });
    expect(lastYear!.indicators.every((i) => i.actual === null)).toBe(true);
  });
});
