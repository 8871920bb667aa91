import { describe, expect, it } from 'vitest';
import { emptyAnnex, type ProjectAnnex } from '../domain/targetAnnex';
import { emptyIndicator, type TargetContent } from '../domain/targets';
import { seedCounty } from '../testSupport/county';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { addProject, ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { ROAD_TYPE, seedRoadType } from '../testSupport/roadType';
import { WAN } from '../testSupport/selfEvaluation';
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
