// The sample county's evaluations read back through the services the pages call, on a real sample
// database: the 财政评价 plan and its coverage, the finance evaluation done by a third-party firm with
// experts and its report, then next year's results list, the budget section's decisions recorded by
// another operator, and the share adopted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db, type Store } from '../../db/open';
import { coverageOf } from '../domain/evaluationPlans';
import { percent } from '../domain/ratio';
import { getEvaluation, listEvaluations } from '../evaluation/evaluations';
import { downloadReport } from '../evaluation/report';
import { evaluationsOfFirm } from '../evaluation/firmJob';
import { getPlan } from '../evaluation/plans/plans';
import { listExperts } from '../experts/experts';
import { listFirms } from '../experts/firms';
import { listRectifications } from '../rectification/views';
import { changeOwnPassword, createOperator, listOperators } from '../registry/operators';
import { generateResults, recordDecision, resultsView } from '../results/proposals';
import { copySampleCounty2020, TEST_ACTOR } from '../testSupport/fixtures';
import type { DemoSummary } from './generate';

let store: Store;
let db: Db;
let summary: DemoSummary;
let folder: string;

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-evaluations-'));
  const file = path.join(folder, '示例数据库.db');
  summary = copySampleCounty2020(file);
  store = openDatabase(file);
  db = store.db;
});

afterAll(() => {
  closeDatabase(store);
  fs.rmSync(folder, { recursive: true, force: true });
});

const FINANCE = { year: 2020, kind: 'finance' as const, departmentCode: null };

describe("the sample county's evaluations", () => {
  it('has an expert pool with experts of sample units, two firms, and a plan of the key projects and a seeded draw', () => {
    const pool = listExperts(db);
    expect(pool.length).toBe(summary.evaluations.experts);
    expect(pool.filter((e) => e.unitCode !== null).length).toBeGreaterThanOrEqual(2);
    expect(listFirms(db)).toHaveLength(2);
    const plan = getPlan(db, FINANCE);
    const keys = plan.projects.filter((p) => p.keyProject).map((p) => p.id);
    expect(plan.items.filter((i) => i.rule === 'key').map((i) => i.projectId).sort()).toEqual(keys.sort());
    expect(plan.items.filter((i) => i.rule === 'draw').every((i) => i.seed === 'LT2020')).toBe(true);
    expect(plan.items.some((i) => i.rule === 'draw')).toBe(true);
    const planned = coverageOf(plan.projects, plan.items.map((i) => i.projectId)).overall;
    expect(planned).toMatchObject({ selectedCount: summary.evaluations.planned, totalCount: plan.projects.length });
    const evaluated = coverageOf(plan.projects, plan.items.filter((i) => i.evaluation?.status === 'approved').map((i) => i.projectId)).overall;
    expect(evaluated.selectedCount).toBe(1);
    expect(percent(evaluated.amountShare!)).not.toBe('0.00');
  });

  it('has a finance evaluation by a third-party firm with experts, its report attached, approved by a second person, the job rated and a notice issued', () => {
    const [row] = listEvaluations(db, { year: 2020 }).filter((e) => e.kind === 'finance-evaluation');
    const detail = getEvaluation(db, row!.id);
    expect(detail).toMatchObject({ status: 'approved', grade: '良', totalScore: '89.00', reviewedBy: '示例审核人' });
    expect(detail.assignments.map((a) => a.role)).toEqual(['受托机构', '组长', '成员']);
    expect(detail.engagement).toMatchObject({ rating: 4, firmName: detail.assignments[0]!.name });
    const [report] = detail.reports;
    expect(report!.name).toBe(`2020年度${detail.subjectCode}财政评价报告.pdf`);
    expect(Buffer.from(downloadReport(db, TEST_ACTOR, { attachmentId: report!.id }).dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(detail.notice).toMatchObject({ status: 'issued' });
    expect(listRectifications(db, TEST_ACTOR, { year: 2020 }).notices.some((n) => n.source === 'finance-evaluation' && n.sourceId === detail.id)).toBe(true);
    expect(evaluationsOfFirm(db, detail.engagement!.firmId)).toMatchObject([{ id: detail.id, grade: '良' }]);
    expect(listEvaluations(db, { year: 2020 }).find((e) => e.kind === 'department-evaluation')).toMatchObject({ status: 'submitted' });
  });

  it("feeds next year's results list from the finance evaluation, and the budget section's decisions give the adoption share", () => {
    const [finance] = listEvaluations(db, { year: 2020 }).filter((e) => e.kind === 'finance-evaluation');
    // A second operator needs the administrator's password first, as on a real installation.
    const admin = listOperators(db)[0]!;
    changeOwnPassword(db, { id: admin.id, name: admin.name }, { current: null, next: '管理员的密码' });
    const office = createOperator(db, TEST_ACTOR, { name: '王绩效', role: 'office', password: null });
    const budget = createOperator(db, TEST_ACTOR, { name: '李预算', role: 'clerk', password: null });
    const view = generateResults(db, office, { year: 2020, replace: false });
    const line = view.lines.find((l) => l.projectCode === finance!.subjectCode)!;
    // 良 from the finance evaluation; its open notice holds the money until it is rectified.
    expect(line).toMatchObject({ grade: '良', gradeSource: 'finance-evaluation', gradeRecordId: finance!.id, measureLabel: '整改后再安排' });
    const [first, second, third] = view.lines;
    recordDecision(db, budget, { id: first!.id, decision: 'adopted', amountFen: null, reason: '' });
    recordDecision(db, budget, { id: second!.id, decision: 'rejected', amountFen: null, reason: '政策性支出须保障' });
    recordDecision(db, budget, { id: third!.id, decision: 'adopted', amountFen: null, reason: '' });
    expect(() => recordDecision(db, office, { id: line.id, decision: 'adopted', amountFen: null, reason: '' })).toThrow('预算科的意见须由另一位操作员录入');
    expect(resultsView(db, 2020).adoption).toMatchObject({ decided: 3, adopted: 2, partly: 0, lineShare: '66.67%' });
  });
});
