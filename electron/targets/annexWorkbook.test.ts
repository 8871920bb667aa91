import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { emptyAnnex } from '../domain/targetAnnex';
import { emptyIndicator } from '../domain/targets';
import { seedCounty } from '../testSupport/county';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { addProject, ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { ROAD_TYPE, seedRoadType } from '../testSupport/roadType';
import { approveSelfEvaluation, approveSheet, continuing } from '../testSupport/lastYear';
import { countyWithSelfEvaluationTarget, WAN } from '../testSupport/selfEvaluation';
import { targetAnnexFile } from './annexWorkbook';
import { saveDepartmentTarget } from './department';
import { projectTarget, saveTarget, transitionTarget } from './targets';

const REVIEWER = { id: null, name: '审核人王五' };

function county() {
  const { db } = countyStore({ colleagues: true });
  seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
  seedRoadType(db);
  return db;
}

/** Every non-empty text of the first sheet, row by row, left to right: the order a reader meets the labels. */
function textsInOrder(bytes: Uint8Array): string[] {
  const book = XLSX.read(bytes, { type: 'array' });
  const grid = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, defval: null });
  return grid.flatMap((row) => row.filter((v) => v !== null && v !== '').map(String));
}

/** `expected` appear in `texts` in this order (other texts may come between). */
function inOrder(texts: readonly string[], expected: readonly string[]): string[] {
  let at = 0;
  const missing: string[] = [];
  for (const label of expected) {
    const found = texts.indexOf(label, at);
    if (found < 0) missing.push(label);
    else at = found + 1;
  }
  return missing;
}

describe('a project target as 88号 annex 1 in xlsx', () => {
  function approvedContinuingTarget() {
    const db = county();
    const project = addProject(db, { projectTypeCode: ROAD_TYPE, attribute: '延续', startDate: '2019-03-01', endDate: '2021-12-31' });
    const started = projectTarget(db, project.id);
    const saved = saveTarget(db, TEST_ACTOR, {
      projectId: project.id,
      version: null,
      overallGoal: '本年完成 12 公里农村公路硬化',
      annualGoals: [],
      indicators: started.indicators.map((i) => (i.libraryCode === 'L001' ? { ...i, value: '12', scoringStandard: '每少 1 公里扣 2 分' } : i)),
      annex: {
        ...emptyAnnex(),
        midtermGoal: '三年新建农村公路 36 公里',
        midtermIndicators: [{ ...started.indicators[0]!, value: '36' }, { ...emptyIndicator('效益指标', '可持续影响指标'), name: '道路使用年限', operator: '≥', value: '10', unit: '年' }],
        midtermFunds: { fiscalFen: 300 * WAN, otherFen: 60 * WAN },
        projectBasis: '《轮台县农村公路建设三年行动方案》',
        schedule: [{ period: '2020年3—5月', work: '完成招标' }],
        contactPerson: '李四',
        contactPhone: '13912345678',
      },
    });
    const submitted = transitionTarget(db, TEST_ACTOR, { id: saved.id!, version: saved.version!, action: 'submit' });
    transitionTarget(db, REVIEWER, { id: submitted.id, version: submitted.version, action: 'approve', grade: '良', opinion: '满意度目标值调为 95%' });
    return { db, targetId: saved.id! };
  }

  it('finds every label and column of the annex in order, with the figures', () => {
    const { db, targetId } = approvedContinuingTarget();
    const { fileName, bytes } = targetAnnexFile(db, targetId);
    expect(fileName).toBe('2020年度项目支出绩效目标申报表-XM2020001.xlsx');
    const texts = textsInOrder(bytes);
    expect(
      inOrder(texts, [
        '项目支出绩效目标申报表',
        '（2020年度）',
        '项目名称',
        '主管部门',
        '实施单位',
        '项目属性',
        '延续',
        '项目期',
        '2019-03-01 至 2021-12-31（3 年）',
        '项目资金（万元）',
        '中期资金总额',
        '360',
        '年度资金总额',
        '120',
        '其中：财政拨款',
        '300',
        '其中：财政拨款',
        '120',
        '其他资金',
        '60',
        '其他资金',
        '0',
        '总体目标',
        '中期目标',
        '年度目标',
        '三年新建农村公路 36 公里',
        '本年完成 12 公里农村公路硬化',
        '绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '中期指标值',
        '年度指标值',
        '评（扣）分标准',
        '新建（改建）农村道路里程',
        '≥36公里',
        '≥12公里',
        '每少 1 公里扣 2 分',
        '道路使用年限',
        '≥10年',
        '立项依据',
        '《轮台县农村公路建设三年行动方案》',
        '实施进度计划',
        '时间段',
        '工作内容',
        '2020年3—5月',
        '完成招标',
        '联系人',
        '李四',
        '联系电话',
        '13912345678',
        '主管部门审核意见',
        '财政部门审核意见',
      ]),
    ).toEqual([]);
    const bureau = texts[texts.indexOf('财政部门审核意见') + 1]!;
    expect(bureau).toMatch(/^满意度目标值调为 95%（审核通过，审核等级：良；审核人：审核人王五；日期：\d{4}-\d{2}-\d{2}）$/);
    expect(texts[texts.indexOf('主管部门审核意见') + 1]).toBe('（未经主管部门审核）');
  });

  it('merges the annex’s headers and sets a print area', () => {
    const { db, targetId } = approvedContinuingTarget();
    const book = XLSX.read(targetAnnexFile(db, targetId).bytes, { type: 'array', cellStyles: true });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    // Title and year line across all seven columns; 项目名称's value across six.
    expect(sheet['!merges']).toEqual(expect.arrayContaining([{ s: { r: 0, c: 0 }, e: { r: 0, c: 6 } }, { s: { r: 2, c: 1 }, e: { r: 2, c: 6 } }]));
    expect(sheet['!cols']).toHaveLength(7);
    expect(book.Workbook?.Names?.[0]).toMatchObject({ Name: '_xlnm.Print_Area', Sheet: 0 });
  });
});

describe('a continuing project’s annex 1 in xlsx', () => {
  /** 2020's LT-1 continued into 2021 with one indicator carried on (raised to 1300 人次), one changed, one new. */
  function continuedTarget() {
    const c = countyWithSelfEvaluationTarget();
    const project = continuing(c.db);
    const quantity = emptyIndicator('产出指标', '数量指标');
    const saved = saveTarget(c.db, TEST_ACTOR, {
      projectId: project.id,
      version: null,
      overallGoal: '继续改善学生营养状况',
      annualGoals: [],
      indicators: [
        { ...quantity, name: '受益学生人次', operator: '≥', value: '1300', unit: '人次', scoringStandard: '按比例扣分' },
        { ...emptyIndicator('产出指标', '成本指标'), name: '单位餐费', operator: '≤', value: '8', unit: '元/生·餐' },
        { ...quantity, name: '新增供餐学校', operator: '≥', value: '2', unit: '所' },
      ],
    });
    return { ...c, targetId: saved.id! };
  }

  /** The rows of the first sheet as Excel shows them, and the texts of the row that names `label`. */
  function sheetOf(bytes: Uint8Array) {
    const book = XLSX.read(bytes, { type: 'array', cellStyles: true });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' });
    return { sheet, rows, row: (label: string) => rows.find((r) => r.includes(label))! };
  }

  it('prints 上年指标值 and 上年实际值 beside 年度指标值, the actuals from last year’s approved self-evaluation', () => {
    const c = continuedTarget();
    approveSelfEvaluation(c);
    const { sheet, rows, row } = sheetOf(targetAnnexFile(c.db, c.targetId).bytes);
    expect(row('三级指标')).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '中期指标值', '年度指标值', '上年指标值', '上年实际值', '评（扣）分标准']);
    expect(row('受益学生人次')).toEqual(['', '产出指标', '数量指标', '受益学生人次', '', '≥1300人次', '≥1200人次', '1150', '按比例扣分']);
    expect(row('单位餐费').slice(5, 8)).toEqual(['≤8元/生·餐', '≤8元/生·餐', '7.5']);
    // An indicator last year did not have shows the dash the form shows.
    expect(row('新增供餐学校').slice(5, 8)).toEqual(['≥2所', '—', '—']);
    // The rest of the annex spans the two columns more: title, 项目名称's value, the bureau's opinion.
    expect(sheet['!cols']).toHaveLength(9);
    expect(sheet['!merges']).toEqual(expect.arrayContaining([{ s: { r: 0, c: 0 }, e: { r: 0, c: 8 } }, { s: { r: 2, c: 1 }, e: { r: 2, c: 8 } }]));
    const opinion = rows.findIndex((r) => r[0] === '财政部门审核意见');
    expect(sheet['!merges']).toEqual(expect.arrayContaining([{ s: { r: opinion, c: 1 }, e: { r: opinion, c: 8 } }]));
  });

  it('heads the actual 上年实际值（监控至8月） while last year’s values come from its approved August sheet', () => {
    const c = continuedTarget();
    approveSheet(c.db, c.clerk, c.reviewer, 8);
    const { row } = sheetOf(targetAnnexFile(c.db, c.targetId).bytes);
    expect(row('三级指标').slice(6, 8)).toEqual(['上年指标值', '上年实际值（监控至8月）']);
    expect(row('受益学生人次').slice(6, 8)).toEqual(['≥1200人次', '700']);
  });

  it('prints no 上年 columns for a 新增 project reusing the code', () => {
    const c = countyWithSelfEvaluationTarget();
    approveSelfEvaluation(c);
    const project = continuing(c.db, { attribute: '新增' });
    const saved = saveTarget(c.db, TEST_ACTOR, { projectId: project.id, version: null, overallGoal: '改善营养', annualGoals: [], indicators: [{ ...emptyIndicator('产出指标', '数量指标'), name: '受益学生人次', operator: '≥', value: '1300', unit: '人次' }] });
    const { sheet, rows } = sheetOf(targetAnnexFile(c.db, saved.id!).bytes);
    expect(sheet['!cols']).toHaveLength(7);
    expect(rows.flat()).not.toContain('上年指标值');
  });
});

describe('a department-wide target as 88号 annex 2 in xlsx', () => {
  it('finds the 年度主要任务 table with 任务名称, 主要内容 and 总额 / 财政拨款 / 其他资金 in order, and the totals', () => {
    const db = county();
    addProject(db, { code: 'XM001', funds: [{ source: '本级财政拨款', initialFen: 100 * WAN, additionFen: 0, cutFen: 0 }] });
    const saved = saveDepartmentTarget(db, TEST_ACTOR, {
      year: 2020,
      unitCode: '301001',
      version: null,
      basicFen: 200 * WAN,
      projectFen: 100 * WAN,
      fiscalFen: 280 * WAN,
      otherFen: 20 * WAN,
      functions: '负责全县公路建设',
      overallGoal: '保障农村公路畅通',
      annualGoals: [],
      tasks: [
        { function: '机构运转', task: '保障机关正常运转', content: '人员工资和公用经费', projectCodes: [], amountFen: 200 * WAN, fiscalFen: 180 * WAN, otherFen: 20 * WAN },
        { function: '公路建设', task: '农村公路硬化', content: '硬化通村公路 12 公里', projectCodes: ['XM001'], amountFen: 100 * WAN, fiscalFen: null, otherFen: null },
      ],
      indicators: [{ ...emptyIndicator('产出指标', '数量指标'), name: '养护农村公路', operator: '≥', value: '300', unit: '公里' }],
    });
    const { fileName, bytes } = targetAnnexFile(db, saved.id!);
    expect(fileName).toBe('2020年度部门整体支出绩效目标申报表-301001.xlsx');
    const texts = textsInOrder(bytes);
    expect(
      inOrder(texts, [
        '部门整体支出绩效目标申报表',
        '（2020年度）',
        '部门（单位）名称',
        '轮台县交通运输局',
        '年度预算（万元）',
        '基本支出',
        '200',
        '项目支出',
        '100',
        '300',
        '年度主要任务',
        '任务名称',
        '主要内容',
        '预算金额（万元）',
        '总额',
        '财政拨款',
        '其他资金',
        '保障机关正常运转',
        '人员工资和公用经费',
        '200',
        '180',
        '20',
        '农村公路硬化',
        '硬化通村公路 12 公里',
        '100',
        '100',
        '0',
        '金额合计',
        '300',
        '280',
        '20',
        '年度总体目标',
        '保障农村公路畅通',
        '年度绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '指标值',
        '养护农村公路',
        '≥300公里',
        '主管部门审核意见',
        '财政部门审核意见',
      ]),
    ).toEqual([]);
  });
});
