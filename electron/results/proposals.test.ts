import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../db/open';
import { listAudit } from '../audit/audit';
import { updateSetting } from '../settings/settings';
import { TEST_ACTOR, tempDir } from '../testSupport/fixtures';
import { countyWithResults, WAN } from '../testSupport/results';
import { resultsWorkbook } from './excel';
import { generateResults, recordDecision, regenerationPreview, resultsView } from './proposals';

const as = (operator: { id: string; name: string }) => ({ id: operator.id, name: operator.name });

function generated() {
  const county = countyWithResults();
  const view = generateResults(county.db, as(county.office), { year: 2020, replace: false });
  const line = (code: string) => view.lines.find((l) => l.projectCode === code)!;
  return { ...county, view, line };
}

describe('generating the results list', () => {
  it('lists every project with an approved grade, its measure, base and proposed amount and balance to recover, traced to its self-evaluation', () => {
    const { view, line, selfEvaluationIds } = generated();
    expect(view.lines.map((l) => [l.projectCode, l.grade, l.measureLabel, l.baseKind, l.baseFen / WAN, l.proposedFen / WAN, l.recoverFen / WAN])).toEqual([
      ['LT-01', '优', '优先保障', 'next-year', 150, 150, 0],
      ['LT-02', '良', '据实保障', 'this-year', 50, 50, 5],
      ['LT-03', '中', '核减 10%', 'next-year', 100, 90, 20],
      ['LT-04', '差', '取消或暂停', 'this-year', 40, 0, 30],
      ['LT-05', '良', '整改后再安排', 'this-year', 30, 30, 0],
    ]);
    expect(line('LT-03')).toMatchObject({ gradeSource: 'self-evaluation', gradeRecordId: selfEvaluationIds.get('LT-03') });
    expect(line('LT-03').trace).toEqual([
      '绩效自评等级“中”',
      '评价为“中”的核减比例：10%',
      '基数：下年申请数 100.0000 万元',
      '等级“中”：收回结转结余 20.0000 万元（调整后预算 − 全年执行数）',
    ]);
    expect(line('LT-05').trace).toContain('未整改到位（整改通知第 4 号）：整改后再安排');
    expect(view.byMeasure.map((m) => [m.label, m.count])).toEqual([['优先保障', 1], ['据实保障', 1], ['核减', 1], ['取消或暂停', 1], ['整改后再安排', 1]]);
    expect(view.recoverFen).toBe(55 * WAN);
  });

  it('follows the settings in force when generated', () => {
    const county = countyWithResults();
    updateSetting(county.db, TEST_ACTOR, 'results.cutFair', '25');
    const view = generateResults(county.db, as(county.office), { year: 2020, replace: false });
    expect(view.lines.find((l) => l.projectCode === 'LT-03')).toMatchObject({ measureLabel: '核减 25%', proposedFen: 75 * WAN });
  });

  it('says what to do when no grade has been approved yet, and writes nothing', () => {
    const county = countyWithResults();
    sqliteOf(county.db).exec("UPDATE self_evaluations SET status = 'submitted'");
    expect(() => generateResults(county.db, as(county.office), { year: 2020, replace: false })).toThrow('还没有已审核（通过）的自评或评价结果');
    expect(resultsView(county.db, 2020)).toMatchObject({ list: null, lines: [], gradedProjects: 0 });
  });

  it('regenerates only when confirmed, after saying what changes, keeping decisions on lines that did not change', () => {
    const { db, office, clerk, line } = generated();
    recordDecision(db, as(clerk), { id: line('LT-01').id, decision: 'adopted', amountFen: null, reason: '' });
    recordDecision(db, as(clerk), { id: line('LT-03').id, decision: 'rejected', amountFen: null, reason: '续建工程不宜压减' });
    expect(() => generateResults(db, as(office), { year: 2020, replace: false })).toThrow('已生成，重新生成前请先确认');
    updateSetting(db, TEST_ACTOR, 'results.cutFair', '20');
    const preview = regenerationPreview(db, 2020);
    expect(preview).toMatchObject({ exists: true, added: [], removed: [], changed: ['LT-03 农村道路养护'], decisionsDropped: ['LT-03 农村道路养护'] });
    expect(preview.summary).toBe('重新生成将新增 0 条、删除 0 条、变化 1 条，其中 1 条已录入的预算科意见将作废（LT-03 农村道路养护），需重新录入。');
    const again = generateResults(db, as(office), { year: 2020, replace: true });
    expect(again.lines.find((l) => l.projectCode === 'LT-01')).toMatchObject({ decision: 'adopted', decidedByName: '李经办' });
    expect(again.lines.find((l) => l.projectCode === 'LT-03')).toMatchObject({ proposedFen: 80 * WAN, decision: null });
    expect(listAudit(db, { entity: 'results-list', limit: 10 }).map((a) => a.action)).toEqual(expect.arrayContaining(['生成结果应用清单', '重新生成结果应用清单']));
  });
});

describe("the budget section's decisions", () => {
  it('records 部分采纳 with its amount and reason, by someone other than who generated the list, in the audit', () => {
    const { db, clerk, line } = generated();
    const decided = recordDecision(db, as(clerk), { id: line('LT-03').id, decision: 'partly', amountFen: 95 * WAN, reason: '保留续建部分' });
    expect(decided).toMatchObject({ decision: 'partly', decidedFen: 95 * WAN, decisionReason: '保留续建部分', decidedByName: '李经办' });
    const [entry] = listAudit(db, { entity: 'result-proposal', limit: 10 });
    expect(entry).toMatchObject({ action: '录入预算科意见', naturalKey: '652822/2020/LT-03', opinion: '保留续建部分', operatorName: '李经办' });
  });

  it('refuses an empty reason, an amount outside the range and the generator recording the answer, writing nothing', () => {
    const { db, clerk, office, line } = generated();
    const id = line('LT-03').id;
    expect(() => recordDecision(db, as(clerk), { id, decision: 'partly', amountFen: 95 * WAN, reason: ' ' })).toThrow('“部分采纳”须填写理由');
    expect(() => recordDecision(db, as(clerk), { id, decision: 'partly', amountFen: 100 * WAN, reason: '理由' })).toThrow('应在 90.0000 与 100.0000 万元之间');
    expect(() => recordDecision(db, as(office), { id, decision: 'adopted', amountFen: null, reason: '' })).toThrow('预算科的意见须由另一位操作员录入');
    expect(resultsView(db, 2020).lines.find((l) => l.id === id)).toMatchObject({ decision: null, decidedFen: null });
    expect(listAudit(db, { entity: 'result-proposal', limit: 10 })).toEqual([]);
  });

  it("compares each line with next year's register and gives the adoption share exactly", () => {
    const { db, clerk, line } = generated();
    recordDecision(db, as(clerk), { id: line('LT-01').id, decision: 'adopted', amountFen: null, reason: '' });
    recordDecision(db, as(clerk), { id: line('LT-03').id, decision: 'partly', amountFen: 95 * WAN, reason: '保留续建部分' });
    recordDecision(db, as(clerk), { id: line('LT-04').id, decision: 'rejected', amountFen: null, reason: '政策性补贴须保留' });
    const view = resultsView(db, 2020);
    expect(view.adoption).toEqual({ decided: 3, adopted: 1, partly: 1, lineShare: '66.67%', cutShare: '10.00%' });
    expect(view.lines.map((l) => [l.projectCode, l.arrangedFen === null ? null : l.arrangedFen / WAN])).toEqual([
      ['LT-01', 150], ['LT-02', null], ['LT-03', 100], ['LT-04', null], ['LT-05', null],
    ]);
  });
});

describe('the exported list', () => {
  it('is a real workbook with one row per proposal, its trace and decision', () => {
    const { db, clerk, line } = generated();
    recordDecision(db, as(clerk), { id: line('LT-03').id, decision: 'partly', amountFen: 95 * WAN, reason: '保留续建部分' });
    const file = resultsWorkbook(db, 2020);
    expect(file.fileName).toBe('2020年度预算调整建议清单.xlsx');
    const written = path.join(tempDir(), file.fileName);
    fs.writeFileSync(written, file.bytes);
    const sheet = XLSX.read(fs.readFileSync(written)).Sheets['预算调整建议清单']!;
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(sheet, { raw: false });
    expect(rows).toHaveLength(5);
    expect(rows[2]).toMatchObject({
      项目编码: 'LT-03', 评价等级: '中', 等级来源: '绩效自评', 应用措施: '核减 10%', 基数口径: '下年申请数', '基数（万元）': '100.0000', '建议安排（万元）': '90.0000',
      '收回结转结余（万元）': '20.0000', 预算科意见: '部分采纳', '意见安排数（万元）': '95.0000', 理由: '保留续建部分', '下年项目库安排（万元）': '100.0000',
    });
    expect(rows[2]!['依据']).toContain('评价为“中”的核减比例：10%');
  });

  it('is refused before the list is generated', () => {
    const { db } = countyWithResults();
    expect(() => resultsWorkbook(db, 2020)).toThrow('还没有生成');
  });
});
