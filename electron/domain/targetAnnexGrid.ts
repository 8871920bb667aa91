// The two 申报表 of 财预〔2015〕88号 as grids of cells with their spans: annex 1 (项目支出绩效目标申报表) and
// annex 2 (部门整体支出绩效目标申报表). The printed form renders the grid as a ruled table and the xlsx
// export merges the same spans, so paper and Excel never differ. A continuing project's annex 1 also prints
// last year's target and actual value beside each annual one, as the form on screen shows them.
import { localDate } from './clock';
import type { GridCell, GridRow } from './disclosure';
import { displayTarget, type IndicatorOperator } from './indicators';
import type { Fen } from './money';
import { fundTotals, type FundRow } from './projects';
import { lastYearActualLabel, lastYearOf, projectTermText, proposedAnnualSplit, splitTotal, type FundSplit, type LastYearTarget, type ProjectAnnex } from './targetAnnex';
import type { DepartmentBudget, DepartmentTask, TargetContent, TargetIndicator } from './targets';

export interface AnnexGrid {
  title: string;
  /** 金额单位 and the like, printed above the grid. */
  subtitle: string;
  /** Column widths in characters (Excel) and the printed page's proportions. */
  widths: number[];
  rows: GridRow[];
}

/** A reviewer's decision as an opinion block prints it. */
export interface ReviewNote {
  decision: 'approve' | 'return';
  opinion: string | null;
  /** ISO time of the decision. */
  decidedAt: string;
  decidedBy: string | null;
  grade?: string | null;
}

const cell = (text: string, span: Partial<GridCell> = {}): GridCell => ({ text, ...span });
const head = (text: string, span: Partial<GridCell> = {}): GridCell => ({ text, header: true, ...span });
const money = (fen: Fen | null): GridCell => (fen === null ? cell('') : { text: '', fen });
/** `count` positions covered by the cell to their left or above. */
const covered = (count: number): null[] => Array<null>(count).fill(null);

/** 主管部门审核意见 / 财政部门审核意见: the opinion, then who decided and when. */
export function reviewNoteText(note: ReviewNote | null): string {
  if (!note) return '（尚未审核）';
  const verdict = note.decision === 'approve' ? '审核通过' : '退回修改';
  const grade = note.grade ? `，审核等级：${note.grade}` : '';
  return `${note.opinion?.trim() || verdict}（${verdict}${grade}；审核人：${note.decidedBy ?? '—'}；日期：${localDate(new Date(note.decidedAt))}）`;
}

function opinionRows(width: number, department: ReviewNote | null, bureau: ReviewNote | null): GridRow[] {
  // Decided by the bureau without a department's decision: the target did not pass its 主管部门.
  const departmentText = !department && bureau ? '（未经主管部门审核）' : reviewNoteText(department);
  return [
    [head('主管部门审核意见'), cell(departmentText, { colSpan: width - 1 }), ...covered(width - 2)],
    [head('财政部门审核意见'), cell(reviewNoteText(bureau), { colSpan: width - 1 }), ...covered(width - 2)],
  ];
}

/** A label cell spanning `rows` rows (the 绩效指标 or 实施进度计划 block), or covered when the block has none. */
const blockLabel = (text: string, rows: number, at: number): GridCell | null => (at === 0 ? head(text, rows > 1 ? { rowSpan: rows } : {}) : null);

const indicatorKey = (i: Pick<TargetIndicator, 'level1' | 'level2' | 'name'>) => `${i.level1}\u0000${i.level2}\u0000${i.name.trim()}`;
const targetText = (i: TargetIndicator) => displayTarget({ operator: i.operator as IndicatorOperator, value: i.value, unit: i.unit });

interface AnnexIndicatorLine {
  level1: string;
  level2: string;
  name: string;
  midterm: string;
  annual: string;
  scoringStandard: string;
  /** Last year's target and actual value of the indicator this annual one continues ('—' where none); '' on a 中期-only row. */
  lastYear: { target: string; actual: string };
}

/** Where a continuing indicator has no counterpart last year, or last year recorded no actual: as the screen shows it. */
const NONE = '—';
const NOT_ANNUAL = { target: '', actual: '' };

function lastYearCells(indicator: TargetIndicator, lastYear: LastYearTarget | null): AnnexIndicatorLine['lastYear'] {
  const before = lastYear ? lastYearOf(indicator, lastYear.indicators) : null;
  if (!before) return { target: NONE, actual: NONE };
  return { target: displayTarget({ operator: before.operator as IndicatorOperator, value: before.value, unit: before.unit }), actual: before.actual ?? NONE };
}

/**
 * The annual rows in their order with the 中期 value of the same indicator beside (and last year's, for a
 * continuing project), then 中期-only rows.
 */
export function annexIndicatorLines(annual: readonly TargetIndicator[], midterm: readonly TargetIndicator[], lastYear: LastYearTarget | null = null): AnnexIndicatorLine[] {
  const midtermByKey = new Map(midterm.map((i) => [indicatorKey(i), i]));
  const lines = annual.map((i) => {
    const term = midtermByKey.get(indicatorKey(i));
    midtermByKey.delete(indicatorKey(i));
    return {
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      midterm: term ? targetText(term) : '',
      annual: targetText(i),
      scoringStandard: i.scoringStandard ?? '',
      lastYear: lastYearCells(i, lastYear),
    };
  });
  for (const i of midtermByKey.values()) {
    lines.push({ level1: i.level1, level2: i.level2, name: i.name, midterm: targetText(i), annual: '', scoringStandard: i.scoringStandard ?? '', lastYear: NOT_ANNUAL });
  }
  return lines;
}

/** Annex 1's columns: label, 一级, 二级, 三级, 中期指标值, 年度指标值, 评（扣）分标准. */
const ANNEX_1_WIDTHS = [12, 12, 14, 26, 14, 14, 26];
export const ANNEX_1_INDICATOR_HEADERS = ['一级指标', '二级指标', '三级指标', '中期指标值', '年度指标值', '评（扣）分标准'] as const;

export interface ProjectAnnexInput {
  year: number;
  projectName: string;
  projectCode: string;
  departmentName: string;
  unitName: string;
  attribute: string;
  /** 项目期 as printed (projectTermText). */
  term: string;
  annualTotalFen: Fen;
  /** The split entered, else the one proposed from the fund sources. */
  annualFunds: FundSplit;
  content: TargetContent;
  annex: ProjectAnnex;
  departmentReview: ReviewNote | null;
  bureauReview: ReviewNote | null;
  /** Last year's approved target of a continuing project (targets/lastYear.ts): its columns print beside 年度指标值. */
  lastYear: LastYearTarget | null;
}

/** 上年指标值 and 上年实际值 (its heading saying 监控至X月 when monitoring gave it), after 年度指标值: their widths. */
const LAST_YEAR_WIDTHS = [14, 16];
/** Where they go: after 年度指标值, before 评（扣）分标准. */
const LAST_YEAR_AT = ANNEX_1_WIDTHS.length - 1;

/** The grid's columns with last year's two inserted where a continuing project has them. */
const withLastYear = <T>(columns: readonly T[], lastYear: readonly T[]): T[] => [...columns.slice(0, LAST_YEAR_AT), ...lastYear, ...columns.slice(LAST_YEAR_AT)];

/**
 * A row laid out on annex 1's seven columns, on a grid with `extra` more: its rightmost cell spans them (a
 * position covered from a row above is widened where that cell starts).
 */
function widened(row: GridRow, extra: number): GridRow {
  const last = row.findLastIndex((c) => c !== null);
  const cell = row[last]!;
  const reachesEnd = last + (cell.colSpan ?? 1) === row.length;
  return [...row.slice(0, last), reachesEnd ? { ...cell, colSpan: (cell.colSpan ?? 1) + extra } : cell, ...row.slice(last + 1), ...covered(extra)];
}

/** 中期资金总额 on the left half, 年度资金总额 on the right, each with 其中：财政拨款 and 其他资金 below. */
function fundRows(input: ProjectAnnexInput): GridRow[] {
  const midterm = input.annex.midtermFunds;
  const row = (first: GridCell | null, [midtermLabel, annualLabel]: [string, string], midtermFen: Fen | null, annualFen: Fen): GridRow => [
    first,
    head(midtermLabel, { colSpan: 2 }),
    null,
    money(midtermFen),
    head(annualLabel),
    { ...money(annualFen), colSpan: 2 },
    null,
  ];
  return [
    row(head('项目资金（万元）', { rowSpan: 3 }), ['中期资金总额', '年度资金总额'], midterm ? splitTotal(midterm) : null, input.annualTotalFen),
    row(null, ['其中：财政拨款', '其中：财政拨款'], midterm?.fiscalFen ?? null, input.annualFunds.fiscalFen),
    row(null, ['其他资金', '其他资金'], midterm?.otherFen ?? null, input.annualFunds.otherFen),
  ];
}

function scheduleRows(schedule: ProjectAnnex['schedule']): GridRow[] {
  const steps = schedule.length ? schedule : [{ period: '', work: '' }];
  const rows = steps.length + 1;
  return [
    [blockLabel('实施进度计划', rows, 0), head('时间段', { colSpan: 2 }), null, head('工作内容', { colSpan: 3 }), null, null, head('备注')],
    ...steps.map((s): GridRow => [null, cell(s.period, { colSpan: 2 }), null, cell(s.work, { colSpan: 3 }), null, null, cell('')]),
  ];
}

/**
 * 项目支出绩效目标申报表 (88号 annex 1), with 立项依据, 实施进度计划, the contact and both opinion blocks; for a
 * continuing project with last year's target, 上年指标值 and 上年实际值 beside the annual values.
 */
export function projectAnnexGrid(input: ProjectAnnexInput): AnnexGrid {
  const { annex, content, lastYear } = input;
  const width = ANNEX_1_WIDTHS.length;
  const lines = annexIndicatorLines(content.indicators, annex.midtermIndicators, lastYear);
  const annualGoal = [content.overallGoal, ...content.annualGoals.map((g, i) => `${i + 1}. ${g}`)].filter(Boolean).join('\n');
  const indicatorRows = lines.length ? lines : [{ level1: '', level2: '', name: '（未填写指标）', midterm: '', annual: '', scoringStandard: '', lastYear: NOT_ANNUAL }];
  const lastYearHeads = lastYear ? [head('上年指标值'), head(lastYearActualLabel(lastYear.actualSource))] : [];
  const indicatorRow = (cells: GridRow, last: AnnexIndicatorLine['lastYear']): GridRow => (lastYear ? withLastYear(cells, [cell(last.target), cell(last.actual)]) : cells);
  const indicatorBlock: GridRow[] = [
    withLastYear([blockLabel('绩效指标', indicatorRows.length + 1, 0), ...ANNEX_1_INDICATOR_HEADERS.map((h) => head(h))], lastYearHeads),
    ...indicatorRows.map((l) => indicatorRow([null, cell(l.level1), cell(l.level2), cell(l.name), cell(l.midterm), cell(l.annual), cell(l.scoringStandard)], l.lastYear)),
  ];
  const around = (rows: GridRow[]) => (lastYear ? rows.map((row) => widened(row, LAST_YEAR_WIDTHS.length)) : rows);
  const rows: GridRow[] = [
    ...around([
      [head('项目名称'), cell(`${input.projectName}（${input.projectCode}）`, { colSpan: 6 }), ...covered(5)],
      [head('主管部门'), cell(input.departmentName, { colSpan: 2 }), null, head('实施单位'), cell(input.unitName, { colSpan: 3 }), null, null],
      [head('项目属性'), cell(input.attribute, { colSpan: 2 }), null, head('项目期'), cell(input.term, { colSpan: 3 }), null, null],
      ...fundRows(input),
      [head('总体目标', { rowSpan: 2 }), head('中期目标', { colSpan: 3 }), null, null, head('年度目标', { colSpan: 3 }), null, null],
      [null, cell(annex.midtermGoal, { colSpan: 3 }), null, null, cell(annualGoal, { colSpan: 3 }), null, null],
    ]),
    ...indicatorBlock,
    ...around([
      [head('立项依据'), cell(annex.projectBasis, { colSpan: 6 }), ...covered(5)],
      ...scheduleRows(annex.schedule),
      [head('联系人'), cell(annex.contactPerson, { colSpan: 2 }), null, head('联系电话'), cell(annex.contactPhone, { colSpan: 3 }), null, null],
      ...opinionRows(width, input.departmentReview, input.bureauReview),
    ]),
  ];
  return { title: `项目支出绩效目标申报表`, subtitle: `（${input.year}年度）`, widths: lastYear ? withLastYear(ANNEX_1_WIDTHS, LAST_YEAR_WIDTHS) : ANNEX_1_WIDTHS, rows };
}

/** Annex 2's columns: label, 任务名称, 主要内容, 总额, 财政拨款, 其他资金. */
const ANNEX_2_WIDTHS = [14, 22, 34, 14, 14, 14];
export const ANNEX_2_TASK_HEADERS = ['任务名称', '主要内容', '总额', '财政拨款', '其他资金'] as const;

export interface DepartmentAnnexInput {
  year: number;
  unitName: string;
  budget: DepartmentBudget;
  tasks: readonly DepartmentTask[];
  content: TargetContent;
  departmentReview: ReviewNote | null;
  bureauReview: ReviewNote | null;
}

/** A task's split as printed: as entered, else all of it 财政拨款 (the form's own default). */
const taskSplit = (t: DepartmentTask): FundSplit => (t.fiscalFen == null && t.otherFen == null ? { fiscalFen: t.amountFen, otherFen: 0 } : { fiscalFen: t.fiscalFen ?? 0, otherFen: t.otherFen ?? 0 });

/** 部门整体支出绩效目标申报表 (88号 annex 2). */
export function departmentAnnexGrid(input: DepartmentAnnexInput): AnnexGrid {
  const width = ANNEX_2_WIDTHS.length;
  const tasks = input.tasks.map((t) => ({ task: t, split: taskSplit(t) }));
  const taskBlock = tasks.length + 3;
  const sum = (pick: (t: (typeof tasks)[number]) => Fen) => tasks.reduce((s, t) => s + pick(t), 0);
  const indicators = input.content.indicators.length ? input.content.indicators : null;
  const indicatorBlock = (indicators?.length ?? 1) + 1;
  const { budget } = input;
  const rows: GridRow[] = [
    [head('部门（单位）名称'), cell(input.unitName, { colSpan: 5 }), ...covered(4)],
    [head('年度预算（万元）'), cell('基本支出'), money(budget.basicFen), cell('项目支出'), money(budget.projectFen), { text: '', fen: budget.basicFen + budget.projectFen }],
    [head('年度主要任务', { rowSpan: taskBlock }), head('任务名称', { rowSpan: 2 }), head('主要内容', { rowSpan: 2 }), head('预算金额（万元）', { colSpan: 3 }), null, null],
    [null, null, null, head('总额'), head('财政拨款'), head('其他资金')],
    ...tasks.map(({ task, split }): GridRow => [null, cell(task.task), cell(task.content ?? ''), money(task.amountFen), money(split.fiscalFen), money(split.otherFen)]),
    [null, head('金额合计', { colSpan: 2 }), null, money(sum((t) => t.task.amountFen)), money(sum((t) => t.split.fiscalFen)), money(sum((t) => t.split.otherFen))],
    [head('年度总体目标'), cell([input.content.overallGoal, ...input.content.annualGoals.map((g, i) => `${i + 1}. ${g}`)].filter(Boolean).join('\n'), { colSpan: 5 }), ...covered(4)],
    [head('年度绩效指标', indicatorBlock > 1 ? { rowSpan: indicatorBlock } : {}), head('一级指标'), head('二级指标'), head('三级指标', { colSpan: 2 }), null, head('指标值')],
    ...(indicators ?? [null]).map((i): GridRow => [null, cell(i?.level1 ?? ''), cell(i?.level2 ?? ''), cell(i?.name ?? '（未填写指标）', { colSpan: 2 }), null, cell(i ? targetText(i) : '')]),
    ...opinionRows(width, input.departmentReview, input.bureauReview),
  ];
  return { title: '部门整体支出绩效目标申报表', subtitle: `（${input.year}年度）`, widths: ANNEX_2_WIDTHS, rows };
}

/** What a project target holds, as both the print and the export read it (structurally: the IPC's ProjectTarget). */
export interface AnnexProjectTarget extends TargetContent {
  project: {
    year: number;
    code: string;
    name: string;
    departmentCode: string;
    unitCode: string;
    attribute: string;
    startDate: string | null;
    endDate: string | null;
    funds: readonly FundRow[];
  };
  annex: ProjectAnnex;
  departmentReview: ReviewNote | null;
  bureauReview: ReviewNote | null;
  /** The quality context the target is opened with (targets/quality.ts): its `previous` is last year's target. */
  quality: { previous: LastYearTarget | null };
}

export function projectAnnexInputOf(target: AnnexProjectTarget, unitName: (code: string) => string): ProjectAnnexInput {
  const { project } = target;
  return {
    year: project.year,
    projectName: project.name,
    projectCode: project.code,
    departmentName: unitName(project.departmentCode),
    unitName: unitName(project.unitCode),
    attribute: project.attribute,
    term: projectTermText(project),
    annualTotalFen: fundTotals(project.funds).adjustedFen,
    annualFunds: target.annex.annualFunds ?? proposedAnnualSplit(project.funds),
    content: { overallGoal: target.overallGoal, annualGoals: target.annualGoals, indicators: target.indicators },
    annex: target.annex,
    departmentReview: target.departmentReview,
    bureauReview: target.bureauReview,
    lastYear: target.quality.previous,
  };
}
