// Test support for what goes up in the stages 绩效评价 and 整改: a county whose 2020 projects carry a
// 财政评价 approved with its report file (PDF), a 部门评价 submitted, one still a draft (which stays home),
// and rectification notices with their feedback rounds, a round's file and a 问责 measure. Written straight
// into the tables, as seedCounty writes targets, on the shipped template (frozen, as an evaluation freezes
// it), so the exchange is tested apart from the evaluation page's services.
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Store } from '../../db/open';
import { leavesOf, type TemplateNode } from '../domain/evaluation';
import { REPORT_OWNER } from '../evaluation/evaluations';
import { listTemplates } from '../evaluation/templates';
import { exportReport } from '../exchange/outgoing';
import { initInstallation } from '../registry/setup';
import { smallPdf } from './attachments';
import { seedCounty } from './county';
import { countyStore, freshStore, tempDir, TEST_ACTOR } from './fixtures';
import { ROAD_AND_SCHOOL_UNITS } from './projects';

export const WAN = 1_000_000;

export const EVALUATED_PROJECTS = [
  { code: 'LT-1', name: '农村公路养护', unitCode: '301002', wan: 100 },
  { code: 'EDU-1', name: '校舍维修', unitCode: '302001', wan: 50 },
  { code: 'EDU-2', name: '教师培训', unitCode: '302001', wan: 30 },
  { code: 'EDU-3', name: '保密项目', unitCode: '302001', wan: 20, confidential: true },
] as const;

// Each takes the database file's own connection, so that a browser test can seed the app's file as these do.

export function attachFile(sqlite: Database.Database, owner: { kind: string; id: string }, name: string, bytes: Buffer): string {
  const id = randomUUID();
  const mime = name.endsWith('.pdf') ? 'application/pdf' : 'image/png';
  sqlite
    .prepare('INSERT INTO attachments (id, owner_kind, owner_id, name, mime, size, sha256, content, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, owner.kind, owner.id, name, mime, bytes.length, createHash('sha256').update(bytes).digest('hex'), bytes, '李经办');
  return id;
}

export interface SeedEvaluation {
  kind: 'finance-evaluation' | 'department-evaluation';
  status: 'draft' | 'submitted' | 'approved';
  total: string;
  grade: string;
  findings?: string[];
}

/** An evaluation of `project` of 2020 on `template` (which it freezes), every leaf scored full. */
export function seedEvaluation(sqlite: Database.Database, template: { id: string; tree: TemplateNode[] }, project: { id: string; code: string; unitCode: string }, e: SeedEvaluation): string {
  const id = randomUUID();
  sqlite
    .prepare(
      `INSERT INTO evaluations (id, region_code, year, kind, subject_code, project_id, unit_code, template_id, status, methods, standard, evaluators, findings, total_score, grade, decided_at)
       VALUES (?, '652822', 2020, ?, ?, ?, ?, ?, ?, '["比较法"]', '计划', '县财政局评价组', ?, ?, ?, ?)`,
    )
    .run(id, e.kind, project.code, project.id, project.unitCode, template.id, e.status, JSON.stringify(e.findings ?? []), e.total, e.grade, e.status === 'approved' ? '2021-03-01' : null);
  const insertScore = sqlite.prepare("INSERT INTO evaluation_scores (id, evaluation_id, path, evidence, score) VALUES (?, ?, ?, '查阅账簿', ?)");
  for (const leaf of leavesOf(template.tree)) insertScore.run(randomUUID(), id, leaf.path, leaf.node.points);
  sqlite.prepare('UPDATE evaluation_templates SET frozen = 1 WHERE id = ?').run(template.id);
  return id;
}

export function countyWithEvaluations() {
  const county = countyStore({ colleagues: true });
  const { db } = county;
  const { projectIds } = seedCounty(db, {
    units: ROAD_AND_SCHOOL_UNITS,
    projects: EVALUATED_PROJECTS.map((p) => ({
      code: p.code,
      name: p.name,
      unitCode: p.unitCode,
      confidential: 'confidential' in p,
      funds: [{ source: '本级财政拨款' as const, initialFen: p.wan * WAN }],
    })),
  });
  const template = listTemplates(db).find((t) => t.kind === 'project')!;
  const subject = (code: string) => ({ id: projectIds.get(code)!, code, unitCode: EVALUATED_PROJECTS.find((p) => p.code === code)!.unitCode });
  const insertEvaluation = (code: string, e: SeedEvaluation) => seedEvaluation(county.sqlite, template, subject(code), e);
  const approved = insertEvaluation('LT-1', { kind: 'finance-evaluation', status: 'approved', total: '86.50', grade: '良', findings: ['资金到位偏晚', '绩效目标细化不足'] });
  const report = smallPdf('Evaluation report');
  const reportId = attachFile(county.sqlite, { kind: REPORT_OWNER, id: approved }, '评价报告.pdf', report);
  const submitted = insertEvaluation('EDU-1', { kind: 'department-evaluation', status: 'submitted', total: '92.00', grade: '优' });
  const confidential = insertEvaluation('EDU-3', { kind: 'finance-evaluation', status: 'approved', total: '75.00', grade: '中' });
  const draft = insertEvaluation('EDU-2', { kind: 'finance-evaluation', status: 'draft', total: '60.00', grade: '差' });
  return { county, db, projectIds, template, evaluations: { approved, submitted, confidential, draft }, report, reportId };
}

/**
 * Three notices on LT-1 and EDU-1: one passed after a return (two rounds, the second with a photo), one
 * returned and overdue on 2021-06-30 with a 约谈 recorded, one issued and not yet due then.
 */
export function seedNotices(sqlite: Database.Database, projectIds: ReadonlyMap<string, string>, on = { first: { code: 'LT-1', unit: '301002' }, second: { code: 'EDU-1', unit: '302001' } }) {
  const notice = sqlite.prepare(
    `INSERT INTO rectifications (id, region_code, year, seq, source, project_id, unit_code, problems, deadline, status, holder, return_count, issued_at, feedback)
     VALUES (?, '652822', 2020, ?, 'finance-evaluation', ?, ?, ?, ?, ?, ?, ?, '2021-03-05', ?)`,
  );
  const round = sqlite.prepare(
    `INSERT INTO rectification_rounds (id, rectification_id, round, feedback, answered_by_name, answered_at, verdict, verdict_opinion, verdict_by_name, verdict_at)
     VALUES (?, ?, ?, ?, '李老师', ?, ?, ?, '王审核', ?)`,
  );
  // Numbered after the notices the file already holds (the sample county opens its own).
  const base = (sqlite.prepare("SELECT coalesce(max(seq), 0) AS n FROM rectifications WHERE region_code = '652822' AND year = 2020").get() as { n: number }).n;
  const passed = randomUUID();
  const overdue = randomUUID();
  const open = randomUUID();
  notice.run(passed, base + 1, projectIds.get(on.first.code), on.first.unit, '资金到位偏晚', '2021-05-31', 'passed', 'bureau', 1, '已建立拨付台账');
  round.run(randomUUID(), passed, 1, '已整改', '2021-04-01', 'return', '缺少台账', '2021-04-03');
  const second = randomUUID();
  round.run(second, passed, 2, '已建立拨付台账', '2021-04-10', 'approve', '同意', '2021-04-12');
  const photoId = attachFile(sqlite, { kind: 'rectification.feedback', id: second }, '台账.pdf', smallPdf('Ledger'));
  notice.run(overdue, base + 2, projectIds.get(on.second.code), on.second.unit, '绩效目标细化不足', '2021-05-31', 'returned', 'unit', 1, '');
  round.run(randomUUID(), overdue, 1, '已细化', '2021-05-01', 'return', '仍未量化', '2021-05-03');
  sqlite
    .prepare("INSERT INTO accountability_measures (id, rectification_id, measure, detail, taken_on, recorded_by) VALUES (?, ?, 'interview', '约谈校长', '2021-06-10', '王审核')")
    .run(randomUUID(), overdue);
  notice.run(open, base + 3, projectIds.get(on.first.code), on.first.unit, '台账不全', '2021-12-31', 'issued', 'unit', 0, '');
  return { passed, overdue, open, secondRound: second, photoId };
}

export function prefectureStore(): Store {
  const store = freshStore(path.join(tempDir(), 'prefecture.db'));
  initInstallation(store.db, { regionCode: '652800', role: 'prefecture', operatorName: '李四' });
  return store;
}

export const exportStage = (county: Store, stage: string) =>
  exportReport(county, TEST_ACTOR, { year: 2020, stage, full: true, out: path.join(tempDir(), `${stage}-${randomUUID()}.zip`) }).file;
