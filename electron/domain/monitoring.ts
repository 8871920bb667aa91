// 绩效运行监控 ("双监控") calculations, domain.md §5: time progress, execution rate, budget light,
// indicator lights, project light and deadline state. All comparisons are exact (Ratio), thresholds come
// from settings.
import type { IndicatorOperator } from './indicators';
import { compare, div, mul, parseDecimal, ratio, type Ratio } from './ratio';

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

/** 预算执行率 = executed ÷ adjusted budget (amounts in any one unit, e.g. 分). */
export function executionRate(executed: bigint | number, adjusted: bigint | number): ExecutionRate {
  if (BigInt(adjusted) === 0n) return { rate: ratio(0), zeroBudget: true };
  return { rate: ratio(executed, adjusted), zeroBudget: false };
}

/** Budget light: r = execution rate ÷ time progress; red below 60%, yellow below 80%, else green. */
export function budgetLight(rate: Ratio, progress: Ratio, t: LightThresholds = DEFAULT_THRESHOLDS): Light {
  const r = div(rate, progress);
  if (compare(r, t.budgetRedBelow) < 0) return 'red';
  if (compare(r, t.budgetGreenFrom) < 0) return 'yellow';
  return 'green';
}

export type IndicatorProgress =
  | { operator: Exclude<IndicatorOperator, '定性'>; target: Ratio; reached: Ratio | null }
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
 * compare the value reached with target × month ÷ 12; reverse ones (≤, <, = 0) are green only when the
 * value reached satisfies the operator. No value reached yet: no light.
 */
export function indicatorLight(p: IndicatorProgress, month: number, t: LightThresholds = DEFAULT_THRESHOLDS): IndicatorLight {
  if (p.reached === null) return { light: 'none', ratio: null };
  if (p.operator === '定性') return { light: QUALITATIVE_LIGHT[p.reached], ratio: null };
  const positive = (p.operator === '≥' || p.operator === '>' || p.operator === '=') && p.target.num !== 0n;
  if (!positive) return { light: satisfies(p.operator, p.reached, p.target) ? 'green' : 'red', ratio: null };
  const expected = mul(p.target, timeProgress(month));
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

export type DeadlineState = 'open' | 'dueSoon' | 'overdue';
export const DEADLINE_LABELS: Record<DeadlineState, string> = { open: '进行中', dueSoon: '即将截止', overdue: '已超时' };

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/** A deadline within `dueSoonDays` days is due soon; past it, overdue (已超时). */
export function deadlineState(deadline: string, today: string, dueSoonDays: number): DeadlineState {
  const left = dayNumber(deadline) - dayNumber(today);
  if (left < 0) return 'overdue';
  return left <= dueSoonDays ? 'dueSoon' : 'open';
}
