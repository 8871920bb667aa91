// 整改通知 from an approved evaluation's findings, on real SQLite files: opened through the rectification
// workflow naming the evaluation, one open notice per evaluation, and shown on the evaluation.
import { describe, expect, it } from 'vitest';
import { latestNotices } from '../rectification';
import { daysFromToday } from '../testSupport/fixtures';
import { payload, smallPdf } from '../testSupport/attachments';
import { evaluationCounty, filledEvaluation } from '../testSupport/evaluations';
import { createEvaluation, getEvaluation, saveEvaluation, transitionEvaluation } from './evaluations';
import { openEvaluationRectification } from './findings';
import { attachReport } from './report';

function evaluated(kind: 'finance-evaluation' | 'department-evaluation') {
  const county = evaluationCounty();
  const { db, clerk, reviewer, projectIds, projectTemplate } = county;
  const made = createEvaluation(db, clerk, { kind, year: 2020, templateId: projectTemplate.id, projectId: projectIds.get('XM002')!, addToPlan: true });
  const saved = saveEvaluation(db, clerk, { ...filledEvaluation(made), findings: ['养护资金拨付滞后', '台账不完整'] });
  attachReport(db, clerk, { id: made.id, file: payload('报告.pdf', smallPdf()) });
  const submitted = transitionEvaluation(db, clerk, { id: made.id, version: saved.version, action: 'submit' });
  const text = { problems: '养护资金拨付滞后', requirements: '按季度拨付并报送台账', deadline: daysFromToday(30) };
  return { ...county, submitted, text, approve: () => transitionEvaluation(db, reviewer, { id: made.id, version: submitted.version, action: 'approve' }) };
}

describe('a notice from an evaluation', () => {
  it('waits for the evaluation to be approved', () => {
    const { db, reviewer, submitted, text } = evaluated('finance-evaluation');
    expect(() => openEvaluationRectification(db, reviewer, { ...text, evaluationId: submitted.id })).toThrow('“公路养护”的财政评价尚未审核通过：审核通过后才能据此下达整改通知');
  });

  it('opens on the chosen findings naming the finance evaluation, refuses a second, and shows on the evaluation', () => {
    const { db, reviewer, submitted, text, approve } = evaluated('finance-evaluation');
    approve();
    const notice = openEvaluationRectification(db, reviewer, { ...text, evaluationId: submitted.id });
    expect(notice).toMatchObject({ source: 'finance-evaluation', sourceId: submitted.id, unitCode: '301003', problems: '养护资金拨付滞后', status: 'pending', sourceLabel: '2020年度财政评价 · XM002 公路养护（100.00 分，优）' });
    expect(() => openEvaluationRectification(db, reviewer, { ...text, evaluationId: submitted.id })).toThrow(`该财政评价已对“公路养护”下发第 ${notice.seq} 号整改通知（待下达），无需重复`);
    expect(getEvaluation(db, submitted.id).notice).toEqual({ id: notice.id, seq: notice.seq, status: 'pending' });
  });

  it('comes from a department evaluation as its own source', () => {
    const { db, reviewer, submitted, text, approve } = evaluated('department-evaluation');
    approve();
    openEvaluationRectification(db, reviewer, { ...text, evaluationId: submitted.id });
    expect(latestNotices(db, 'department-evaluation', [submitted.id]).get(submitted.id)).toMatchObject({ status: 'pending' });
    expect(latestNotices(db, 'finance-evaluation', [submitted.id]).size).toBe(0);
  });

  it('is refused to a clerk, who does not review', () => {
    const { db, clerk, submitted, text, approve } = evaluated('finance-evaluation');
    approve();
    expect(() => openEvaluationRectification(db, clerk, { ...text, evaluationId: submitted.id })).toThrow(/经办人不能审核/);
  });
});
