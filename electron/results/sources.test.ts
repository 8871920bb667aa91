// The grades 结果应用 reads: approved 部门评价 / 财政评价 of a project join the self-evaluations, and the
// strongest source decides (财政评价, then 部门评价, then 绩效自评), on real SQLite files.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sqliteOf, type Db } from '../../db/open';
import { listTemplates } from '../evaluation/templates';
import { countyWithResults, WAN } from '../testSupport/results';
import { generateResults } from './proposals';
import { gradedSources } from './sources';

type Kind = 'finance-evaluation' | 'department-evaluation';

/** An evaluation of the project as review leaves it, written straight into the table like the self-evaluations of countyWithResults. */
function evaluated(db: Db, projectId: string, kind: Kind, grade: string, status = 'approved'): string {
  const template = listTemplates(db).find((t) => t.kind === 'project')!;
  const code = (sqliteOf(db).prepare('SELECT code FROM projects WHERE id = ?').get(projectId) as { code: string }).code;
  const id = randomUUID();
  sqliteOf(db)
    .prepare(`INSERT INTO evaluations (id, region_code, year, kind, subject_code, project_id, unit_code, template_id, status, total_score, grade) VALUES (?, '652822', 2020, ?, ?, ?, '101001', ?, ?, '70.00', ?)`)
    .run(id, kind, code, projectId, template.id, status, grade);
  return id;
}

describe('graded sources of the results list', () => {
  it('adds approved finance and department evaluations of a project beside its self-evaluation, leaving drafts out', () => {
    const { db, projectIds, selfEvaluationIds } = countyWithResults();
    const finance = evaluated(db, projectIds.get('LT-02')!, 'finance-evaluation', '中');
    evaluated(db, projectIds.get('LT-01')!, 'department-evaluation', '差', 'submitted');
    const sources = gradedSources(db, '652822', 2020);
    expect(sources.get(projectIds.get('LT-02')!)).toEqual([
      { source: 'self-evaluation', grade: '良', recordId: selfEvaluationIds.get('LT-02') },
      { source: 'finance-evaluation', grade: '中', recordId: finance },
    ]);
    expect(sources.get(projectIds.get('LT-01')!)!.map((s) => s.source)).toEqual(['self-evaluation']);
  });

  it('lets a finance evaluation of 中 outrank a self-evaluation of 良, traced to the evaluation', () => {
    const { db, office, projectIds } = countyWithResults();
    const finance = evaluated(db, projectIds.get('LT-02')!, 'finance-evaluation', '中');
    const line = generateResults(db, office, { year: 2020, replace: false }).lines.find((l) => l.projectCode === 'LT-02')!;
    expect(line).toMatchObject({ grade: '中', gradeSource: 'finance-evaluation', gradeRecordId: finance, measureLabel: '核减 10%', baseKind: 'this-year', baseFen: 50 * WAN, proposedFen: 45 * WAN });
    expect(line.trace[0]).toBe('财政评价等级“中”');
  });

  it('gives 90 万元 for 中 on a next-year request of 100 万元, the finance evaluation deciding over a department one', () => {
    const { db, office, projectIds } = countyWithResults();
    evaluated(db, projectIds.get('LT-03')!, 'department-evaluation', '优');
    const finance = evaluated(db, projectIds.get('LT-03')!, 'finance-evaluation', '中');
    const line = generateResults(db, office, { year: 2020, replace: false }).lines.find((l) => l.projectCode === 'LT-03')!;
    expect(line).toMatchObject({ grade: '中', gradeSource: 'finance-evaluation', gradeRecordId: finance, baseKind: 'next-year', baseFen: 100 * WAN, proposedFen: 90 * WAN });
  });

  it('takes a department evaluation over the self-evaluation when there is no finance evaluation', () => {
    const { db, office, projectIds } = countyWithResults();
    const department = evaluated(db, projectIds.get('LT-01')!, 'department-evaluation', '中');
    const line = generateResults(db, office, { year: 2020, replace: false }).lines.find((l) => l.projectCode === 'LT-01')!;
    expect(line).toMatchObject({ grade: '中', gradeSource: 'department-evaluation', gradeRecordId: department, proposedFen: 135 * WAN });
  });
});
