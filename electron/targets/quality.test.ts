import { describe, expect, it } from 'vitest';
import { sqliteOf, type Db } from '../../db/open';
import { getSheet, lastSheetOf } from '../monitoring';
import { saveSheet } from '../monitoring/sheets';
import { createSelfEvaluation, saveSelfEvaluation, transitionSelfEvaluation } from '../selfEvaluation';
import { seedCounty, type SeedIndicator } from '../testSupport/county';
import { TEST_ACTOR } from '../testSupport/fixtures';
import { countyWithSelfEvaluationTarget, entries, WAN } from '../testSupport/selfEvaluation';
import { checkedDepartmentTarget, checkedProjectTarget } from './quality';

const none = { reasons: [], reasonOther: '', measures: '' };

/**
 * 2020: LT-1 approved (受益学生人次 ≥1200, 单位餐费 ≤8 元/生·餐, 120 万元), monitored in November and
 * self-evaluated and approved (actuals 1150 人次 and 7.5 元); 2021: the same project continues with `indicators`.
 */
function continuingProject(indicators: SeedIndicator[], budgetWan = 150) {
  const { db, approvedTarget, clerk, reviewer } = countyWithSelfEvaluationTarget();
  const created = createSelfEvaluation(db, clerk, { targetId: approvedTarget });
  const filled = saveSelfEvaluation(db, clerk, entries(created, { goalAchieved: '基本完成', budgetReason: '资金年底到位', problems: '无', measures: '无' }, { 0: { deviationReason: '转学' }, 2: { score: '27' } }));
  const submitted = transitionSelfEvaluation(db, clerk, { id: filled.id, version: filled.version, action: 'submit' });
  transitionSelfEvaluation(db, reviewer, { id: submitted.id, version: submitted.version, action: 'approve' });
  const next = seedCounty(db, {
    year: 2021,
    projects: [{ code: 'LT-1', name: '学生营养改善计划', unitCode: '101001', funds: [{ source: '本级财政拨款', initialFen: budgetWan * WAN }] }],
    targets: [{ project: 'LT-1', status: 'draft', overallGoal: '改善学生营养状况', indicators }],
  });
  return { db, projectId: next.projectIds.get('LT-1')!, lastYearProjectId: projectIdOf(db, 2020) };
}

const projectIdOf = (db: Db, year: number) => (sqliteOf(db).prepare("SELECT id FROM projects WHERE code = 'LT-1' AND year = ?").get(year) as { id: string }).id;

const students = (value: string): SeedIndicator => ({ name: '受益学生人次', operator: '≥', value, unit: '人次' });
const mealCost: SeedIndicator = { name: '单位餐费', operator: '≤', value: '8', unit: '元/生·餐', level2: '成本指标' };

describe('target-quality warnings of a continuing project', () => {
  it('warns of a target below last year’s self-evaluated actual, and of a value kept while the budget grew 25%', () => {
    const { db, projectId } = continuingProject([students('1100'), mealCost]);
    const target = checkedProjectTarget(db, projectId);
    expect(target.quality.previous).toMatchObject({ year: 2020, adjustedFen: 120 * WAN });
    expect(target.warnings.map((w) => [w.check, w.row, w.message])).toEqual([
      ['belowLastYear', 0, '第 1 个指标“受益学生人次”的指标值 1100人次 低于上年（2020 年）实际完成值 1150人次，目标设定偏低'],
      ['belowLastYear', 1, '第 2 个指标“单位餐费”的指标值 8元/生·餐 宽于上年（2020 年）实际完成值 7.5元/生·餐，目标设定偏低'],
      ['unchangedWhileBudgetGrows', 1, '第 2 个指标“单位餐费”的指标值与上年相同，而预算比上年增长 25.00%（超过 10%）：请按增加的资金相应提高目标'],
    ]);
  });

  it('does not warn of a target above last year’s actual, nor of a kept value when the budget grew only 10%', () => {
    const { db, projectId } = continuingProject([students('1200'), { ...mealCost, value: '7.5' }], 132);
    expect(checkedProjectTarget(db, projectId).warnings).toEqual([]);
  });

  it('warns of an indicator that went blue in last year’s last round, until its target is raised', () => {
    const { db, projectId, lastYearProjectId } = continuingProject([students('1200'), { ...mealCost, value: '7.5' }], 120);
    const november = getSheet(db, lastSheetOf(db, lastYearProjectId)!);
    saveSheet(db, TEST_ACTOR, {
      sheetId: november.id,
      version: november.version,
      analysis: '',
      budget: none,
      funds: november.funds,
      // 1400 of the 1100 expected by November: 127%, blue.
      indicators: november.indicators.map((i) => ({ indicatorId: i.indicatorId, reached: i.name === '受益学生人次' ? '1400' : i.reached, expectedFullYear: i.expectedFullYear, likelihood: '', ...none })),
    });
    expect(checkedProjectTarget(db, projectId).warnings).toMatchObject([{ check: 'blueLastYear', row: 0, message: expect.stringContaining('上年（2020 年）监控中亮蓝灯') }]);
    sqliteOf(db).prepare("UPDATE target_indicators SET value = '1500' WHERE name = '受益学生人次' AND target_id = (SELECT id FROM targets WHERE project_id = ?)").run(projectId);
    expect(checkedProjectTarget(db, projectId).warnings).toEqual([]);
  });

  it('compares nothing for a new (新增) project, whatever last year held under its code', () => {
    const { db, projectId } = continuingProject([students('1100'), mealCost]);
    sqliteOf(db).prepare("UPDATE projects SET attribute = '新增' WHERE id = ?").run(projectId);
    const target = checkedProjectTarget(db, projectId);
    expect(target.quality.previous).toBeNull();
    expect(target.warnings).toEqual([]);
  });
});

describe('target-quality warnings of a department-wide target', () => {
  it('warns of a satisfaction indicator filed as a benefit and of a duplicated indicator, with nothing to compare with last year', () => {
    const { db } = countyWithSelfEvaluationTarget();
    seedCounty(db, {
      targets: [
        {
          department: '101001',
          status: 'submitted',
          fiscalFen: 100 * WAN,
          otherFen: 0,
          tasks: [{ task: '学生资助', projectCodes: [], amountFen: 0 }],
          indicators: [
            { name: '资助学生人数', operator: '≥', value: '300', unit: '人' },
            { name: '资助学生人数', operator: '≥', value: '320', unit: '人' },
            { name: '学生家长满意度', operator: '≥', value: '90', unit: '%', level1: '效益指标', level2: '社会效益指标' },
          ],
        },
      ],
    });
    const target = checkedDepartmentTarget(db, 2020, '101001');
    expect(target.quality.previous).toBeNull();
    expect(target.warnings.map((w) => [w.check, w.row])).toEqual([
      ['satisfactionAsBenefit', 2],
      ['duplicate', 1],
    ]);
  });
});
