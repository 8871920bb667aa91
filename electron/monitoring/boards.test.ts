import * as XLSX from 'xlsx';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { targets } from '../../db/schema';
import { listAudit } from '../audit/audit';
import { listAdjustments } from '../targets/adjustments';
import { luntaiApprovedTargets } from '../testSupport/approvedTargets';
import { countyStore, daysFromToday, sampleCounty2020, TEST_ACTOR } from '../testSupport/fixtures';
import { issueRectification } from '../rectification';
import { adjustmentDraft, proposeAdjustmentFromSheet } from './adjustments';
import { roundCoverage, roundWarnings } from './boards';
import { openSheetRectification } from './rectification';
import { roundReport, roundReportWorkbook } from './report';
import { createRound } from './rounds';
import { getSheet, listSheets, saveSheet, transitionSheet, type SheetDetail } from './sheets';
import { loadSheets } from './store';

const WAN = 1_000_000;
const none = { reasons: [], reasonOther: '', measures: '' };

/**
 * An August round of the small Luntai fixture, reported like this:
 * - 学生营养改善计划 (教育局): 150 of 290 万元 (r = 77.6%, yellow), indicators fine → yellow, submitted;
 * - 校舍维修改造 (第一中学): 80 of 240 万元 (red), 1000 of 3000 m² (red) → red, submitted;
 * - 乡村医生补助 (卫健委): green, approved;
 * - 基本公共卫生服务 (卫健委): nothing reported, draft (未填报: no light).
 */
function reportedRound() {
  const { db } = countyStore();
  luntaiApprovedTargets(db, 2020);
  const round = createRound(db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
  const sheet = (code: string) => getSheet(db, listSheets(db, round.id).find((s) => s.projectCode === code)!.id);
  const fill = (s: SheetDetail, executed: number[], reached: string[], explain = false) =>
    saveSheet(db, TEST_ACTOR, {
      sheetId: s.id,
      version: s.version,
      analysis: '',
      budget: explain ? { reasons: ['政府采购程序'], reasonOther: '', measures: '督促支付' } : none,
      funds: s.funds.map((f, i) => ({ ...f, executedFen: executed[i]! * WAN })),
      indicators: s.indicators.map((i, n) => ({
        ...i,
        reached: reached[n]!,
        likelihood: '有可能',
        ...(explain ? { reasons: ['其他'], reasonOther: '雨季停工', measures: '增加施工班组' } : none),
      })),
    });
  const submit = (s: SheetDetail) => transitionSheet(db, TEST_ACTOR, { sheetId: s.id, version: s.version, action: 'submit' });
  submit(fill(sheet('LT2020-001'), [120, 30], ['900', '0', '达成目标'], true));
  submit(fill(sheet('LT2020-002'), [80], ['1000', '750'], true));
  const doctors = submit(fill(sheet('LT2020-003'), [60], ['110', '达成目标']));
  transitionSheet(db, TEST_ACTOR, { sheetId: doctors.id, version: doctors.version, action: 'approve' });
  return { db, round, sheet, fill };
}

describe('coverage board', () => {
  it('counts units and sheets by status, and lists the unit that has not submitted as due soon, then 已超时', () => {
    const { db, round } = reportedRound();
    const soon = roundCoverage(db, round.id, '2020-08-28');
    expect(soon).toMatchObject({
      deadline: '2020-08-31',
      deadlineState: 'dueSoon',
      totals: { units: 3, unitsComplete: 2, unitsPending: 1, sheets: 4, pending: 1, submitted: 2, approved: 1, returned: 0, unreported: 1 },
    });
    expect(soon.units.find((u) => u.unitName === '轮台县卫生健康委员会')!.unreported).toBe(1);
    expect(soon.units.map((u) => [u.unitName, u.sheets, u.pending, u.state])).toEqual([
      ['轮台县卫生健康委员会', 2, 1, 'dueSoon'],
      ['轮台县教育局', 1, 0, 'complete'],
      ['轮台县第一中学', 1, 0, 'complete'],
    ]);
    expect(roundCoverage(db, round.id, '2020-09-01').units[0]!.state).toBe('overdue');
    expect(roundCoverage(db, round.id, '2020-08-01').units[0]!.state).toBe('open');
  });

  it('counts a returned sheet as still to submit', () => {
    const { db, round, sheet } = reportedRound();
    const school = sheet('LT2020-002');
    transitionSheet(db, TEST_ACTOR, { sheetId: school.id, version: school.version, action: 'return', opinion: '执行数有误' });
    expect(roundCoverage(db, round.id, '2020-08-28').totals).toMatchObject({ unitsPending: 2, pending: 2, returned: 1, submitted: 1 });
  });
});

describe('warnings board', () => {
  it('lists the red and yellow projects, reddest first, with the lit indicators, reasons and measures', () => {
    const { db, round } = reportedRound();
    const { warnings, unreported } = roundWarnings(db, round.id);
    // The sheet nobody has reported is not red: it is counted apart as 未填报.
    expect(warnings.map((w) => [w.projectName, w.unitName, w.budgetLight, w.projectLight, w.attention])).toEqual([
      ['校舍维修改造', '轮台县第一中学', 'red', 'red', 'red'],
      ['学生营养改善计划', '轮台县教育局', 'yellow', 'green', 'yellow'],
    ]);
    expect(unreported).toBe(1);
    expect(warnings[0]).toMatchObject({
      year: 2020,
      executionRate: '33.33',
      indicators: [{ name: '维修校舍面积', light: 'red' }],
      reasons: ['政府采购程序', '其他：雨季停工'],
      measures: ['督促支付', '增加施工班组'],
      rectification: null,
      adjustment: null,
    });
    expect(warnings[1]!.reasons).toEqual(['政府采购程序']);
  });
});

describe('round report', () => {
  it('counts lights of the reported sheets and 未填报 apart, compares each unit’s execution with time progress, lists the red projects', () => {
    const { db, round } = reportedRound();
    const report = roundReport(db, round.id);
    expect(report.timeProgress).toBe('66.67');
    expect(report.counts).toEqual({
      budget: { red: 1, yellow: 1, green: 1, blue: 0, none: 0 },
      project: { red: 1, yellow: 0, green: 2, blue: 0, none: 0 },
      unreported: 1,
    });
    expect(report.totals).toEqual({ sheets: 4, adjustedFen: 730 * WAN, executedFen: 290 * WAN, executionRate: '39.73' });
    // 卫健委: 60 of 200 万元 in all, but its light judges the doctors' sheet it reported (60 of 80, green).
    expect(report.units.map((u) => [u.unitName, u.executionRate, u.budgetLight, u.red, u.yellow, u.unreported])).toEqual([
      ['轮台县教育局', '51.72', 'yellow', 0, 1, 0],
      ['轮台县第一中学', '33.33', 'red', 1, 0, 0],
      ['轮台县卫生健康委员会', '30.00', 'green', 0, 0, 1],
    ]);
    expect(report.red.map((r) => [r.projectName, r.indicators, r.reasons, r.measures])).toEqual([
      ['校舍维修改造', ['维修校舍面积'], ['政府采购程序', '其他：雨季停工'], ['督促支付', '增加施工班组']],
    ]);
  });

  it('shows a round that has just opened as all 未填报, with no red anywhere', () => {
    const { db } = countyStore();
    luntaiApprovedTargets(db, 2020);
    const round = createRound(db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
    const report = roundReport(db, round.id);
    expect(report.counts.unreported).toBe(4);
    expect(report.counts.budget.red + report.counts.project.red + report.units.reduce((n, u) => n + u.red, 0)).toBe(0);
    expect(report.units.every((u) => u.budgetLight === 'none')).toBe(true);
    expect(roundWarnings(db, round.id)).toEqual({ warnings: [], unreported: 4 });
    expect(roundCoverage(db, round.id, '2020-08-01').totals.unreported).toBe(4);
    expect(listSheets(db, round.id).map((s) => s.budgetLight)).toEqual(['none', 'none', 'none', 'none']);
  });

  it('exports the same figures to xlsx', () => {
    const { db, round } = reportedRound();
    const book = XLSX.read(roundReportWorkbook(roundReport(db, round.id)), { type: 'array' });
    expect(book.SheetNames).toEqual(['灯色统计', '单位执行情况', '红灯项目']);
    const rows = (name: string) => XLSX.utils.sheet_to_json<string[]>(book.Sheets[name]!, { header: 1, raw: false, defval: '' });
    expect(rows('灯色统计').slice(0, 3)).toEqual([
      ['项目', '红灯', '黄灯', '绿灯', '蓝灯', '无', '未填报', '合计'],
      ['预算执行', '1', '1', '1', '0', '0', '1', '4'],
      ['绩效目标', '1', '0', '2', '0', '0', '1', '4'],
    ]);
    expect(rows('红灯项目')[1]!.slice(0, 4)).toEqual(['LT2020-002', '校舍维修改造', '轮台县第一中学', '33.33']);
  });
});

describe('a rectification notice or a target adjustment for a red or yellow project', () => {
  it('opens a rectification notice as 待下达, shows it on the warnings board, issues it, and refuses a second one', () => {
    const { db, round, sheet } = reportedRound();
    const school = sheet('LT2020-002');
    const notice = openSheetRectification(db, TEST_ACTOR, { sheetId: school.id, problems: '执行进度严重滞后', requirements: '9 月底前完成支付', deadline: daysFromToday(30) });
    expect(notice).toMatchObject({ seq: 1, status: 'pending', unitCode: '101002', sourceId: school.id });
    expect(roundWarnings(db, round.id).warnings[0]!.rectification).toMatchObject({ seq: 1, status: 'pending' });
    expect(issueRectification(db, TEST_ACTOR, { id: notice.id, version: notice.version }).status).toBe('issued');
    expect(() => openSheetRectification(db, TEST_ACTOR, { sheetId: school.id, problems: '再次', requirements: '', deadline: daysFromToday(30) })).toThrow(/已对“校舍维修改造”下发第 1 号整改通知（已下达）/);
    expect(listAudit(db, { entity: 'rectification', limit: 5 }).map((a) => a.action)).toEqual(['下达整改通知', '拟定整改通知']);
  });

  it('refuses a notice or an adjustment for a green project, and a notice without problems', () => {
    const { db, sheet } = reportedRound();
    const doctors = sheet('LT2020-003');
    expect(() => openSheetRectification(db, TEST_ACTOR, { sheetId: doctors.id, problems: '无', requirements: '', deadline: daysFromToday(30) })).toThrow(/没有红灯或黄灯/);
    expect(() => openSheetRectification(db, TEST_ACTOR, { sheetId: sheet('LT2020-002').id, problems: ' ', requirements: '', deadline: daysFromToday(30) })).toThrow(/请填写发现的问题/);
  });

  it('proposes a target adjustment through the targets workflow, keeping the original and naming the round', () => {
    const { db, sheet, fill } = reportedRound();
    const health = fill(sheet('LT2020-004'), [0], ['92']); // reported, nothing spent: red
    const draft = adjustmentDraft(db, health.id);
    expect(draft.indicators.map((i) => [i.name, i.value])).toEqual([['服务对象满意度', '90']]);
    expect(() => proposeAdjustmentFromSheet(db, TEST_ACTOR, { sheetId: health.id, targetVersion: draft.targetVersion, reason: '调整', values: [] })).toThrow(/完全相同/);
    const school = sheet('LT2020-002');
    const schoolDraft = adjustmentDraft(db, school.id);
    // The school repair target has no benefit indicator: the targets workflow refuses it as incomplete.
    expect(() => proposeAdjustmentFromSheet(db, TEST_ACTOR, { sheetId: school.id, targetVersion: schoolDraft.targetVersion, reason: '面积调减', values: [{ row: 0, value: '2500' }] })).toThrow(/至少需要一个效益指标/);
    // A November round of the village doctors' project, with little spent: red.
    const november = createRound(db, TEST_ACTOR, { year: 2020, month: 11, deadline: '2020-11-30', scope: 'list', projectIds: [sheet('LT2020-003').project.id] });
    const [fresh] = listSheets(db, november.id);
    const opened = getSheet(db, fresh!.id);
    const lowered = saveSheet(db, TEST_ACTOR, { ...opened, sheetId: opened.id, funds: opened.funds.map((f) => ({ ...f, executedFen: 20 * WAN })) });
    expect(lowered.figures.attention).toBe('red');
    const targetDraft = adjustmentDraft(db, lowered.id);
    const adjustment = proposeAdjustmentFromSheet(db, TEST_ACTOR, {
      sheetId: lowered.id,
      targetVersion: targetDraft.targetVersion,
      reason: '乡村医生实际在岗人数减少',
      values: [{ row: 0, value: '120' }],
    });
    expect(adjustment).toMatchObject({ status: 'submitted', reason: `${november.title}：乡村医生实际在岗人数减少` });
    expect(adjustment.original.indicators[0]!.value).toBe('150');
    expect(adjustment.proposed.indicators[0]!.value).toBe('120');
    const targetId = db.select({ id: targets.id }).from(targets).where(and(eq(targets.ownerCode, 'LT2020-003'), eq(targets.kind, 'project'))).get()!.id;
    expect(listAdjustments(db, targetId)).toHaveLength(1);
    expect(roundWarnings(db, november.id).warnings.find((w) => w.projectCode === 'LT2020-003')!.adjustment).toMatchObject({ seq: 1, status: 'submitted' });
  });
});

describe('a round over the demo county', () => {
  it('opens a sheet for every approved project target, with its funds and indicators', () => {
    const { db, summary: demo } = sampleCounty2020();
    const round = createRound(db, TEST_ACTOR, { year: 2020, month: 5, deadline: '2020-05-31', scope: 'all' });
    expect(round.counts.sheets).toBe(demo.projectTargets.approved);
    expect(round.counts.sheets).toBeGreaterThan(50);
    const approved = db
      .select({ projectId: targets.projectId })
      .from(targets)
      .where(and(eq(targets.year, 2020), eq(targets.kind, 'project'), eq(targets.status, 'approved')))
      .all()
      .map((t) => t.projectId)
      .sort();
    const sheets = loadSheets(db, round.id);
    expect(sheets.map((s) => s.project.id).sort()).toEqual(approved);
    expect(sheets.every((s) => s.funds.length > 0 && s.indicators.length > 0)).toBe(true);
    const coverage = roundCoverage(db, round.id, '2020-05-20');
    expect(coverage.totals).toMatchObject({ sheets: sheets.length, pending: sheets.length, unitsComplete: 0 });
    expect(coverage.totals.units).toBe(new Set(sheets.map((s) => s.project.unitCode)).size);
  });
});
