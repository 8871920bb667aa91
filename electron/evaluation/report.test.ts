// The evaluation report kept with a 部门评价 / 财政评价 on real SQLite files: PDF or Word only, within the
// 附件大小上限 setting, downloadable as stored, removable only while the evaluation may be edited.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { createOperator } from '../registry/operators';
import { updateSetting } from '../settings/settings';
import { payload, smallPdf, smallPng } from '../testSupport/attachments';
import { evaluationCounty, filledEvaluation } from '../testSupport/evaluations';
import { TEST_ACTOR } from '../testSupport/fixtures';
import { createEvaluation, getEvaluation, saveEvaluation, transitionEvaluation } from './evaluations';
import { attachReport, downloadReport, removeReport } from './report';

function drafted() {
  const county = evaluationCounty();
  const { db, clerk, projectIds, projectTemplate } = county;
  const made = createEvaluation(db, clerk, { kind: 'finance-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectIds.get('XM001')!, addToPlan: true });
  return { ...county, made };
}

describe('the evaluation report', () => {
  it('keeps a PDF with the evaluation and hands back the same bytes', () => {
    const { db, clerk, made } = drafted();
    const pdf = smallPdf('Evaluation report');
    const kept = attachReport(db, clerk, { id: made.id, file: payload('XM001评价报告.pdf', pdf) });
    expect(getEvaluation(db, made.id).reports).toEqual([kept]);
    expect(kept).toMatchObject({ name: 'XM001评价报告.pdf', mime: 'application/pdf', size: pdf.length, addedBy: '李经办' });
    expect(Buffer.from(downloadReport(db, clerk, { attachmentId: kept.id }).dataBase64, 'base64').equals(pdf)).toBe(true);
    expect(listAudit(db, { entity: 'evaluation', limit: 5 }).map((a) => a.action)).toContain('上传附件“XM001评价报告.pdf”');
  });

  it('refuses a picture, a file over the size setting and a file whose content is not what its name says, keeping nothing', () => {
    const { db, clerk, made } = drafted();
    expect(() => attachReport(db, clerk, { id: made.id, file: payload('现场照片.png', smallPng()) })).toThrow('“现场照片.png”不是评价报告可用的格式，请上传 PDF 或 Word（.doc/.docx）文件');
    expect(() => attachReport(db, clerk, { id: made.id, file: payload('报告.pdf', Buffer.from('not a pdf')) })).toThrow(/报告.pdf/);
    updateSetting(db, TEST_ACTOR, 'attachments.maxMegabytes', 1);
    expect(() => attachReport(db, clerk, { id: made.id, file: payload('大报告.pdf', Buffer.concat([smallPdf(), Buffer.alloc(1024 * 1024)])) })).toThrow(/大报告.pdf/);
    expect(getEvaluation(db, made.id).reports).toEqual([]);
  });

  it('is removable while the evaluation is a draft, and stays once it is submitted', () => {
    const { db, clerk, made } = drafted();
    const first = attachReport(db, clerk, { id: made.id, file: payload('初稿.pdf', smallPdf()) });
    removeReport(db, clerk, { attachmentId: first.id });
    expect(getEvaluation(db, made.id).reports).toEqual([]);
    const final = attachReport(db, clerk, { id: made.id, file: payload('定稿.pdf', smallPdf()) });
    const saved = saveEvaluation(db, clerk, filledEvaluation(getEvaluation(db, made.id)));
    transitionEvaluation(db, clerk, { id: made.id, version: saved.version, action: 'submit' });
    expect(() => removeReport(db, clerk, { attachmentId: final.id })).toThrow('不能修改。如需修改，请先撤回');
    expect(() => attachReport(db, clerk, { id: made.id, file: payload('补充.pdf', smallPdf()) })).toThrow('不能修改。如需修改，请先撤回');
    expect(getEvaluation(db, made.id).reports.map((r) => r.name)).toEqual(['定稿.pdf']);
  });

  it('is not handed out to a 主管部门审核人 of another department', () => {
    const { db, clerk, made } = drafted();
    const kept = attachReport(db, clerk, { id: made.id, file: payload('报告.pdf', smallPdf()) });
    const education = createOperator(db, TEST_ACTOR, { name: '教育局审核人', role: 'department', password: null, departmentCode: '302001' });
    expect(() => downloadReport(db, education, { attachmentId: kept.id })).toThrow(/只能查看本部门（302001）/);
  });
});
