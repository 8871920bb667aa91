// 部门整体绩效监控: a round opens a sheet per unit with an approved department-wide target, refuses an
// executed amount above either budget part, lights it by the project sheets' rules, and is submitted by
// one operator and decided by another.
import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../db/open';
import { createOperator } from '../registry/operators';
import { seedCounty } from '../testSupport/county';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { getDepartmentSheet, listDepartmentSheets, saveDepartmentSheet, transitionDepartmentSheet, type DepartmentSheetDetail } from './departmentSheets';
import { roundReport } from './report';
import { createRound, getRound, listRounds } from './rounds';
import { getSheet, listSheets, saveSheet } from './sheets';

const WAN = 1_000_000;
const none = { reasons: [], reasonOther: '', measures: '' };

function countyWithDepartmentTargets() {
  const store = countyStore({ colleagues: true });
  const { db } = store;
  seedCounty(db, {
    units: [
      { code: '101001', name: '轮台县教育局' },
      { code: '201001', name: '轮台县卫生健康委员会' },
    ],
    projects: [{ code: 'LT-1', name: '校舍维修', unitCode: '101001', funds: [{ source: '本级财政拨款', initialFen: 40 * WAN }] }],
    targets: [
      { project: 'LT-1', status: 'approved', indicators: [{ name: '维修校舍', operator: '≥', value: '10', unit: '所' }] },
      {
        department: '101001',
        status: 'approved',
        fiscalFen: 100 * WAN,
        otherFen: 0,
        tasks: [{ task: '义务教育保障', projectCodes: ['LT-1'], amountFen: 100 * WAN }],
        indicators: [
          { name: '义务教育巩固率', operator: '≥', value: '95', unit: '%' },
          { name: '家长满意度', operator: '定性', value: '满意', level1: '满意度指标', level2: '服务对象满意度指标' },
        ],
      },
      { department: '201001', status: 'submitted', fiscalFen: 50 * WAN, otherFen: 0, tasks: [] },
    ],
  });
  sqliteOf(db).prepare("UPDATE targets SET basic_fen = ?, project_fen = ? WHERE kind = 'department' AND owner_code = '101001'").run(60 * WAN, 40 * WAN);
  const round = createRound(db, TEST_ACTOR, { year: 2020, month: 6, deadline: '2020-06-30', scope: 'all' });
  return { db, round };
}

const filled = (sheet: DepartmentSheetDetail, basicExecutedFen: number, projectExecutedFen: number) => ({
  sheetId: sheet.id,
  version: sheet.version,
  basicExecutedFen,
  projectExecutedFen,
  budget: none,
  remarks: '',
  indicators: sheet.indicators.map((i) => ({ indicatorId: i.indicatorId, reached: i.operator === '定性' ? '达成目标' : '96', expectedFullYear: '', likelihood: '确定能', ...none })),
});

describe('department-wide monitoring sheets', () => {
  it('opens one sheet per unit with an approved department target, with its budget split and its indicators', () => {
    const { db, round } = countyWithDepartmentTargets();
    const rows = listDepartmentSheets(db, round.id);
    expect(rows.map((r) => [r.unitCode, r.unitName, r.basicBudgetFen, r.projectBudgetFen, r.adjustedFen, r.status, r.budgetLight])).toEqual([
      ['101001', '轮台县教育局', 60 * WAN, 40 * WAN, 100 * WAN, 'draft', 'none'],
    ]);
    const sheet = getDepartmentSheet(db, rows[0]!.id);
    expect(sheet.indicators.map((i) => [i.name, i.operator, i.target, i.accrual])).toEqual([
      ['义务教育巩固率', '≥', '95', 'level'],
      ['家长满意度', '定性', '满意', 'level'],
    ]);
  });

  it('offers the executed 项目支出 of the unit’s project sheets in the round', () => {
    const { db, round } = countyWithDepartmentTargets();
    const project = getSheet(db, listSheets(db, round.id)[0]!.id);
    saveSheet(db, TEST_ACTOR, {
      sheetId: project.id,
      version: project.version,
      analysis: '',
      budget: none,
      funds: project.funds.map((f) => ({ ...f, executedFen: 15 * WAN })),
      indicators: [],
    });
    expect(getDepartmentSheet(db, listDepartmentSheets(db, round.id)[0]!.id).projectSheetsExecutedFen).toBe(15 * WAN);
  });

  it('reports 年度总体目标执行情况 beside the target’s annual goal, kept by a save that does not send it', () => {
    const { db, round } = countyWithDepartmentTargets();
    sqliteOf(db).prepare("UPDATE targets SET annual_goals = ? WHERE kind = 'department' AND owner_code = '101001'").run(JSON.stringify(['巩固义务教育成果', '提升教学质量']));
    const sheet = getDepartmentSheet(db, listDepartmentSheets(db, round.id)[0]!.id);
    expect(sheet).toMatchObject({ goal: '巩固义务教育成果\n提升教学质量', goalProgress: '' });
    const saved = saveDepartmentSheet(db, TEST_ACTOR, { ...filled(sheet, 10 * WAN, 0), goalProgress: '  上半年巩固率 96%，质量监测已完成  ' });
    expect(saved.goalProgress).toBe('上半年巩固率 96%，质量监测已完成');
    expect(saveDepartmentSheet(db, TEST_ACTOR, filled(saved, 20 * WAN, 0)).goalProgress).toBe('上半年巩固率 96%，质量监测已完成');
  });

  it('refuses an executed amount above a budget part, or an indicator not of the unit, and writes nothing', () => {
    const { db, round } = countyWithDepartmentTargets();
    const sheet = getDepartmentSheet(db, listDepartmentSheets(db, round.id)[0]!.id);
    expect(() => saveDepartmentSheet(db, TEST_ACTOR, filled(sheet, 61 * WAN, 0))).toThrow(/“基本支出”.*超支不能保存/);
    const stranger = { indicatorId: 'not-this-units', reached: '1', expectedFullYear: '', likelihood: '确定能' as const, ...none };
    expect(() => saveDepartmentSheet(db, TEST_ACTOR, { ...filled(sheet, 10 * WAN, 0), indicators: [stranger] })).toThrow('填报的指标不属于该单位部门整体批复的绩效目标');
    expect(getDepartmentSheet(db, sheet.id)).toMatchObject({ version: sheet.version, basicExecutedFen: 0 });
  });

  it('lights the whole budget by execution against time progress and each indicator by its own rule', () => {
    const { db, round } = countyWithDepartmentTargets();
    const sheet = getDepartmentSheet(db, listDepartmentSheets(db, round.id)[0]!.id);
    // Month 6: time progress 50%; 30 of 100 executed is r = 60% → yellow, which asks for reasons and measures.
    const slow = saveDepartmentSheet(db, TEST_ACTOR, filled(sheet, 20 * WAN, 10 * WAN));
    expect(slow.figures).toMatchObject({ executedFen: 30 * WAN, executionRate: '30.00', budgetLight: 'yellow', projectLight: 'green' });
    expect(slow.problems).toEqual(['预算执行：请选择偏差原因', '预算执行：请填写纠偏措施']);
    // 40 of 100 is r = 80% exactly → green.
    const onTime = saveDepartmentSheet(db, TEST_ACTOR, filled(slow, 25 * WAN, 15 * WAN));
    expect(onTime.figures).toMatchObject({ executionRate: '40.00', budgetLight: 'green' });
    expect(onTime.problems).toEqual([]);
    expect(listDepartmentSheets(db, round.id)[0]).toMatchObject({ executedFen: 40 * WAN, budgetLight: 'green' });
  });

  it('is submitted by one operator and approved only by another', () => {
    const { db, round } = countyWithDepartmentTargets();
    const clerk = createOperator(db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null });
    const reviewer = createOperator(db, TEST_ACTOR, { name: '赵审核', role: 'reviewer', password: null });
    const sheet = getDepartmentSheet(db, listDepartmentSheets(db, round.id)[0]!.id);
    expect(() => transitionDepartmentSheet(db, clerk, { sheetId: sheet.id, version: sheet.version, action: 'submit' })).toThrow(/还不能送审，请先补充：指标“义务教育巩固率”：请填写完成值/);
    const saved = saveDepartmentSheet(db, clerk, filled(sheet, 25 * WAN, 15 * WAN));
    const submitted = transitionDepartmentSheet(db, clerk, { sheetId: saved.id, version: saved.version, action: 'submit' });
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: clerk.id });
    expect(() => saveDepartmentSheet(db, clerk, filled(submitted, 25 * WAN, 15 * WAN))).toThrow(/当前为“已送审”，不能修改/);
    expect(() => transitionDepartmentSheet(db, clerk, { sheetId: sheet.id, version: submitted.version, action: 'approve' })).toThrow('不能审核本人送审的记录');
    const approved = transitionDepartmentSheet(db, reviewer, { sheetId: sheet.id, version: submitted.version, action: 'approve' });
    expect(approved.status).toBe('approved');
    expect(approved.history.map((h) => h.action)).toEqual(expect.arrayContaining(['保存部门整体监控表', '送审部门整体监控表', '审核通过部门整体监控表']));
  });

  it('is counted in the round’s header and list apart from the project sheets, and lit in its report', () => {
    const { db, round } = countyWithDepartmentTargets();
    expect(round.departmentCounts).toEqual({ draft: 1, submitted: 0, approved: 0, returned: 0, sheets: 1 });
    expect(round.counts.sheets).toBe(1);
    expect(roundReport(db, round.id).department).toEqual({
      sheets: 1,
      counts: { budget: { red: 0, yellow: 0, green: 0, blue: 0, none: 0 }, project: { red: 0, yellow: 0, green: 0, blue: 0, none: 0 }, unreported: 1 },
    });
    const sheet = getDepartmentSheet(db, listDepartmentSheets(db, round.id)[0]!.id);
    // Month 6: 20 of 100 executed is r = 40% → red; both indicators met → green.
    const saved = saveDepartmentSheet(db, TEST_ACTOR, { ...filled(sheet, 10 * WAN, 10 * WAN), budget: { reasons: ['政策调整'], reasonOther: '', measures: '加快支付' } });
    transitionDepartmentSheet(db, TEST_ACTOR, { sheetId: saved.id, version: saved.version, action: 'submit' });
    expect(getRound(db, round.id).departmentCounts).toMatchObject({ draft: 0, submitted: 1, sheets: 1 });
    expect(listRounds(db, 2020)[0]!.departmentCounts).toMatchObject({ submitted: 1, sheets: 1 });
    const report = roundReport(db, round.id);
    expect(report.department.counts).toMatchObject({ budget: { red: 1 }, project: { green: 1 }, unreported: 0 });
    expect(report.counts.unreported).toBe(1);
  });
});
