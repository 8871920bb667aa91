// The 一体化 export read back: each table's fields in the documented order (the standard's elements first,
// as monitoringIntegrated.ts cites them), element codes under the names, amounts in 元 with two decimals,
// indicator levels coded from the table, and the 报送日期 on every row.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../db/open';
import { INTEGRATED_DEPARTMENT_TABLES, INTEGRATED_TABLES, indicatorLevelCodes } from '../domain/monitoringIntegrated';
import { runCli } from '../testSupport/cli';
import { countyWithDepartmentTargets, DEPARTMENT_GOAL_PROGRESS, EDUCATION, fillDepartmentSheet, HEALTH } from '../testSupport/departmentMonitoring';
import { tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { filledNutritionSheet } from '../testSupport/monitoringAnnex';
import { integratedWorkbook } from './integrated';
import { createRound } from './rounds';

const tableOf = (bytes: Uint8Array, sheet: string) => XLSX.utils.sheet_to_json<string[]>(XLSX.read(bytes, { type: 'array' }).Sheets[sheet]!, { header: 1, raw: false, defval: '' });
/** The data rows as records by element code (row 2 holds the codes). */
const recordsOf = (table: string[][]) => table.slice(2).map((row) => Object.fromEntries(table[1]!.map((code, i) => [code, row[i]!])));

describe('the 一体化 export', () => {
  it('has one sheet per table, each with its fields in order: Chinese names, then element codes', () => {
    const { db } = filledNutritionSheet();
    const bytes = integratedWorkbook(db, 2020, '2020-09-05');
    expect(XLSX.read(bytes, { type: 'array' }).SheetNames).toEqual(['项目绩效目标', '项目绩效指标', '绩效监控预算执行', '绩效监控指标', '部门整体监控预算执行', '部门整体监控指标']);
    for (const table of [...Object.values(INTEGRATED_TABLES), ...Object.values(INTEGRATED_DEPARTMENT_TABLES)]) {
      const [names, codes] = tableOf(bytes, table.sheet);
      expect(names).toEqual(table.fields.map((f) => f.name));
      expect(codes).toEqual(table.fields.map((f) => f.code));
    }
    // The tables as the province reads them, written out here so a reordered constant is caught: the
    // standard's PM_PERF_GOAL_INFO and PM_PERF_INDICATOR columns first, in their order.
    expect(tableOf(bytes, '项目绩效目标')[1]).toEqual([
      'KPI_PER_ID', 'MOF_DIV_CODE', 'FISCAL_YEAR', 'PRO_CODE', 'KPI_TARGET', 'PRO_NAME', 'AGENCY_CODE', 'AGENCY_NAME', 'DEPT_CODE', 'REPORT_DATE',
      'PRO_KIND', 'PRO_TOTAL_AMT', 'FIN_AMT', 'OTHER_AMT', 'AUDIT_DATE',
    ]);
    expect(tableOf(bytes, '项目绩效指标')[0]).toEqual([
      '项目绩效指标主键', '财政区划代码', '预算年度', '项目代码', '一级指标', '二级指标', '三级指标', '指标内容', '评（扣）分标准', '指标值', '备注',
      '单位代码', '单位名称', '一级绩效指标名称', '二级绩效指标名称', '权重', '报送日期', '指标性质', '计量单位', '指标解释', '设定依据',
    ]);
    expect(tableOf(bytes, '项目绩效指标')[1]!.slice(0, 11)).toEqual(['KPI_ID', 'MOF_DIV_CODE', 'FISCAL_YEAR', 'PRO_CODE', 'KPI_LV1', 'KPI_LV2', 'KPI_LV3', 'KPI_CONTENT', 'KPI_EVALSTD', 'KPI_VAL', 'KPI_REMARK']);
    expect(tableOf(bytes, '绩效监控预算执行')[0]).toEqual([
      '财政区划代码', '预算年度', '项目代码', '单位代码', '单位名称', '报送日期', '监控月份', '年初预算数（元）', '调整后预算数（元）', '1-X月执行数（元）',
      '1-X月执行率（%）', '全年预计执行数（元）', '预计结余（元）', '预算执行预警', '偏差原因', '纠偏措施', '年度总体目标执行情况',
    ]);
  });

  it('writes amounts in 元 with two decimals, the report date, and the sheet’s figures and lights', () => {
    const { db } = filledNutritionSheet();
    const bytes = integratedWorkbook(db, 2020, '2020-09-05');
    const nutrition = recordsOf(tableOf(bytes, '绩效监控预算执行')).find((r) => r.PRO_CODE === 'LT2020-001')!;
    expect(nutrition).toMatchObject({
      MOF_DIV_CODE: '652822',
      FISCAL_YEAR: '2020',
      REPORT_DATE: '2020-09-05',
      AGENCY_CODE: '101001',
      MONITOR_MONTH: '8',
      YEAR_BGT_AMT: '2600000.00',
      ADJ_BGT_AMT: '2900000.00',
      EXE_AMT: '900000.00',
      EXE_RATE: '31.03',
      EST_EXE_AMT: '2700000.00',
      EST_BAL_AMT: '200000.00',
      BGT_LIGHT: '红灯',
      DEV_REASON: '原因：政府采购程序、其他（供餐企业招标延期）',
      MEASURE: '九月完成招标',
    });
    const target = recordsOf(tableOf(bytes, '项目绩效目标')).find((r) => r.PRO_CODE === 'LT2020-001')!;
    expect(target).toMatchObject({ PRO_TOTAL_AMT: '2900000.00', FIN_AMT: '2400000.00', OTHER_AMT: '500000.00', REPORT_DATE: '2020-09-05' });
    const targetId = (sqliteOf(db).prepare("SELECT t.id FROM targets t JOIN projects p ON p.id = t.project_id WHERE p.code = 'LT2020-001'").get() as { id: string }).id;
    expect(target.KPI_PER_ID).toBe(targetId);
  });

  it('codes the three indicator levels from the table, the third unique within its project, and keys each indicator by its own id', () => {
    const { db } = filledNutritionSheet();
    const bytes = integratedWorkbook(db, 2020, '2020-09-05');
    const indicators = recordsOf(tableOf(bytes, '项目绩效指标')).filter((r) => r.PRO_CODE === 'LT2020-001');
    const expected = [
      ['产出指标', '数量指标', '受益学生人次'],
      ['产出指标', '质量指标', '食品安全事故'],
      ['效益指标', '社会效益指标', '学生营养状况'],
    ];
    expect(indicators.map((r) => [r.LV1_PERF_IND_NAME, r.LV2_PERF_IND_NAME, r.KPI_CONTENT])).toEqual(expected);
    expect(indicators.map((r) => [r.KPI_LV1, r.KPI_LV2, r.KPI_LV3])).toEqual(
      expected.map(([level1, level2], seq) => Object.values(indicatorLevelCodes(level1!, level2!, seq + 1))),
    );
    expect(indicators.map((r) => r.KPI_LV3)).toEqual(['0101001', '0102002', '0202003']);
    const stored = sqliteOf(db).prepare("SELECT id, value, unit, operator FROM target_indicators WHERE name = '受益学生人次'").get() as Record<string, string>;
    expect(indicators[0]).toMatchObject({ KPI_ID: stored.id, KPI_VAL: stored.value, KPI_UNIT: stored.unit, KPI_SYMBOL: stored.operator, KPI_REMARK: '' });
    // 500 of ≥1200 人次 in August is 62.5% of the 800 due: 黄灯.
    const monitored = recordsOf(tableOf(bytes, '绩效监控指标')).find((r) => r.KPI_CONTENT === '受益学生人次')!;
    expect(monitored).toMatchObject({ KPI_ID: stored.id, KPI_LV3: '0101001', KPI_TARGET_VAL: '≥1200人次', KPI_EXE_VAL: '500', KPI_POSSIBLE: '有可能', DEV_REASON: '原因：经费保障、其他（供餐企业未确定）', KPI_LIGHT: '黄灯' });
  });

  it('writes each indicator’s 评（扣）分标准 into KPI_EVALSTD', () => {
    const { db } = filledNutritionSheet();
    sqliteOf(db).prepare("UPDATE target_indicators SET scoring_standard = '完成得满分，每少100人次扣1分' WHERE name = '受益学生人次'").run();
    const row = recordsOf(tableOf(integratedWorkbook(db, 2020, '2020-09-05'), '项目绩效指标')).find((r) => r.KPI_CONTENT === '受益学生人次')!;
    expect(row.KPI_EVALSTD).toBe('完成得满分，每少100人次扣1分');
  });

  it('writes each unit’s 部门整体 sheet of every round, oldest first, with its budget parts and indicators', () => {
    const county = countyWithDepartmentTargets();
    const june = createRound(county.db, TEST_ACTOR, { year: 2020, month: 6, deadline: '2020-06-30', scope: 'all' });
    createRound(county.db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
    fillDepartmentSheet(county, june.id, EDUCATION.code);
    const bytes = integratedWorkbook(county.db, 2020, '2020-09-05');
    expect(tableOf(bytes, '部门整体监控预算执行')[0]).toEqual([
      '财政区划代码', '预算年度', '单位代码', '单位名称', '报送日期', '监控月份', '基本支出全年预算数（元）', '基本支出1-X月执行数（元）', '项目支出全年预算数（元）',
      '项目支出1-X月执行数（元）', '全年预算数（元）', '1-X月执行数（元）', '执行率（%）', '预算执行预警', '偏差原因', '纠偏措施', '年度总体目标执行情况', '备注',
    ]);
    const sheets = recordsOf(tableOf(bytes, '部门整体监控预算执行'));
    expect(sheets.map((r) => [r.MONITOR_MONTH, r.AGENCY_CODE])).toEqual([['6', EDUCATION.code], ['6', HEALTH.code], ['8', EDUCATION.code], ['8', HEALTH.code]]);
    // June: 50 of 100 万元 against a time progress of 50% is r = 100% → 绿灯.
    expect(sheets[0]).toMatchObject({
      AGENCY_NAME: EDUCATION.name,
      REPORT_DATE: '2020-09-05',
      BASIC_BGT_AMT: '600000.00',
      BASIC_EXE_AMT: '300000.00',
      PRO_BGT_AMT: '400000.00',
      PRO_EXE_AMT: '200000.00',
      ADJ_BGT_AMT: '1000000.00',
      EXE_AMT: '500000.00',
      EXE_RATE: '50.00',
      BGT_LIGHT: '绿灯',
      DEV_REASON: '原因：政府采购程序',
      MEASURE: '加快采购',
      GOAL_EXE: DEPARTMENT_GOAL_PROGRESS,
      REMARK: '按进度执行',
    });
    expect(sheets[1]).toMatchObject({ EXE_AMT: '0.00', BGT_LIGHT: '未填报' });
    const indicators = recordsOf(tableOf(bytes, '部门整体监控指标'));
    expect(indicators[0]).toMatchObject({ MONITOR_MONTH: '6', AGENCY_CODE: EDUCATION.code, KPI_LV3: '0101001', KPI_CONTENT: '义务教育巩固率', KPI_TARGET_VAL: '≥95%', KPI_EXE_VAL: '96', KPI_EST_VAL: '97', KPI_LIGHT: '绿灯' });
    expect(indicators).toHaveLength(4);
  });

  it('refuses a report date that is not a date', () => {
    const { db } = filledNutritionSheet();
    expect(() => integratedWorkbook(db, 2020, '9月5日')).toThrow('报送日期“9月5日”应为“2020-08-31”这样的日期');
  });

  it('is written by jixiao export integrated, never over an existing file', async () => {
    const store = filledNutritionSheet();
    const out = path.join(tempDir(), '一体化.xlsx');
    const run = await runCli('--db', store.path, 'export', 'integrated', '--year', '2020', '--out', out, '--date', '2020-09-05');
    expect(run.code, run.err).toBe(0);
    expect(recordsOf(tableOf(new Uint8Array(fs.readFileSync(out)), '项目绩效目标'))[0]).toMatchObject({ MOF_DIV_CODE: '652822', FISCAL_YEAR: '2020', REPORT_DATE: '2020-09-05' });
    const again = await runCli('--db', store.path, 'export', 'integrated', '--year', '2020', '--out', out);
    expect([again.code, again.err]).toEqual([1, expect.stringContaining('已存在，未覆盖')]);
  });
});
