import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../db/open';
import { listAudit } from '../audit/audit';
import { luntaiApprovedTargets } from '../testSupport/approvedTargets';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { commitMonitoringImport, previewMonitoringImport } from './excel';
import { createRound } from './rounds';
import { getSheet, listSheets, saveSheet, transitionSheet } from './sheets';
import { monitoringWorkbook } from './workbook';

const WAN = 1_000_000;

function workbook(sheets: Record<string, (string | number)[][]>): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
}

function augustRound() {
  const { db } = countyStore();
  luntaiApprovedTargets(db, 2020);
  const round = createRound(db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
  const sheetOf = (code: string) => getSheet(db, listSheets(db, round.id).find((s) => s.projectCode === code)!.id);
  return { db, round, sheetOf };
}

/** The budget system's export: a title row, then one row per project and fund source. */
const BUDGET_SYSTEM_EXPORT = workbook({
  执行情况: [
    ['2020年1-8月项目支出执行情况'],
    ['项目编码', '项目名称', '资金来源', '1-8月执行数（万元）'],
    ['LT2020-001', '学生营养改善计划', '本级财政拨款', '150.5'],
    ['LT2020-001', '学生营养改善计划', '上级补助（自治区）', 20],
    ['LT2020-002', '校舍维修改造', '', '128'],
    ['LT2020-005', '教师培训', '本级财政拨款', '10'],
    ['XX-999', '不明项目', '本级财政拨款', '5'],
    ['LT2020-004', '基本公共卫生服务', '', '-3'],
    ['LT2020-003', '乡村医生补助', '单位资金', '12'],
  ],
});

describe('importing the budget system’s execution figures (三流合一)', () => {
  it('previews per row: which rows fill which sheet, the unknown project codes, and the bad rows; nothing is written', () => {
    const { db, round, sheetOf } = augustRound();
    const preview = previewMonitoringImport(db, round.id, 'execution', '执行.xlsx', BUDGET_SYSTEM_EXPORT);
    expect(preview.rows.map((r) => [r.rowNumber, r.projectCode, r.item, r.action])).toEqual([
      [3, 'LT2020-001', '本级财政拨款', 'update'],
      [4, 'LT2020-001', '上级补助（自治区）', 'update'],
      [5, 'LT2020-002', '本级财政拨款', 'update'],
      [6, 'LT2020-005', '本级财政拨款', 'error'],
      [7, 'XX-999', '本级财政拨款', 'error'],
      [8, 'LT2020-004', '本级财政拨款', 'error'],
      [9, 'LT2020-003', '单位资金', 'error'],
    ]);
    expect(preview.counts).toEqual({ create: 0, update: 3, unchanged: 0, error: 4 });
    expect(preview.unknownCodes).toEqual(['LT2020-005', 'XX-999']);
    expect(preview.sheets).toBe(2);
    expect(preview.problems).toEqual([
      { rowNumber: 6, sheet: '预算执行', column: '项目编码', message: '项目 LT2020-005 不在本轮监控范围内（其绩效目标未批复或未选入本轮）' },
      { rowNumber: 7, sheet: '预算执行', column: '项目编码', message: '项目编码 XX-999 在 2020 年项目库中不存在，请核对预算系统的项目编码' },
      { rowNumber: 8, sheet: '预算执行', column: '执行数（万元）', message: '金额不能为负数' },
      { rowNumber: 9, sheet: '预算执行', column: '资金来源', message: '该项目没有“单位资金”资金来源（本轮为：上级补助（中央））' },
    ]);
    expect(sheetOf('LT2020-001').funds.map((f) => f.executedFen)).toEqual([0, 0]);
  });

  it('refuses 超支 rows naming both figures, suggests a 元/万元 mix-up near 10,000×, and still imports the good rows', () => {
    const { db, round, sheetOf } = augustRound();
    const file = workbook({
      执行情况: [
        ['项目编码', '项目名称', '资金来源', '调整后预算（万元）', '执行数（万元）'],
        ['LT2020-002', '校舍维修改造', '', '282.04', '99999'],
        ['LT2020-003', '乡村医生补助', '', '', '800000'],
        ['LT2020-004', '基本公共卫生服务', '', '', '120'],
      ],
    });
    const result = commitMonitoringImport(db, TEST_ACTOR, round.id, 'execution', '执行.xlsx', file);
    expect(result.problems).toEqual([
      { rowNumber: 2, sheet: '预算执行', column: '执行数（万元）', message: '执行数 99,999.0000 万元 超过调整后预算 282.0400 万元，请核对执行数' },
      {
        rowNumber: 3,
        sheet: '预算执行',
        column: '执行数（万元）',
        message: '执行数 800,000.0000 万元 超过调整后预算 80.0000 万元，疑似把“元”当作“万元”填写，请按万元填写',
      },
    ]);
    expect(result).toMatchObject({ written: 1, counts: { update: 1, unchanged: 0, error: 2 } });
    expect(sheetOf('LT2020-002').funds[0]).toMatchObject({ adjustedFen: 240 * WAN, executedFen: 0 });
    expect(sheetOf('LT2020-003').funds[0]!.executedFen).toBe(0);
    expect(sheetOf('LT2020-004').figures).toMatchObject({ executedFen: 120 * WAN, overspent: false, budgetLight: 'green' });
  });

  it('fills execution by project code and source, lights included, and audits every sheet it changed', () => {
    const { db, round, sheetOf } = augustRound();
    const before = sheetOf('LT2020-002');
    const result = commitMonitoringImport(db, TEST_ACTOR, round.id, 'execution', '执行.xlsx', BUDGET_SYSTEM_EXPORT);
    expect(result).toMatchObject({ written: 3, sheets: 2, unknownCodes: ['LT2020-005', 'XX-999'] });
    expect(sheetOf('LT2020-001').funds.map(({ source, adjustedFen, executedFen }) => ({ source, adjustedFen, executedFen }))).toEqual([
      { source: '本级财政拨款', adjustedFen: 240 * WAN, executedFen: 150.5 * WAN },
      { source: '上级补助（自治区）', adjustedFen: 50 * WAN, executedFen: 20 * WAN },
    ]);
    const school = sheetOf('LT2020-002');
    expect(school.version).toBe(before.version + 1);
    expect(school.figures).toMatchObject({ executionRate: '53.33', budgetLight: 'green' });
    expect(sheetOf('LT2020-003').funds[0]!.executedFen).toBe(0);
    expect(school.history[0]).toMatchObject({ action: 'Excel 导入预算执行数', operatorName: '测试员' });
    const [roundEntry] = listAudit(db, { entity: 'monitoring-round', limit: 1 });
    expect(JSON.parse(roundEntry!.after!)).toMatchObject({ fileName: '执行.xlsx', updated: ['LT2020-001', 'LT2020-002'], unknownCodes: ['LT2020-005', 'XX-999'] });
  });

  it('says the second import of the same file changes nothing, and writes nothing, not even to the audit log', () => {
    const { db, round } = augustRound();
    commitMonitoringImport(db, TEST_ACTOR, round.id, 'execution', '执行.xlsx', BUDGET_SYSTEM_EXPORT);
    const sqlite = sqliteOf(db);
    const state = () => sqlite.prepare('SELECT (SELECT total_changes()) AS changes, (SELECT count(*) FROM audit_log) AS audits, (SELECT group_concat(version) FROM monitoring_sheets) AS versions').get();
    const before = state();
    const again = commitMonitoringImport(db, TEST_ACTOR, round.id, 'execution', '执行.xlsx', BUDGET_SYSTEM_EXPORT);
    expect(again).toMatchObject({ written: 0, sheets: 0, counts: { update: 0, unchanged: 3, error: 4 } });
    expect(state()).toEqual(before);
  });

  it('writes only the fund rows whose figures changed', () => {
    const { db, round, sheetOf } = augustRound();
    commitMonitoringImport(db, TEST_ACTOR, round.id, 'execution', '执行.xlsx', BUDGET_SYSTEM_EXPORT);
    const sqlite = sqliteOf(db);
    sqlite.exec(`CREATE TEMP TABLE fund_writes (sheet_id TEXT, source TEXT);
      CREATE TEMP TRIGGER fund_written AFTER UPDATE ON monitoring_funds BEGIN INSERT INTO fund_writes VALUES (NEW.sheet_id, NEW.source); END;`);
    const later = workbook({
      执行情况: [
        ['项目编码', '资金来源', '执行数（万元）'],
        ['LT2020-001', '本级财政拨款', '150.5'],
        ['LT2020-001', '上级补助（自治区）', '30'],
        ['LT2020-002', '', '128'],
      ],
    });
    const result = commitMonitoringImport(db, TEST_ACTOR, round.id, 'execution', '执行（9月）.xlsx', later);
    expect(result).toMatchObject({ written: 1, sheets: 1 });
    expect(sqlite.prepare('SELECT source FROM fund_writes').all()).toEqual([{ source: '上级补助（自治区）' }]);
    expect(sheetOf('LT2020-001').funds.map((f) => f.executedFen)).toEqual([150.5 * WAN, 30 * WAN]);
  });

  it('asks for the source when a project has several, and takes the adjusted budget when the file has it', () => {
    const { db, round, sheetOf } = augustRound();
    const file = workbook({
      Sheet1: [
        ['项目编码', '调整后预算（万元）', '执行数（万元）'],
        ['LT2020-001', '', '100'],
        ['LT2020-003', '90', '45.123456'],
        ['LT2020-003', '', '1'],
      ],
    });
    const result = commitMonitoringImport(db, TEST_ACTOR, round.id, 'execution', 'a.xlsx', file);
    expect(result.problems.map((p) => [p.rowNumber, p.message])).toEqual([
      [2, '该项目有 2 个资金来源（本级财政拨款、上级补助（自治区）），请填写资金来源'],
      [4, '与第 3 行重复（同一项目、同一资金来源）'],
    ]);
    expect(sheetOf('LT2020-003').funds).toMatchObject([{ source: '上级补助（中央）', adjustedFen: 90 * WAN, executedFen: 45_123_456, forecastFen: null }]);
  });

  it('never changes a sheet already submitted, and says so on its row', () => {
    const { db, round, sheetOf } = augustRound();
    const school = sheetOf('LT2020-002');
    const filled = saveSheet(db, TEST_ACTOR, {
      sheetId: school.id,
      version: school.version,
      analysis: '',
      budget: { reasons: [], reasonOther: '', measures: '' },
      funds: [{ source: '本级财政拨款', adjustedFen: 240 * WAN, executedFen: 200 * WAN }],
      indicators: school.indicators.map((i) => ({ ...i, reached: i.seq === 1 ? '2500' : '700', likelihood: '确定能' })),
    });
    transitionSheet(db, TEST_ACTOR, { sheetId: school.id, version: filled.version, action: 'submit' });
    const result = commitMonitoringImport(db, TEST_ACTOR, round.id, 'execution', '执行.xlsx', BUDGET_SYSTEM_EXPORT);
    expect(result.problems.find((p) => p.rowNumber === 5)!.message).toBe('“校舍维修改造”的监控表当前为“已送审”，不能导入；如需修改请先撤回或退回');
    expect(sheetOf('LT2020-002').funds[0]!.executedFen).toBe(200 * WAN);
  });

  it('refuses a file without the project code and execution columns, naming them', () => {
    const { db, round } = augustRound();
    const file = workbook({ Sheet1: [['编码', '金额'], ['LT2020-001', '1']] });
    expect(() => previewMonitoringImport(db, round.id, 'execution', 'x.xlsx', file)).toThrow(/缺少“项目编码”“执行数（万元）”列/);
  });
});

/** Reads a workbook the app wrote, the way a person sees it in Excel. */
function sheetsOf(bytes: Uint8Array): Record<string, string[][]> {
  const book = XLSX.read(bytes, { type: 'array' });
  return Object.fromEntries(
    book.SheetNames.map((name) => [name, XLSX.utils.sheet_to_json<string[]>(book.Sheets[name]!, { header: 1, raw: false, defval: '' })]),
  );
}

describe('the units’ Excel monitoring template', () => {
  it('is pre-filled per unit with its projects, fund sources and approved indicators', () => {
    const { db, round } = augustRound();
    const sheets = sheetsOf(monitoringWorkbook(db, round.id, '101001'));
    expect(Object.keys(sheets)).toEqual(['预算执行', '指标完成情况', '项目情况', '填写说明']);
    expect(sheets['预算执行']).toEqual([
      ['项目编码', '项目名称', '资金来源', '调整后预算（万元）', '执行数（万元）', '全年预计执行数（万元）'],
      ['LT2020-001', '学生营养改善计划', '本级财政拨款', '240.0000', '0.0000', ''],
      ['LT2020-001', '学生营养改善计划', '上级补助（自治区）', '50.0000', '0.0000', ''],
    ]);
    expect(sheets['项目情况']![0]).toEqual(['项目编码', '项目名称', '预算执行偏差原因', '预算执行其他原因说明', '预算执行纠偏措施', '年度总体目标执行情况', '备注', '情况分析']);
    expect(sheets['指标完成情况']!.map((r) => r.slice(0, 7))).toEqual([
      ['项目编码', '项目名称', '指标序号', '一级指标', '二级指标', '三级指标', '指标值'],
      ['LT2020-001', '学生营养改善计划', '1', '产出指标', '数量指标', '受益学生人次', '≥1200人次'],
      ['LT2020-001', '学生营养改善计划', '2', '产出指标', '质量指标', '食品安全事故', '=0起'],
      ['LT2020-001', '学生营养改善计划', '3', '效益指标', '社会效益指标', '学生营养状况', '明显改善'],
    ]);
    expect(sheetsOf(monitoringWorkbook(db, round.id))['项目情况']!.length).toBe(5);
  });

  it('comes back filled: execution and forecast, indicator progress with reasons, the goal’s progress, remarks and analysis, with bad cells reported', () => {
    const { db, round, sheetOf } = augustRound();
    const filled = sheetsOf(monitoringWorkbook(db, round.id, '101001'));
    filled['预算执行']![1]!.splice(4, 2, '80', '200');
    filled['预算执行']![2]!.splice(4, 2, '10', '60');
    const indicators = filled['指标完成情况']!;
    // The template says how each indicator is judged: 受益学生人次 builds up (累计型), the 质量指标 食品安全事故
    // is a level (状态型), 营养状况 is 定性.
    expect(indicators.map((r) => r[7])).toEqual(['累计方式', '累计型', '状态型', '']);
    indicators[1]!.splice(8, 6, '300', '1000', '有可能', '经费保障、其他', '物价上涨', '调整采购方式');
    indicators[2]!.splice(8, 6, '0', '0', '确定能', '', '', '');
    indicators[3]!.splice(8, 6, '很好', '', '大概', '天气', '', '');
    filled['项目情况']![1]!.splice(2, 6, '政府采购程序、合同约定暂未支付', '', '加快拨付', '已完成上半年配餐任务', '秋季学期集中支付', '上半年受疫情影响');
    const result = commitMonitoringImport(db, TEST_ACTOR, round.id, 'template', '教育局.xlsx', workbook(filled));
    expect(result.problems).toEqual([
      { rowNumber: 3, sheet: '预算执行', column: '全年预计执行数（万元）', message: '全年预计执行数 60.0000 万元 超过调整后预算 50.0000 万元：预计执行不能超过预算，确需追加的请先办理预算调整' },
      { rowNumber: 4, sheet: '指标完成情况', column: '偏差原因', message: '偏差原因“天气”应为：经费保障、制度保障、人员保障、硬件条件保障、其他' },
      { rowNumber: 4, sheet: '指标完成情况', column: '完成值', message: '定性指标的完成值应为：达成目标、部分达成并具有一定效果、未达成且效果较差' },
      { rowNumber: 4, sheet: '指标完成情况', column: '完成目标可能性', message: '应为：确定能、有可能、完全不可能' },
    ]);
    expect(result).toMatchObject({ sheets: 1, counts: { update: 4, unchanged: 0, error: 2 } });
    const nutrition = sheetOf('LT2020-001');
    // The row with the forecast above its budget is skipped whole; the good one is kept.
    expect(nutrition.funds.map((f) => [f.executedFen, f.forecastFen])).toEqual([[80 * WAN, 200 * WAN], [0, null]]);
    expect(nutrition.indicators[0]).toMatchObject({ reached: '300', expectedFullYear: '1000', likelihood: '有可能', reasons: ['经费保障', '其他'], reasonOther: '物价上涨', measures: '调整采购方式' });
    expect(nutrition.indicators[2]!.reached).toBe('');
    expect(nutrition).toMatchObject({
      analysis: '上半年受疫情影响',
      budget: { reasons: ['政府采购程序', '合同约定暂未支付'], measures: '加快拨付' },
      goalProgress: '已完成上半年配餐任务',
      remarks: '秋季学期集中支付',
    });
    // 80 of 290 万元 in August is r ≈ 41.4%: red; 300 of 1200 × 8/12 is 37.5%: red.
    expect(nutrition.figures).toMatchObject({ budgetLight: 'red', projectLight: 'red' });
  });

  it('refuses a template whose indicator numbers were changed', () => {
    const { db, round } = augustRound();
    const filled = sheetsOf(monitoringWorkbook(db, round.id, '101002'));
    filled['指标完成情况']![1]![2] = '9';
    const preview = previewMonitoringImport(db, round.id, 'template', 'x.xlsx', workbook(filled));
    expect(preview.problems).toEqual([{ rowNumber: 2, sheet: '指标完成情况', column: '指标序号', message: '该项目没有第 9 个指标，请不要修改模板中的指标序号' }]);
  });
});
