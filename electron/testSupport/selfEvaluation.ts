// Test support for self-evaluations: a county with one approved project target (weighted, with a
// qualitative row), another still in review, two monitoring rounds reported on it, a clerk and a
// reviewer; and the save request a form sends back.
import { sqliteOf, type Db } from '../../db/open';
import { getSheet, listSheets, saveSheet } from '../monitoring/sheets';
import { createOperator } from '../registry/operators';
import { listSelfEvaluations, type SelfEvaluationDetail, type SelfEvaluationSaveInput } from '../selfEvaluation/selfEvaluations';
import { seedCounty } from './county';
import { countyStore, TEST_ACTOR } from './fixtures';

export const WAN = 1_000_000;
const none = { reasons: [], reasonOther: '', measures: '' };

/** Reports a round's sheet of the project: executed per source, and per indicator what was reached and expected. */
function report(db: Db, roundId: string, executedWan: Record<string, number>, indicators: Record<string, [string, string]>) {
  const sheet = getSheet(db, listSheets(db, roundId).find((s) => s.projectCode === 'LT-1')!.id);
  saveSheet(db, TEST_ACTOR, {
    sheetId: sheet.id,
    version: sheet.version,
    analysis: '',
    budget: none,
    funds: sheet.funds.map((f) => ({ ...f, executedFen: (executedWan[f.source] ?? 0) * WAN })),
    indicators: sheet.indicators.map((i) => ({ indicatorId: i.indicatorId, reached: indicators[i.name]![0], expectedFullYear: indicators[i.name]![1], likelihood: '', ...none })),
  });
}

export function countyWithSelfEvaluationTarget() {
  const store = countyStore({ colleagues: true });
  const { db } = store;
  seedCounty(db, {
    units: [{ code: '101001', name: '轮台县教育局' }, { code: '102001', name: '轮台县卫生健康委员会' }],
    projects: [
      {
        code: 'LT-1',
        name: '学生营养改善计划',
        unitCode: '101001',
        funds: [
          { source: '本级财政拨款', initialFen: 90 * WAN, additionFen: 10 * WAN },
          { source: '上年结转', initialFen: 20 * WAN },
        ],
      },
      { code: 'LT-2', name: '乡村医生补助', unitCode: '102001', funds: [{ source: '本级财政拨款', initialFen: 50 * WAN }] },
    ],
    targets: [
      {
        project: 'LT-1',
        status: 'approved',
        overallGoal: '改善学生营养状况',
        indicators: [
          { name: '受益学生人次', operator: '≥', value: '1200', unit: '人次', weight: '40' },
          { name: '单位餐费', operator: '≤', value: '8', unit: '元/生·餐', level2: '成本指标', weight: '20' },
          { name: '学生营养状况', operator: '定性', value: '明显改善', weight: '30' },
        ],
      },
      { project: 'LT-2', status: 'submitted', indicators: [{ name: '补助人数', operator: '≥', value: '80', unit: '人', weight: '90' }] },
    ],
    rounds: [
      { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' },
      { year: 2020, month: 11, deadline: '2020-11-30', scope: 'all' },
    ],
  });
  const [august, november] = listRounds(db);
  report(db, august!, { 本级财政拨款: 50 }, { 受益学生人次: ['700', '1100'], 单位餐费: ['9', ''], 学生营养状况: ['部分达成目标', ''] });
  report(db, november!, { 本级财政拨款: 80, 上年结转: 15 }, { 受益学生人次: ['1000', '1150'], 单位餐费: ['7.5', ''], 学生营养状况: ['达成目标', ''] });
  const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
  const reviewer = createOperator(db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null });
  const approvedTarget = listSelfEvaluations(db, { year: 2020 })[0]!.targetId;
  return { store, db, clerk, reviewer, approvedTarget };
}

function listRounds(db: Db): string[] {
  return (sqliteOf(db).prepare('SELECT id FROM monitoring_rounds ORDER BY month').all() as { id: string }[]).map((r) => r.id);
}

/** What the form sends back: the record's own entries, with some rows changed. */
export function entries(detail: SelfEvaluationDetail, over: Partial<SelfEvaluationSaveInput> = {}, rows: Record<number, Partial<SelfEvaluationSaveInput['indicators'][number]>> = {}): SelfEvaluationSaveInput {
  return {
    id: detail.id,
    version: detail.version,
    funds: detail.funds,
    budgetReason: detail.budgetReason,
    goalAchieved: detail.goalAchieved,
    problems: detail.problems,
    measures: detail.measures,
    indicators: detail.indicators.map(({ id, actual, tier, score, deduction, deductionReason, deviationReason }, n) => ({ id, actual, tier, score, deduction, deductionReason, deviationReason, ...rows[n] })),
    ...over,
  };
}

