// Test support for department-wide self-evaluations: the project self-evaluation's county (轮台县教育局
// implements LT-1, whose last monitoring round executed 95 of its 120 万元), plus the bureau's approved
// 部门整体 target with its budget split, one annual task and two indicators, and another unit's target
// still in review; and the save request the 部门整体 form sends back.
import { sqliteOf } from '../../db/open';
import type { SelfEvaluationDetail, SelfEvaluationSaveInput } from '../selfEvaluation/selfEvaluations';
import { seedCounty } from './county';
import { countyWithSelfEvaluationTarget, entries, WAN } from './selfEvaluation';

export function countyWithDepartmentTarget() {
  const county = countyWithSelfEvaluationTarget();
  seedCounty(county.db, {
    targets: [
      {
        department: '101001',
        status: 'approved',
        fiscalFen: 420 * WAN,
        otherFen: 0,
        tasks: [{ task: '实施学生营养改善计划', projectCodes: ['LT-1'], amountFen: 120 * WAN }],
        indicators: [
          { name: '完成年度重点工作任务', operator: '≥', value: '5', unit: '项', weight: '50' },
          { name: '服务对象满意度', operator: '≥', value: '90', unit: '%', level1: '满意度指标', level2: '服务对象满意度指标', weight: '40' },
        ],
      },
      { department: '102001', status: 'submitted', fiscalFen: 50 * WAN, otherFen: 0, tasks: [] },
    ],
  });
  // The seeded target states only the split by source; the form needs it by kind of spending too.
  sqliteOf(county.db).prepare("UPDATE targets SET basic_fen = ?, project_fen = ? WHERE kind = 'department' AND owner_code = '101001'").run(300 * WAN, 120 * WAN);
  const departmentTarget = (sqliteOf(county.db).prepare("SELECT id FROM targets WHERE kind = 'department' AND owner_code = '101001'").get() as { id: string }).id;
  const pendingDepartmentTarget = (sqliteOf(county.db).prepare("SELECT id FROM targets WHERE kind = 'department' AND owner_code = '102001'").get() as { id: string }).id;
  return { ...county, departmentTarget, pendingDepartmentTarget };
}

/** What the 部门整体 form sends back: the record's own entries, with the block, tasks and rows changed as told. */
export function departmentEntries(
  detail: SelfEvaluationDetail,
  over: Partial<SelfEvaluationSaveInput> & { basicExecutedFen?: number; completions?: string[] } = {},
  rows: Record<number, Partial<SelfEvaluationSaveInput['indicators'][number]>> = {},
): SelfEvaluationSaveInput {
  const { basicExecutedFen, completions, ...rest } = over;
  const part = detail.department!;
  const funds = { ...part.funds, basicSpending: { ...part.funds.basicSpending, executedFen: basicExecutedFen ?? part.funds.basicSpending.executedFen } };
  return {
    ...entries(detail, rest, rows),
    department: { funds, tasks: part.tasks.map((t, n) => ({ id: t.id, completion: completions?.[n] ?? t.completion })) },
  };
}
