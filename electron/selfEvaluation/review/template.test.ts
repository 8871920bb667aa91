import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { luntaiApprovedTargets } from '../../testSupport/approvedTargets';
import { countyStore, TEST_ACTOR } from '../../testSupport/fixtures';
import { readSelfEvaluationTables } from './excel';
import { commitReviewImport, getReview, listReviews } from './reviews';
import { selfEvaluationTemplate } from './template';

/** The unit fills the template in Excel: each named row's cells by their column header. */
function fill(bytes: Uint8Array, cells: Record<string, Record<string, string | number>>): Buffer {
  const book = XLSX.read(bytes);
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  const grid = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' });
  const indicatorHeader = grid.findIndex((r) => r.includes('三级指标'));
  const fundHeader = grid.findIndex((r) => r.includes('全年执行数'));
  for (const [rowLabel, values] of Object.entries(cells)) {
    const r = grid.findIndex((row) => row.includes(rowLabel));
    const header = grid[r! > indicatorHeader ? indicatorHeader : fundHeader]!;
    for (const [column, value] of Object.entries(values)) sheet[XLSX.utils.encode_cell({ r, c: header.indexOf(column) })] = { t: typeof value === 'number' ? 'n' : 's', v: value };
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('the per-unit self-evaluation template', () => {
  it('has one sheet per approved project target, prefilled in the 10号 layout, blank where the unit reports', () => {
    const { db } = countyStore();
    luntaiApprovedTargets(db, 2020);
    const template = selfEvaluationTemplate(db, 2020, '101001');
    expect(template.fileName).toBe('2020年项目支出绩效自评表-轮台县教育局.xlsx');
    expect(XLSX.read(template.bytes).SheetNames).toEqual(['LT2020-001']); // LT2020-005 is still in review
    const [table] = readSelfEvaluationTables(template.bytes);
    const written = table!.written!;
    expect([written.projectName, written.projectCode, written.unitName, written.unitCode]).toEqual(['学生营养改善计划', 'LT2020-001', '轮台县教育局', '101001']);
    expect(written.budget).toMatchObject({ initial: '260', adjusted: '290', executed: '', weight: '10', score: '' });
    expect(written.rows.map((r) => [r.label, r.operator, r.target, r.unit, r.actual, r.score])).toEqual([
      ['受益学生人次', '≥', '1200', '人次', '', ''],
      ['食品安全事故', '=', '0', '起', '', ''],
      ['学生营养状况', '定性', '明显改善', '', '', ''],
    ]);
    expect(table!.problems.map((p) => p.message)).toEqual(['全年执行数“”应为金额（万元）']);
  });

  it('reads back as filled by the unit, matched to its unit and project, and recomputed', () => {
    const { db } = countyStore();
    const projectIds = luntaiApprovedTargets(db, 2020);
    const filled = fill(selfEvaluationTemplate(db, 2020, '101001').bytes, {
      年度资金总额: { 全年执行数: '290', 执行率: '100%', 得分: 10 },
      受益学生人次: { 实际完成值: '1000', 分值: 40, 得分: 40 },
      食品安全事故: { 实际完成值: '0', 分值: 30, 得分: 30 },
      学生营养状况: { 实际完成值: '达成年度指标', 分值: 20, 得分: 18 },
      总分: { 得分: 98 },
    });
    const result = commitReviewImport(db, TEST_ACTOR, 2020, '教育局自评.xlsx', filled);
    expect([result.problems, result.written]).toEqual([[], 1]);
    expect(result.rows[0]).toMatchObject({ unitCode: '101001', projectCode: 'LT2020-001', differences: 2 });
    const [review] = listReviews(db, 2020);
    expect(review!.projectId).toBe(projectIds.get('LT2020-001'));
    const detail = getReview(db, review!.id);
    expect(detail.differences.map((d) => [d.kind, d.entered, d.rule])).toEqual([
      ['indicator', '40.00', '33.33'],
      ['total', '98.00', '91.33'],
    ]);
  });

  it('refuses a unit that is not registered, or one without an approved target', () => {
    const { db } = countyStore();
    luntaiApprovedTargets(db, 2020);
    expect(() => selfEvaluationTemplate(db, 2020, '999999')).toThrow('单位编码 999999 不在本县预算单位名录中');
    expect(() => selfEvaluationTemplate(db, 2021, '101001')).toThrow('轮台县教育局 2021 年没有审核通过的项目绩效目标');
  });
});
