// The sample county's 双监控 year: the May, August and November rounds, opened through the monitoring
// service, then filled and reviewed as units and the bureau would, by the services' rules. Each project
// keeps its character over the year — most on track, a fifth lagging in spending and on some indicators,
// a few front-loaded — so the lights spread over every colour, the red and yellow ones carry reasons and
// measures, and the last round is what the year-end self-evaluations start from. A second (fictitious)
// person reviews every sheet.
import { sqliteOf, type Db } from '../../db/open';
import { parseAccrual } from '../domain/indicators';
import { formatWanYuan } from '../domain/money';
import { assessSheet, DEVIATION_REASONS, defaultDeadline, SLOW_SPENDING_REASONS, listSheetProblems, needsExplanation, sheetRules, type Deviation, type Light, type QualitativeLevel, type RoundRuleSettings } from '../domain/monitoring';
import { min, mul, parseDecimal, ratio, toFixed, type Ratio } from '../domain/ratio';
import { ACTION_LABELS, transition, WORKFLOW_STATES, type WorkflowAction, type WorkflowState } from '../domain/workflow';
import { recordAudit, type Actor } from '../audit/audit';
import { createRound, getSheet, listSheets, sheetNaturalKey, type IndicatorReport, type RoundSummary, type SheetSaveInput } from '../monitoring';
import { requireInstallation } from '../registry';
import { BUREAU_REVIEWER, UNIT_CLERK } from './actors';
import type { Random } from './random';

export const DEMO_ROUND_MONTHS = [5, 8, 11] as const;

/** How a project's spending goes all year: on track, or lagging (a fifth, as in a real county). */
interface ProjectPace {
  /** Execution as a percent of the time progress (序时进度), before each round's jitter. */
  spending: number;
  /** Per indicator: steady, behind (short of its target), or ahead (done early in the year). */
  indicators: Map<string, IndicatorPace>;
}
type IndicatorPace = 'steady' | 'behind' | 'ahead';

const LEVEL_WORDS: Record<IndicatorPace, QualitativeLevel> = { steady: '达成目标', ahead: '达成目标', behind: '部分达成并具有一定效果' };
const BUDGET_MEASURE = '已督促单位加快项目实施和资金支付进度，按月报送支付计划';
const INDICATOR_MEASURE = '调整实施计划，增加人员和设备投入，确保年底前完成年度目标';
const RETURN_OPINION = '偏差原因和纠偏措施填写过于笼统，请结合项目实际补充后重新报送';

/** What a unit sees on its open sheet before filling it in. */
interface SheetToFill {
  id: string;
  version: number;
  projectId: string;
  projectCode: string;
  month: number;
  rules: RoundRuleSettings;
  funds: { source: string; adjustedFen: number }[];
  indicators: { indicatorId: string; operator: string; target: string; unit: string; accrual: string }[];
}
type IndicatorToFill = SheetToFill['indicators'][number];

/**
 * A round's sheets as opened, read with two prepared statements rather than a service call per sheet
 * (the rules are the round's, the same for every sheet).
 */
function sheetsToFill(db: Db, roundId: string): SheetToFill[] {
  const listed = listSheets(db, roundId);
  if (listed.length === 0) return [];
  const { rules, round } = getSheet(db, listed[0]!.id);
  const sqlite = sqliteOf(db);
  const fundsOf = sqlite.prepare('SELECT source, adjusted_fen AS adjustedFen FROM monitoring_funds WHERE sheet_id = ? ORDER BY rowid');
  const indicatorsOf = sqlite.prepare(
    'SELECT indicator_id AS indicatorId, operator, target_value AS target, unit, accrual FROM monitoring_indicators WHERE sheet_id = ? ORDER BY seq',
  );
  return listed.map((sheet) => ({
    id: sheet.id,
    version: sheet.version,
    projectId: sheet.projectId,
    projectCode: sheet.projectCode,
    month: round.month,
    rules,
    funds: fundsOf.all(sheet.id) as SheetToFill['funds'],
    indicators: indicatorsOf.all(sheet.id) as SheetToFill['indicators'],
  }));
}

function paceOf(sheet: SheetToFill, random: Random): ProjectPace {
  const lagging = random.chance(0.2);
  const indicators = new Map<string, IndicatorPace>();
  for (const row of sheet.indicators) {
    const roll = random.next();
    const pace: IndicatorPace = lagging ? (roll < 0.5 ? 'behind' : 'steady') : roll < 0.04 ? 'behind' : roll < 0.14 ? 'ahead' : 'steady';
    indicators.set(row.indicatorId, pace);
  }
  return { spending: lagging ? random.int(40, 85) : random.int(95, 115), indicators };
}

/** target × percent ÷ 100 with the target's own decimals (a count stays whole, a rate keeps its one decimal). */
function share(target: Ratio, targetText: string, percent: Ratio | number): string {
  const decimals = targetText.split('.')[1]?.length ?? 0;
  const part = typeof percent === 'number' ? ratio(percent, 100) : percent;
  return toFixed(mul(target, part), decimals);
}

/** A percent indicator never reports above 100%: the percent of its target is capped at 100 ÷ target. */
const capped = (row: IndicatorToFill, percent: number) => (row.unit === '%' ? Math.min(percent, Math.floor((100 * 100) / Math.max(1, Number(row.target)))) : percent);

/** The value reached by the round's month and the unit's full-year expectation, as the unit would report them. */
function reported(row: IndicatorToFill, pace: IndicatorPace, month: number, random: Random): Pick<IndicatorReport, 'reached' | 'expectedFullYear'> {
  if (row.operator === '定性') return { reached: pace === 'behind' && random.chance(0.15) ? '未达成且效果较差' : LEVEL_WORDS[pace], expectedFullYear: '' };
  const target = parseDecimal(row.target);
  if (!target) return { reached: '', expectedFullYear: '' };
  const reverse = row.operator === '≤' || row.operator === '<' || (row.operator === '=' && target.num === 0n);
  if (reverse) {
    if (target.num === 0n) return { reached: pace === 'behind' ? '1' : '0', expectedFullYear: pace === 'behind' ? '1' : '0' };
    const percent = pace === 'behind' ? random.int(105, 130) : random.int(80, 98);
    const value = share(target, row.target, percent);
    return { reached: value, expectedFullYear: value };
  }
  const fullYear = capped(row, pace === 'behind' ? random.int(70, 95) : pace === 'ahead' ? random.int(105, 125) : row.operator === '=' ? 100 : random.int(100, 108));
  if (parseAccrual(row.accrual) === 'level') {
    const value = share(target, row.target, pace === 'behind' ? random.int(75, 95) : capped(row, row.operator === '=' ? 100 : random.int(100, 105)));
    return { reached: value, expectedFullYear: value };
  }
  // 累计型: the part done by the month; a front-loaded indicator runs well ahead of the calendar.
  const soFar = pace === 'behind' ? random.int(50, 85) : pace === 'ahead' ? random.int(135, 160) : random.int(95, 112);
  const progress = min(ratio(1), mul(ratio(month, 12), ratio(soFar, 100)));
  return { reached: share(target, row.target, progress), expectedFullYear: share(target, row.target, fullYear) };
}

/**
 * One or two reasons of the light's list (slow spending's own for the budget, the 保障 ones for an
 * indicator), with the measure taken; empty where the light asks for none.
 */
function deviation(light: Light, random: Random, measure: string, choices: readonly string[]): Deviation {
  if (!needsExplanation(light)) return { reasons: [], reasonOther: '', measures: '' };
  const reasons = random.sample(choices.filter((r) => r !== '其他'), random.int(1, 2));
  return { reasons, reasonOther: '', measures: measure };
}

/**
 * 全年预计执行数: a project on track expects to spend its whole budget; a lagging one only part of what is
 * left, the slower the less, so its sheet shows a 预计结余. Derived from the pace, not drawn, so adding it
 * leaves the rest of the sample as it was.
 */
function forecastFen(fund: { adjustedFen: number; executedFen: number }, pace: ProjectPace): number {
  if (pace.spending >= 95) return fund.adjustedFen;
  const left = fund.adjustedFen - fund.executedFen;
  return fund.executedFen + Math.round((left * Math.min(100, pace.spending + 10)) / 100);
}

/** 备注 of a sheet whose forecast leaves money over: what the unit intends with it. */
function leftOverRemark(funds: readonly { adjustedFen: number; forecastFen: number }[]): string {
  const balance = funds.reduce((sum, f) => sum + f.adjustedFen - f.forecastFen, 0);
  return balance > 0 ? `预计结余 ${formatWanYuan(balance)} 万元，拟于年底前申请调减预算` : '';
}

/** 年度总体目标 1–X月执行情况, in the words of the lights. */
const goalProgressText = (month: number, behind: boolean) =>
  behind ? `截至${month}月末，年度目标部分任务进度滞后，已制定赶进度计划，预计年底前基本完成` : `截至${month}月末，年度目标各项任务按计划推进，预计年底前全面完成`;

function likelihoodOf(light: Light, reached: string): string {
  if (reached === '未达成且效果较差') return '完全不可能';
  return light === 'red' || light === 'yellow' ? '有可能' : '确定能';
}

/** What the unit saves for its sheet in a round: funds spent by the month, each indicator's progress. */
function filledSheet(sheet: SheetToFill, pace: ProjectPace, spentBefore: Map<string, number>, random: Random): SheetSaveInput {
  const month = sheet.month;
  const rate = Math.min(1, (month / 12) * ((pace.spending + random.int(-5, 5)) / 100));
  const funds = sheet.funds.map((f) => {
    const executedFen = Math.min(f.adjustedFen, Math.max(spentBefore.get(f.source) ?? 0, Math.round(f.adjustedFen * rate)));
    return { source: f.source, adjustedFen: f.adjustedFen, executedFen, forecastFen: forecastFen({ adjustedFen: f.adjustedFen, executedFen }, pace) };
  });
  const figures = sheet.indicators.map((row) => reported(row, pace.indicators.get(row.indicatorId) ?? 'steady', month, random));
  // The lights as the domain computes them decide where reasons, measures and doubts are needed.
  const entered = { funds, submitted: false, budget: { reasons: [], reasonOther: '', measures: '' }, indicators: sheet.indicators.map((row, i) => ({ ...row, ...figures[i]!, likelihood: '', reasons: [], reasonOther: '', measures: '' })) };
  const lights = assessSheet(entered, sheetRules(sheet.rules));
  const behind = needsExplanation(lights.budgetLight) || needsExplanation(lights.projectLight);
  return {
    sheetId: sheet.id,
    version: sheet.version,
    analysis: behind ? '部分资金支付和任务进度慢于序时进度，已分析原因并落实纠偏措施' : '项目按计划推进，资金支付和绩效目标完成情况正常',
    budget: deviation(lights.budgetLight, random, BUDGET_MEASURE, SLOW_SPENDING_REASONS),
    goalProgress: goalProgressText(month, needsExplanation(lights.projectLight)),
    remarks: leftOverRemark(funds),
    funds,
    indicators: sheet.indicators.map((row, i) => {
      const light = lights.indicators[i]!.light;
      const figure = figures[i]!;
      return { indicatorId: row.indicatorId, ...figure, likelihood: likelihoodOf(light, figure.reached), ...deviation(light, random, INDICATOR_MEASURE, DEVIATION_REASONS) };
    }),
  };
}

/**
 * The steps a sheet goes through after it is filled: most are submitted and approved; some returned,
 * which in the earlier rounds the unit corrects and the bureau then approves; in the last round a few
 * still wait for review or were not sent yet.
 */
function reviewSteps(lastRound: boolean, random: Random): WorkflowAction[] {
  const roll = random.next();
  if (lastRound && roll < 0.04) return [];
  if (lastRound && roll < 0.1) return ['submit'];
  if (roll < 0.2) return lastRound ? ['submit', 'return'] : ['submit', 'return', 'submit', 'approve'];
  return ['submit', 'approve'];
}

/** When a step happened: in the last days of the round's month, each step a day after the one before. */
const stepDay = (deadline: string, step: number) => `${deadline.slice(0, 8)}${String(Math.min(20 + step, 28)).padStart(2, '0')}T03:00:00.000Z`;

/**
 * Writes the filled sheets of a round and walks them through review, with prepared statements: a round
 * is a hundred-odd sheets, each saved, submitted and decided, and the sample is made in one write
 * transaction that other writers wait for (busy_timeout), so it cannot afford a service call per step.
 * The rules are the services' own: what goes to review passes the §5 required fields for its lights,
 * each step is a move of the workflow's state machine, and each is in the sheet's history, by the unit's
 * clerk or by the bureau's reviewer.
 */
function writeSheets(db: Db, regionCode: string, round: RoundSummary, filled: readonly { sheet: SheetToFill; input: SheetSaveInput; steps: WorkflowAction[] }[]): void {
  const sqlite = sqliteOf(db);
  const updateSheet = sqlite.prepare(
    `UPDATE monitoring_sheets SET analysis = ?, budget_reasons = ?, budget_reason_other = ?, budget_measures = ?, goal_progress = ?, remarks = ?, status = ?, submitted_at = ?,
       decided_at = ?, review_opinion = ?, version = version + ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  );
  const updateFund = sqlite.prepare('UPDATE monitoring_funds SET executed_fen = ?, forecast_fen = ? WHERE sheet_id = ? AND source = ?');
  const updateIndicator = sqlite.prepare(
    'UPDATE monitoring_indicators SET reached = ?, expected_full_year = ?, likelihood = ?, reasons = ?, reason_other = ?, measures = ? WHERE sheet_id = ? AND indicator_id = ?',
  );
  const rules = filled[0] ? sheetRules(filled[0].sheet.rules) : null;
  for (const { sheet, input, steps } of filled) {
    const key = sheetNaturalKey({ ...round, regionCode }, sheet.projectCode);
    if (steps.length > 0) refuseIncomplete(sheet, input, rules!);
    const { status, history } = walked(sheet, steps);
    const submitted = steps.lastIndexOf('submit');
    const decided = steps.length - 1 > submitted ? steps.length - 1 : -1;
    const b = input.budget;
    updateSheet.run(input.analysis, JSON.stringify(b.reasons), b.reasonOther, b.measures, input.goalProgress ?? '', input.remarks ?? '', status, submitted < 0 ? null : stepDay(round.deadline, submitted),
      decided < 0 ? null : stepDay(round.deadline, decided), history.at(-1)?.opinion ?? null, 1 + steps.length, sheet.id);
    for (const f of input.funds) updateFund.run(f.executedFen, f.forecastFen ?? null, sheet.id, f.source);
    for (const i of input.indicators) {
      const text = (value: string) => (value === '' ? null : value);
      updateIndicator.run(text(i.reached), text(i.expectedFullYear), text(i.likelihood), JSON.stringify(i.reasons), i.reasonOther, i.measures, sheet.id, i.indicatorId);
    }
    recordAudit(db, UNIT_CLERK, { entity: 'monitoring-sheet', naturalKey: key, action: '保存监控表' });
    for (const h of history) {
      recordAudit(db, h.actor, { entity: 'monitoring-sheet', naturalKey: key, action: `${ACTION_LABELS[h.action]}监控表`, before: { status: h.before }, after: { status: h.after }, opinion: h.opinion });
    }
  }
}

/** The moves of the workflow's state machine, each by the unit's clerk or, to decide, the bureau's reviewer. */
function walked(sheet: SheetToFill, steps: readonly WorkflowAction[]) {
  let status: WorkflowState = 'draft';
  const history: { actor: Actor; action: WorkflowAction; before: WorkflowState; after: WorkflowState; opinion: string | null }[] = [];
  for (const action of steps) {
    const opinion = action === 'return' ? RETURN_OPINION : null;
    const move = transition(status, action, opinion);
    if (!move.ok) throw new Error(`示例监控表“${sheet.projectCode}”：${move.message}`);
    history.push({ actor: action === 'approve' || action === 'return' ? BUREAU_REVIEWER : UNIT_CLERK, action, before: status, after: move.next, opinion });
    status = move.next;
  }
  return { status, history };
}

/** A sheet sent to review must pass §5 for its lights, as the service's submission check requires. */
function refuseIncomplete(sheet: SheetToFill, input: SheetSaveInput, rules: ReturnType<typeof sheetRules>): void {
  const entry = { funds: input.funds, submitted: true, budget: input.budget, indicators: sheet.indicators.map((row, i) => ({ ...row, ...input.indicators[i]! })) };
  const problems = listSheetProblems(assessSheet(entry, rules), sheet.indicators.map((i) => i.indicatorId));
  if (problems.length > 0) throw new Error(`示例监控表“${sheet.projectCode}”不符合送审要求：${problems.join('；')}`);
}

export interface DemoMonitoringSummary {
  rounds: number;
  /** Sheets of the last round by workflow state. */
  lastRound: Record<WorkflowState, number>;
}

/** Opens the year's rounds over every approved project and fills, submits and reviews their sheets. */
export function writeDemoMonitoring(db: Db, year: number, random: Random): DemoMonitoringSummary {
  const regionCode = requireInstallation(db).region.code;
  const paces = new Map<string, ProjectPace>();
  const spent = new Map<string, Map<string, number>>();
  const lastRound = Object.fromEntries(WORKFLOW_STATES.map((s) => [s, 0])) as Record<WorkflowState, number>;
  for (const month of DEMO_ROUND_MONTHS) {
    const round = createRound(db, UNIT_CLERK, { year, month, deadline: defaultDeadline(year, month), scope: 'all' });
    const last = month === DEMO_ROUND_MONTHS[DEMO_ROUND_MONTHS.length - 1];
    const filled = sheetsToFill(db, round.id).map((sheet) => {
      const pace = paces.get(sheet.projectId) ?? paceOf(sheet, random);
      paces.set(sheet.projectId, pace);
      const input = filledSheet(sheet, pace, spent.get(sheet.projectId) ?? new Map(), random);
      spent.set(sheet.projectId, new Map(input.funds.map((f) => [f.source, f.executedFen])));
      return { sheet, input, steps: reviewSteps(last, random) };
    });
    writeSheets(db, regionCode, round, filled);
    if (last) for (const { steps } of filled) lastRound[steps.length === 0 ? 'draft' : steps.at(-1) === 'submit' ? 'submitted' : steps.at(-1) === 'return' ? 'returned' : 'approved']++;
  }
  return { rounds: DEMO_ROUND_MONTHS.length, lastRound };
}
