// 绩效运行监控 ("双监控") calculations, domain.md §5: time progress, execution rate, budget light,
// indicator lights, project light and deadline state. All comparisons are exact (Ratio), thresholds come
// from settings.
import { OPERATORS, parseAccrual, type Accrual, type IndicatorOperator } from './indicators';
import { formatWanYuan, type Fen } from './money';
import { compare, div, mul, parseDecimal, ratio, type Ratio } from './ratio';
import type { FieldErrors } from './validation';

/** Which projects a round monitors: all approved project targets, key projects only, or a chosen list. */
export const ROUND_SCOPES = ['all', 'key', 'list'] as const;
export type RoundScope = (typeof ROUND_SCOPES)[number];
export const SCOPE_LABELS: Record<RoundScope, string> = { all: '全部已批复项目', key: '仅重点项目', list: '指定项目' };

export const LIGHTS = ['red', 'yellow', 'green', 'blue', 'none'] as const;
export type Light = (typeof LIGHTS)[number];
export const LIGHT_LABELS: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', blue: '蓝灯', none: '无' };

export const QUALITATIVE_LEVELS = ['达成目标', '部分达成并具有一定效果', '未达成且效果较差'] as const;
export type QualitativeLevel = (typeof QUALITATIVE_LEVELS)[number];

/** Thresholds as fractions (0.6 = 60%), read from settings by the caller. */
export interface LightThresholds {
  budgetRedBelow: Ratio;
  budgetGreenFrom: Ratio;
  indicatorRedBelow: Ratio;
  indicatorGreenFrom: Ratio;
  indicatorBlueFrom: Ratio;
}

const pct = (text: string): Ratio => div(parseDecimal(text)!, ratio(100));

/** The defaults of domain.md §5; services pass the bureau's settings instead. */
export const DEFAULT_THRESHOLDS: LightThresholds = {
  budgetRedBelow: pct('60'),
  budgetGreenFrom: pct('80'),
  indicatorRedBelow: pct('60'),
  indicatorGreenFrom: pct('80'),
  indicatorBlueFrom: pct('120'),
};

export function thresholdsFromPercents(p: Record<keyof LightThresholds, string>): LightThresholds {
  return {
    budgetRedBelow: pct(p.budgetRedBelow),
    budgetGreenFrom: pct(p.budgetGreenFrom),
    indicatorRedBelow: pct(p.indicatorRedBelow),
    indicatorGreenFrom: pct(p.indicatorGreenFrom),
    indicatorBlueFrom: pct(p.indicatorBlueFrom),
  };
}

/** 序时进度 = reporting month ÷ 12 (the default method). */
export function timeProgress(month: number): Ratio {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month ${month} is not 1–12`);
  return ratio(month, 12);
}

export type TimeProgressMethod = 'month' | 'days';

/**
 * A round's 序时进度 by the bureau's chosen method (setting monitoring.timeProgress); by days it counts
 * up to the last day of the reporting month, the date the reported figures stand at.
 */
export function roundTimeProgress(method: TimeProgressMethod, year: number, month: number): Ratio {
  if (method === 'month') return timeProgress(month);
  timeProgress(month); // the same month check for both methods
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return timeProgressByDays(`${year}-${String(month).padStart(2, '0')}-${lastDay}`);
}

/** The alternative method: days elapsed up to and including `date` ÷ days in its year. */
export function timeProgressByDays(date: string): Ratio {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dayOfYear = (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  return ratio(dayOfYear, daysInYear);
}

export interface ExecutionRate {
  rate: Ratio;
  /** The adjusted budget is 0: the rate is defined as 0 and the project is flagged. */
  zeroBudget: boolean;
}

type Amount = bigint | number | Ratio;
const asRatio = (amount: Amount): Ratio => (typeof amount === 'object' ? amount : ratio(amount));

/** 预算执行率 = executed ÷ adjusted budget (amounts in any one unit: 分, or exact decimals). */
export function executionRate(executed: Amount, adjusted: Amount): ExecutionRate {
  const budget = asRatio(adjusted);
  if (budget.num === 0n) return { rate: ratio(0), zeroBudget: true };
  return { rate: div(asRatio(executed), budget), zeroBudget: false };
}

/**
 * 超支: executed above the adjusted budget is refused at entry and import (domain.md §5). The message names
 * both figures, and a ratio near 10,000 is most likely 元 typed into a 万元 column.
 */
export const overspends = (executedFen: Fen, adjustedFen: Fen): boolean => executedFen > adjustedFen;

export function overspendMessage(executedFen: Fen, adjustedFen: Fen): string | null {
  if (!overspends(executedFen, adjustedFen)) return null;
  const figures = `执行数 ${formatWanYuan(executedFen)} 万元 超过调整后预算 ${formatWanYuan(adjustedFen)} 万元`;
  return looksLikeYuan(executedFen, adjustedFen) ? `${figures}，疑似把“元”当作“万元”填写，请按万元填写` : `${figures}，请核对执行数`;
}

/** Executed ÷ budget between 5,000 and 20,000: the size of a 元/万元 mix-up rather than a real overrun. */
const looksLikeYuan = (executedFen: Fen, adjustedFen: Fen) => adjustedFen > 0 && executedFen >= adjustedFen * 5_000 && executedFen <= adjustedFen * 20_000;

/** Budget light: r = execution rate ÷ time progress; red below 60%, yellow below 80%, else green. */
export function budgetLight(rate: Ratio, progress: Ratio, t: LightThresholds = DEFAULT_THRESHOLDS): Light {
  const r = div(rate, progress);
  if (compare(r, t.budgetRedBelow) < 0) return 'red';
  if (compare(r, t.budgetGreenFrom) < 0) return 'yellow';
  return 'green';
}

export type IndicatorProgress =
  | { operator: Exclude<IndicatorOperator, '定性'>; target: Ratio; reached: Ratio | null; accrual: Accrual }
  | { operator: '定性'; reached: QualitativeLevel | null };

export interface IndicatorLight {
  light: Light;
  /** reached ÷ expected-to-date, for positive quantitative indicators. */
  ratio: Ratio | null;
}

export function satisfies(operator: Exclude<IndicatorOperator, '定性'>, value: Ratio, target: Ratio): boolean {
  const c = compare(value, target);
  switch (operator) {
    case '≥':
      return c >= 0;
    case '>':
      return c > 0;
    case '=':
      return c === 0;
    case '<':
      return c < 0;
    case '≤':
      return c <= 0;
  }
}

const QUALITATIVE_LIGHT: Record<QualitativeLevel, Light> = {
  达成目标: 'green',
  部分达成并具有一定效果: 'yellow',
  未达成且效果较差: 'red',
};

/**
 * Indicator light in month `month`. Positive quantitative indicators (≥, >, = with a non-zero target)
 * compare the value reached with the expected-to-date: target × month ÷ 12 for a 累计型 indicator, the
 * full target for a 状态型 one (a rate of 92% against ≥90% is on track in May as in December); reverse ones (≤, <, = 0) are green only when the
 * value reached satisfies the operator. No value reached yet: no light.
 */
export function indicatorLight(p: IndicatorProgress, month: number, t: LightThresholds = DEFAULT_THRESHOLDS): IndicatorLight {
  if (p.reached === null) return { light: 'none', ratio: null };
  if (p.operator === '定性') return { light: QUALITATIVE_LIGHT[p.reached], ratio: null };
  const positive = (p.operator === '≥' || p.operator === '>' || p.operator === '=') && p.target.num !== 0n;
  if (!positive) return { light: satisfies(p.operator, p.reached, p.target) ? 'green' : 'red', ratio: null };
  const expected = p.accrual === 'cumulative' ? mul(p.target, timeProgress(month)) : p.target;
  const r = div(p.reached, expected);
  const light =
    compare(r, t.indicatorRedBelow) < 0
      ? 'red'
      : compare(r, t.indicatorGreenFrom) < 0
        ? 'yellow'
        : compare(r, t.indicatorBlueFrom) < 0
          ? 'green'
          : 'blue';
  return { light, ratio: r };
}

const SEVERITY: Record<Light, number> = { red: 4, yellow: 3, green: 2, blue: 1, none: 0 };

/** Project light = the worst indicator light (red > yellow > green > blue); no indicators, no light. */
export function projectLight(lights: readonly Light[]): Light {
  return lights.reduce<Light>((worst, light) => (SEVERITY[light] > SEVERITY[worst] ? light : worst), 'none');
}

/** The light a warnings board sorts by: the worse of a sheet's budget light and project light. */
export const attentionLight = (budget: Light, project: Light): Light => projectLight([budget, project]);

export type DeadlineState = 'open' | 'dueSoon' | 'overdue';
export const DEADLINE_LABELS: Record<DeadlineState, string> = { open: '进行中', dueSoon: '即将截止', overdue: '已超时' };

/** The last day of the reporting month: a round's default deadline (§13 #16: 08-31 for August). */
export function defaultDeadline(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${day}`;
}

/**
 * Why a round's deadline cannot stand, or null: a round reports figures up to its month, so units cannot be
 * asked to report before that month has begun (a deadline in January for an August round is a typo).
 */
export function roundDeadlineProblem(year: number, month: number, deadline: string): string | null {
  const monthStart = `${year}-${String(month).padStart(2, '0')}-01`;
  return deadline < monthStart ? `截止日期 ${deadline} 早于报告月份（${month} 月）：请填写 ${monthStart} 或以后的日期，一般为 ${defaultDeadline(year, month)}` : null;
}

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/** Whole days from `deadline` to `today` when today is past it, else 0 (已超时 N 天). */
export const daysLate = (deadline: string, today: string): number => Math.max(0, dayNumber(today) - dayNumber(deadline));

/** A deadline within `dueSoonDays` days is due soon; past it, overdue (已超时). */
export function deadlineState(deadline: string, today: string, dueSoonDays: number): DeadlineState {
  const left = dayNumber(deadline) - dayNumber(today);
  if (left < 0) return 'overdue';
  return left <= dueSoonDays ? 'dueSoon' : 'open';
}

// ── One project's monitoring sheet as typed: what it must contain, given its lights ──────────────────

/** 完成目标可能性. */
export const LIKELIHOODS = ['确定能', '有可能', '完全不可能'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

/** 偏差原因 (multi-select); 其他 needs a text. */
export const DEVIATION_REASONS = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;
export type DeviationReason = (typeof DEVIATION_REASONS)[number];

/**
 * Why spending lags behind 序时进度 (the budget light), as the 136号 annex lists it: its own list, apart from
 * the five 保障 reasons of indicators; 其他 needs a text.
 */
export const SLOW_SPENDING_REASONS = ['政策调整', '政府采购程序', '计划暂未实施', '合同约定暂未支付', '不可控因素', '其他'] as const;
export type SlowSpendingReason = (typeof SLOW_SPENDING_REASONS)[number];

/** The reasons of a list that are not on it (a typo in Excel, an indicator reason given for the budget). */
export const unknownReasons = (reasons: readonly string[], allowed: readonly string[]): string[] => reasons.filter((r) => !allowed.includes(r));

/** Why a red or yellow light (or an unlikely target) happened and what the unit does about it. */
export interface Deviation {
  reasons: readonly string[];
  reasonOther: string;
  measures: string;
}
export type DeviationField = keyof Deviation;

/**
 * A budget light's reasons as given before slow spending had its own list (an older package), on the 136号
 * list. The mapping: a reason already on the list stays; none of the five 保障 reasons means what one of
 * the list's does (经费保障 is money not secured, not a procurement, contract or policy delay; 制度、人员、
 * 硬件条件保障 have no counterpart), so each becomes 其他 with its name kept in the note before what the
 * note said — the same text migration 0037 left on the sheets held here, so both read alike.
 */
export function slowSpendingDeviation(deviation: Pick<Deviation, 'reasons' | 'reasonOther'>): Pick<Deviation, 'reasons' | 'reasonOther'> {
  const off = unknownReasons(deviation.reasons, SLOW_SPENDING_REASONS);
  if (off.length === 0) return deviation;
  const kept = deviation.reasons.filter((r) => !off.includes(r) && r !== '其他');
  const note = deviation.reasonOther.trim();
  return { reasons: [...kept, '其他'], reasonOther: note ? `${off.join('、')}：${note}` : off.join('、') };
}

/** One approved indicator's row: operator, target and accrual kind from the approved target, the rest as typed. */
export interface IndicatorEntry extends Deviation {
  operator: string;
  target: string;
  /** cumulative | level, as snapshotted when the round opened. */
  accrual: string;
  reached: string;
  expectedFullYear: string;
  likelihood: string;
}
export type IndicatorEntryField = DeviationField | 'reached' | 'expectedFullYear' | 'likelihood';
type IndicatorEntryErrors = FieldErrors<Pick<IndicatorEntry, IndicatorEntryField>>;

/** One fund source's figures in 分. */
export interface FundEntry {
  source: string;
  adjustedFen: Fen;
  executedFen: Fen;
  /** 全年预计执行数; null (or absent) until the unit forecasts it. */
  forecastFen?: Fen | null;
}

/**
 * Why a 全年预计执行数 cannot stand, or null (136号 annex): a forecast above the adjusted budget would be
 * spending without a budget, and one below what is already spent cannot happen by year end.
 */
export function forecastProblem(forecastFen: Fen | null | undefined, executedFen: Fen, adjustedFen: Fen, month: number): string | null {
  if (forecastFen === null || forecastFen === undefined) return null;
  if (forecastFen > adjustedFen) {
    return `全年预计执行数 ${formatWanYuan(forecastFen)} 万元 超过调整后预算 ${formatWanYuan(adjustedFen)} 万元：预计执行不能超过预算，确需追加的请先办理预算调整`;
  }
  if (forecastFen < executedFen) {
    return `全年预计执行数 ${formatWanYuan(forecastFen)} 万元 少于 1—${month} 月已执行的 ${formatWanYuan(executedFen)} 万元，请核对`;
  }
  return null;
}

/** 预计结余 = budget − forecast: money that will be left over at year end; null until forecast. */
export const expectedBalanceFen = (adjustedFen: Fen, forecastFen: Fen | null | undefined): Fen | null =>
  forecastFen === null || forecastFen === undefined ? null : adjustedFen - forecastFen;

export interface SheetEntry {
  funds: readonly FundEntry[];
  /** The unit has submitted it at least once: then it counts as reported even with all figures at 0. */
  submitted: boolean;
  /** The reason and measure for a budget light that is red or yellow. */
  budget: Deviation;
  indicators: readonly IndicatorEntry[];
}

export interface SheetRules {
  month: number;
  /** The round's 序时进度 (see roundTimeProgress). */
  progress: Ratio;
  thresholds: LightThresholds;
  /** Setting monitoring.accrual = allCumulative: prorate every positive indicator, as some systems do. */
  allCumulative: boolean;
}

/** How indicators accrue in a round: by each indicator's own kind, or all as 累计型 (setting monitoring.accrual). */
export type AccrualRule = 'byIndicator' | 'allCumulative';

/** What the bureau set for a round, as plain values that cross IPC (the renderer rebuilds the rules). */
export interface RoundRuleSettings {
  year: number;
  month: number;
  timeProgressMethod: TimeProgressMethod;
  accrualRule: AccrualRule;
  /** Percent strings by threshold, e.g. budgetRedBelow: "60". */
  thresholds: Record<keyof LightThresholds, string>;
}

export const sheetRules = (settings: RoundRuleSettings): SheetRules => ({
  month: settings.month,
  progress: roundTimeProgress(settings.timeProgressMethod, settings.year, settings.month),
  thresholds: thresholdsFromPercents(settings.thresholds),
  allCumulative: settings.accrualRule === 'allCumulative',
});

export interface SheetAssessment {
  execution: ExecutionRate;
  /** Nothing reported yet (未填报): no lights at all, counted apart; red means a reported figure is behind. */
  reported: boolean;
  /** Executed above the adjusted budget in some fund source or in total: refused, and never green. */
  overspent: boolean;
  budgetLight: Light;
  indicators: IndicatorLight[];
  projectLight: Light;
  /** What is missing or wrong before the sheet can be submitted, keyed for the form. */
  problems: {
    /** The 超支 message of each fund source, by position (null when within its budget). */
    funds: (string | null)[];
    /** Why each fund source's 全年预计执行数 cannot stand, by position (null when it can, or is not given). */
    forecasts: (string | null)[];
    budget: FieldErrors<Deviation>;
    indicators: IndicatorEntryErrors[];
  };
}

const isQuantitative = (operator: string): operator is Exclude<IndicatorOperator, '定性'> =>
  operator !== '定性' && (OPERATORS as readonly string[]).includes(operator);

/** The indicator's progress for indicatorLight, or why the typed value cannot be read. */
function readProgress(entry: Pick<IndicatorEntry, 'operator' | 'target' | 'accrual' | 'reached'>, allCumulative: boolean): { progress: IndicatorProgress | null; problem?: string } {
  const reached = entry.reached.trim();
  if (entry.operator === '定性') {
    if (reached === '') return { progress: { operator: '定性', reached: null } };
    if (!(QUALITATIVE_LEVELS as readonly string[]).includes(reached)) {
      return { progress: null, problem: `完成情况应为：${QUALITATIVE_LEVELS.join('、')}` };
    }
    return { progress: { operator: '定性', reached: reached as QualitativeLevel } };
  }
  const target = parseDecimal(entry.target);
  const accrual = allCumulative ? 'cumulative' : parseAccrual(entry.accrual);
  if (!isQuantitative(entry.operator) || !target || !accrual) return { progress: null, problem: '该指标的指标值、指标性质或累计方式有误，请先办理目标调整' };
  if (reached === '') return { progress: { operator: entry.operator, target, reached: null, accrual } };
  const value = parseDecimal(reached);
  if (!value) return { progress: null, problem: '完成值应为数字' };
  if (value.num < 0n) return { progress: null, problem: '完成值不能为负数' };
  return { progress: { operator: entry.operator, target, reached: value, accrual } };
}

/** A red or yellow light asks the unit for its reasons and measures. */
export const needsExplanation = (light: Light) => light === 'red' || light === 'yellow';

/**
 * A red or yellow light needs at least one reason of its list (with a text for 其他) and a corrective
 * measure: the budget light reasons from SLOW_SPENDING_REASONS, an indicator from DEVIATION_REASONS.
 */
function deviationProblems(entry: Deviation, allowed: readonly string[]): FieldErrors<Deviation> {
  const problems: FieldErrors<Deviation> = {};
  const unknown = unknownReasons(entry.reasons, allowed);
  if (unknown.length) problems.reasons = `偏差原因“${unknown.join('、')}”不在可选范围内，应为：${allowed.join('、')}`;
  else if (entry.reasons.length === 0) problems.reasons = '请选择偏差原因';
  else if (entry.reasons.includes('其他') && entry.reasonOther.trim() === '') problems.reasonOther = '选择了“其他”，请说明具体原因';
  if (entry.measures.trim() === '') problems.measures = '请填写纠偏措施';
  return problems;
}

/** An indicator's light as typed on a sheet: none while its value cannot be read. */
export function indicatorEntryLight(entry: Pick<IndicatorEntry, 'operator' | 'target' | 'accrual' | 'reached'>, rules: SheetRules): IndicatorLight & { problem?: string } {
  const { progress, problem } = readProgress(entry, rules.allCumulative);
  const result: IndicatorLight = progress ? indicatorLight(progress, rules.month, rules.thresholds) : { light: 'none', ratio: null };
  return problem ? { ...result, problem } : result;
}

/** 未填报 until the unit submits, spends or types a completion value: such a sheet has no lights at all. */
export const sheetReported = (entry: { submitted: boolean; funds: readonly FundEntry[]; indicators: readonly Pick<IndicatorEntry, 'reached'>[] }): boolean =>
  entry.submitted || fundTotals(entry.funds).executedFen > 0 || entry.indicators.some((i) => i.reached.trim() !== '');

function assessIndicator(entry: IndicatorEntry, rules: SheetRules) {
  const problems: IndicatorEntryErrors = {};
  const { problem, ...result } = indicatorEntryLight(entry, rules);
  if (problem) problems.reached = problem;
  else if (entry.reached.trim() === '') problems.reached = entry.operator === '定性' ? '请选择完成情况' : '请填写完成值';
  if (isQuantitative(entry.operator) && entry.expectedFullYear.trim() !== '' && !parseDecimal(entry.expectedFullYear)) {
    problems.expectedFullYear = '全年预计应为数字';
  }
  if (!(LIKELIHOODS as readonly string[]).includes(entry.likelihood)) problems.likelihood = '请选择完成目标可能性';
  if (needsExplanation(result.light) || entry.likelihood === '完全不可能') Object.assign(problems, deviationProblems(entry, DEVIATION_REASONS));
  return { result, problems };
}

/**
 * Lights and required fields of one sheet, exactly as §5: the renderer runs it while the unit types,
 * the service runs it again before accepting a submission.
 */
/** What a list shows of a sheet: its execution, whether anything is reported, and its two lights. */
export type SheetStanding = Pick<SheetAssessment, 'execution' | 'reported' | 'overspent' | 'budgetLight' | 'projectLight'>;

/**
 * A sheet's standing from its fund figures and each indicator's light alone (a list judges the lights of a
 * round's indicators without assessing each sheet whole); assessSheet decides it the same way.
 */
export function sheetStanding(entry: { funds: readonly FundEntry[]; submitted: boolean; indicators: readonly { reached: string; light: Light }[] }, rules: SheetRules): SheetStanding {
  const totals = fundTotals(entry.funds);
  const execution = executionRate(totals.executedFen, totals.adjustedFen);
  const overspent = entry.funds.some((f) => overspends(f.executedFen, f.adjustedFen)) || overspends(totals.executedFen, totals.adjustedFen);
  const reported = sheetReported(entry);
  return {
    execution,
    reported,
    overspent,
    budgetLight: !reported ? 'none' : overspent ? 'red' : budgetLight(execution.rate, rules.progress, rules.thresholds),
    projectLight: projectLight(entry.indicators.map((i) => i.light)),
  };
}

export function assessSheet(entry: SheetEntry, rules: SheetRules): SheetAssessment {
  const indicators = entry.indicators.map((indicator) => assessIndicator(indicator, rules));
  const standing = sheetStanding({ ...entry, indicators: entry.indicators.map((indicator, n) => ({ reached: indicator.reached, light: indicators[n]!.result.light })) }, rules);
  return {
    ...standing,
    indicators: indicators.map((i) => i.result),
    problems: {
      funds: entry.funds.map((f) => overspendMessage(f.executedFen, f.adjustedFen)),
      forecasts: entry.funds.map((f) => forecastProblem(f.forecastFen, f.executedFen, f.adjustedFen, rules.month)),
      budget: needsExplanation(standing.budgetLight) && !standing.overspent ? deviationProblems(entry.budget, SLOW_SPENDING_REASONS) : {},
      indicators: indicators.map((i) => i.problems),
    },
  };
}

/** Totals over the fund sources, in 分; the forecast only once every source has one. */
export const fundTotals = (funds: readonly FundEntry[]) => ({
  adjustedFen: funds.reduce((sum, f) => sum + f.adjustedFen, 0),
  executedFen: funds.reduce((sum, f) => sum + f.executedFen, 0),
  forecastFen: funds.length > 0 && funds.every((f) => typeof f.forecastFen === 'number') ? funds.reduce((sum, f) => sum + f.forecastFen!, 0) : null,
});

/** Every problem of an assessment as one line a person can act on, e.g. for a refused submission. */
export function listSheetProblems(assessment: SheetAssessment, indicatorNames: readonly string[], fundSources: readonly string[] = []): string[] {
  const bySource = (messages: readonly (string | null)[]) => messages.flatMap((message, i) => (message ? [`${fundSources[i] ?? '资金'}：${message}`] : []));
  const funds = [...bySource(assessment.problems.funds), ...bySource(assessment.problems.forecasts)];
  const budget = Object.values(assessment.problems.budget).map((message) => `预算执行：${message}`);
  const indicators = assessment.problems.indicators.flatMap((problems, i) =>
    Object.values(problems).map((message) => `指标“${indicatorNames[i] ?? i + 1}”：${message}`),
  );
  return [...funds, ...budget, ...indicators];
}
