// Test support for 结果应用: a county whose 2020 projects carry approved self-evaluations of every grade
// (written straight into the table with their figures, as seedCounty writes targets), one project with an
// open rectification notice, next year's register holding two of them, and a clerk beside the administrator.
import { randomUUID } from 'node:crypto';
import { sqliteOf, type Db } from '../../db/open';
import { createOperator } from '../registry/operators';
import { seedCounty } from './county';
import { countyStore, TEST_ACTOR } from './fixtures';

export const WAN = 1_000_000;

interface GradedProject {
  code: string;
  name: string;
  grade: string;
  /** This year's adjusted budget and what the self-evaluation says was executed, in 万元. */
  budgetWan: number;
  executedWan: number;
  /** A target missed: the self-evaluation explains a deviation. */
  missed?: boolean;
}

export const GRADED_PROJECTS: readonly GradedProject[] = [
  { code: 'LT-01', name: '学生营养改善计划', grade: '优', budgetWan: 120, executedWan: 120 },
  { code: 'LT-02', name: '乡村医生补助', grade: '良', budgetWan: 50, executedWan: 45, missed: true },
  { code: 'LT-03', name: '农村道路养护', grade: '中', budgetWan: 80, executedWan: 60 },
  { code: 'LT-04', name: '农机购置补贴', grade: '差', budgetWan: 40, executedWan: 10 },
  { code: 'LT-05', name: '村级阵地建设', grade: '良', budgetWan: 30, executedWan: 30 },
];

/** Next year's requests: 中's project asks 100 万元 again (example 17), 优's asks 150. */
export const NEXT_YEAR = { 'LT-03': 100, 'LT-01': 150 } as const;

function insertSelfEvaluation(db: Db, projectId: string, project: GradedProject): string {
  const sqlite = sqliteOf(db);
  const target = sqlite.prepare("SELECT id FROM targets WHERE project_id = ? AND kind = 'project'").get(projectId) as { id: string };
  const id = randomUUID();
  sqlite
    .prepare(
      `INSERT INTO self_evaluations (id, region_code, year, kind, project_code, project_id, target_id, unit_code, status,
         appropriation_initial_fen, appropriation_adjusted_fen, appropriation_executed_fen, total_score, grade, decided_at)
       VALUES (?, '652822', 2020, 'project', ?, ?, ?, '101001', 'approved', ?, ?, ?, '80.00', ?, '2021-01-20')`,
    )
    .run(id, project.code, projectId, target.id, project.budgetWan * WAN, project.budgetWan * WAN, project.executedWan * WAN, project.grade);
  sqlite
    .prepare("INSERT INTO self_evaluation_indicators (id, self_evaluation_id, indicator_id, seq, name, operator, target_value, weight, actual, deviation_reason) VALUES (?, ?, ?, 1, '受益人数', '≥', '100', '90', ?, ?)")
    .run(randomUUID(), id, randomUUID(), project.missed ? '80' : '100', project.missed ? '部分村医外出务工' : '');
  return id;
}

export function countyWithResults() {
  const store = countyStore({ colleagues: true });
  const { db } = store;
  const { projectIds } = seedCounty(db, {
    units: [{ code: '101001', name: '轮台县教育局' }],
    projects: [
      ...GRADED_PROJECTS.map((p) => ({ code: p.code, name: p.name, unitCode: '101001', funds: [{ source: '本级财政拨款' as const, initialFen: p.budgetWan * WAN }] })),
      { code: 'LT-06', name: '未自评的项目', unitCode: '101001', funds: [{ source: '本级财政拨款' as const, initialFen: 10 * WAN }] },
    ],
    targets: [...GRADED_PROJECTS.map((p) => ({ project: p.code, status: 'approved' as const })), { project: 'LT-06', status: 'approved' as const }],
  });
  // Next year's register, seeded apart: seedCounty names a project by its code, which next year shares.
  seedCounty(db, {
    year: 2021,
    projects: Object.entries(NEXT_YEAR).map(([code, wan]) => ({
      code,
      name: `${code} 下年`,
      unitCode: '101001',
      funds: [{ source: '本级财政拨款' as const, initialFen: wan * WAN + 10 * WAN, cutFen: 10 * WAN }],
    })),
  });
  const selfEvaluationIds = new Map(GRADED_PROJECTS.map((p) => [p.code, insertSelfEvaluation(db, projectIds.get(p.code)!, p)]));
  // LT-05's monitoring finding is still open: its money waits for the rectification.
  sqliteOf(db)
    .prepare("INSERT INTO rectifications (id, region_code, year, seq, source, project_id, unit_code, problems, deadline, status) VALUES (?, '652822', 2020, 4, 'monitoring', ?, '101001', '执行进度滞后', '2021-03-31', 'issued')")
    .run(randomUUID(), projectIds.get('LT-05')!);
  const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
  const office = createOperator(db, TEST_ACTOR, { name: '王绩效', role: 'office', password: null });
  return { store, db, projectIds, selfEvaluationIds, clerk, office };
}
