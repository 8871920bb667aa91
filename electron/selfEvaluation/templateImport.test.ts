// The per-unit template filled offline and imported back into the program's self-evaluations, on a real
// SQLite file and real xlsx files: previewed with each problem by sheet and row, written all or nothing,
// started through the create service where none exists (prefilled where the unit left cells blank), and
// a submitted self-evaluation reported and left alone.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../db/open';
import { countyWithSelfEvaluationTarget, entries, WAN } from '../testSupport/selfEvaluation';
import { fillTemplate } from '../testSupport/selfEvaluationTables';
import { selfEvaluationTemplate } from './review/template';
import { createSelfEvaluation, getSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, transitionSelfEvaluation } from './selfEvaluations';
import { commitTemplateImport, previewTemplateImport } from './templateImport';

const FILE = '教育局自评.xlsx';
const count = (db: Parameters<typeof sqliteOf>[0]) => (sqliteOf(db).prepare('SELECT count(*) AS n FROM self_evaluations').get() as { n: number }).n;

/** The unit's figures: 95 of 100 万元 appropriation spent, one count short (with its reason), the qualitative row achieved. */
const FILLED = {
  当年财政拨款: { 全年执行数: '95' },
  受益学生人次: { 实际完成值: '1000', 偏差原因分析及改进措施: '两所学校秋季学期才纳入' },
  学生营养状况: { 实际完成值: '达成年度指标', 得分: 27 },
  实际完成情况: { 实际完成情况: '营养餐覆盖全县义务教育学校' },
  存在的问题: { '': '个别学校纳入较晚' },
};

describe('importing the filled self-evaluation template into the self-evaluations', () => {
  it('previews without writing, then starts the self-evaluation prefilled and saves the unit’s figures with the rule’s scores', () => {
    const { db, clerk } = countyWithSelfEvaluationTarget();
    const template = selfEvaluationTemplate(db, 2020, '101001');
    expect(XLSX.read(template.bytes).SheetNames).toEqual(['LT-1']);
    const file = fillTemplate(template.bytes, 'LT-1', FILLED);
    const asDownloaded = commitTemplateImport(db, clerk, 2020, FILE, template.bytes);
    expect([asDownloaded.written, asDownloaded.rows.map((r) => [r.action, r.status, r.note])]).toEqual([0, [['unchanged', null, '表中没有填写内容，未开始自评']]]);
    expect(count(db)).toBe(0);

    const preview = previewTemplateImport(db, clerk, 2020, FILE, file);
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r) => [r.sheet, r.projectCode, r.action, r.status])).toEqual([['LT-1', 'LT-1', 'create', 'draft']]);
    expect(count(db)).toBe(0);

    const result = commitTemplateImport(db, clerk, 2020, FILE, file);
    expect(result.written).toBe(1);
    const [row] = listSelfEvaluations(db, { year: 2020 });
    const detail = getSelfEvaluation(db, row!.id!);
    // 上年结转 left blank keeps the 15 万元 the last monitoring round reported; 单位餐费 left blank keeps 7.5.
    expect(detail.funds.appropriation.executedFen).toBe(95 * WAN);
    expect(detail.funds.carryOver.executedFen).toBe(15 * WAN);
    expect(detail.indicators.map((i) => [i.name, i.actual, i.tier, i.score, i.deviationReason])).toEqual([
      ['受益学生人次', '1000', null, '', '两所学校秋季学期才纳入'],
      ['单位餐费', '7.5', null, '', ''],
      ['学生营养状况', '达成年度指标', 'achieved', '27', ''],
    ]);
    expect([detail.goalAchieved, detail.problems]).toEqual(['营养餐覆盖全县义务教育学校', '个别学校纳入较晚']);
    // 10 × 110/120 + 40 × 1000/1200 + 20 + 27 = 89.50
    expect(row).toMatchObject({ status: 'draft', executionRate: '91.67', totalScore: '89.50', grade: '良' });
    expect(detail.history.map((h) => h.action)).toEqual(['保存自评表', '新建自评表']);
  });

  it('lists each wrong cell by sheet, row and column, and imports nothing until the file is right', () => {
    const { db, clerk } = countyWithSelfEvaluationTarget();
    const template = selfEvaluationTemplate(db, 2020, '101001');
    const grid = XLSX.utils.sheet_to_json<string[]>(XLSX.read(template.bytes).Sheets['LT-1']!, { header: 1, defval: '' });
    const excelRow = (label: string) => grid.findIndex((r) => r.includes(label)) + 1;
    const wrong = fillTemplate(template.bytes, 'LT-1', {
      ...FILLED,
      受益学生人次: { 实际完成值: '一千' },
      学生营养状况: { 实际完成值: '达成年度指标', 得分: 20 },
      当年财政拨款: { 全年执行数: '九十五' },
    });
    const preview = previewTemplateImport(db, clerk, 2020, FILE, wrong);
    expect(preview.problems.map((p) => [p.sheet, p.rowNumber, p.column, p.message])).toEqual([
      ['LT-1', excelRow('其中：当年财政拨款'), '全年执行数', '当年财政拨款的全年执行数“九十五”应为不小于 0 的金额（万元，最多 6 位小数）'],
      ['LT-1', excelRow('受益学生人次'), '实际完成值', '指标“受益学生人次”：实际完成值请填写数字，如 120 或 95.5'],
      ['LT-1', excelRow('学生营养状况'), '得分', expect.stringContaining('定性指标“达成年度指标”的得分应在 24.00–30.00 之间，填写的是 20') as unknown as string],
    ]);
    expect(preview.rows[0]).toMatchObject({ action: 'error' });
    expect(() => commitTemplateImport(db, clerk, 2020, FILE, wrong)).toThrow('文件中有 3 处错误（见导入预览），没有导入任何自评表');
    expect(count(db)).toBe(0);

    const renamed = fillTemplate(fillTemplate(template.bytes, 'LT-1', FILLED), 'LT-1', { 单位餐费: { 三级指标: '每餐费用' } });
    const sheet = XLSX.read(renamed).Sheets['LT-1']!;
    const id = XLSX.utils.encode_cell({ r: excelRow('单位餐费') - 1, c: 13 });
    delete sheet[id];
    const noId = XLSX.write({ SheetNames: ['LT-1'], Sheets: { 'LT-1': sheet } }, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    expect(previewTemplateImport(db, clerk, 2020, FILE, noId).problems.map((p) => p.message)).toEqual([
      '“每餐费用”不是该项目批复的绩效指标：自评只能按批复的指标填报，请不要增加或改名指标行',
    ]);
  });

  it('matches a retitled row by its hidden indicator id, and finds the sheet’s project by its code', () => {
    const { db, clerk } = countyWithSelfEvaluationTarget();
    const template = selfEvaluationTemplate(db, 2020, '101001').bytes;
    expect(XLSX.read(template, { cellStyles: true }).Sheets['LT-1']!['!cols']![13]).toMatchObject({ hidden: true });
    const retitled = fillTemplate(template, 'LT-1', { ...FILLED, 单位餐费: { 三级指标: '每餐费用', 实际完成值: '8.5', 偏差原因分析及改进措施: '食材涨价' } });
    commitTemplateImport(db, clerk, 2020, FILE, retitled);
    const detail = getSelfEvaluation(db, listSelfEvaluations(db, { year: 2020 })[0]!.id!);
    expect(detail.indicators.map((i) => [i.name, i.actual])).toEqual([['受益学生人次', '1000'], ['单位餐费', '8.5'], ['学生营养状况', '达成年度指标']]);

    const book = XLSX.read(retitled);
    book.Sheets['LT-1']!.H3 = { t: 's', v: 'LT-2' };
    const other = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    expect(previewTemplateImport(db, clerk, 2020, FILE, other).problems.map((p) => [p.rowNumber, p.column, p.message])).toEqual([
      [3, '项目编码', '项目编码“LT-2”在 2020 年没有审核通过的项目绩效目标：请核对编码，或确认导入的年度'],
    ]);
  });

  it('prefills the template with a started self-evaluation, reads it back unchanged, and leaves a submitted one alone', () => {
    const { db, clerk, approvedTarget } = countyWithSelfEvaluationTarget();
    const created = createSelfEvaluation(db, clerk, { targetId: approvedTarget });
    const saved = saveSelfEvaluation(db, clerk, entries(created, { goalAchieved: '基本完成', budgetReason: '结转资金下半年才到位' }, { 0: { deviationReason: '两所学校秋季学期才纳入' }, 2: { score: '28' } }));
    const template = selfEvaluationTemplate(db, 2020, '101001');
    const unchanged = previewTemplateImport(db, clerk, 2020, FILE, template.bytes);
    expect([unchanged.problems, unchanged.rows.map((r) => [r.action, r.note])]).toEqual([[], [['unchanged', '与软件中的自评表相同']]]);

    const submitted = transitionSelfEvaluation(db, clerk, { id: saved.id, version: saved.version, action: 'submit' });
    const file = fillTemplate(template.bytes, 'LT-1', FILLED);
    const result = commitTemplateImport(db, clerk, 2020, FILE, file);
    expect([result.written, result.rows.map((r) => [r.action, r.status, r.note])]).toEqual([0, [['unchanged', 'submitted', '自评表已送审，未导入（如需修改，请先撤回）']]]);
    expect(getSelfEvaluation(db, saved.id).version).toBe(submitted.version);
  });
});
