// `jixiao calc monitor`: the §5 figures of one project from JSON, so the prefecture's staff and scripts
// can recheck a county's lights without the UI. Amounts are decimal strings in any one unit.
import { z } from 'zod';
import { ACCRUALS, defaultAccrual, OPERATORS, type Accrual } from '../domain/indicators';
import {
  budgetLight,
  DEFAULT_THRESHOLDS,
  executionRate,
  indicatorLight,
  projectLight,
  QUALITATIVE_LEVELS,
  thresholdsFromPercents,
  timeProgress,
  type IndicatorProgress,
  type Light,
  type LightThresholds,
  type QualitativeLevel,
} from '../domain/monitoring';
import { settingDefinition } from '../domain/settings';
import { compare, parseDecimal, percent, type Ratio } from '../domain/ratio';
import { parseStdinJson } from '../cli/stdinJson';
import { decimalText } from '../ipc/schema'; // also sets zod's Chinese messages

// The router's message names the field (path：message), so these only say what is expected.
const indicator = z
  .object({
    operator: z.enum(OPERATORS, { error: `应为 ${OPERATORS.join(' ')} 之一` }),
    target: z.string().optional(),
    reached: z.string().nullable().optional(),
    /** 计量单位 and 二级指标: they give the default accrual kind, as on the target form. */
    unit: z.string({ error: '应为计量单位文字，如 "%" 或 "人次"' }).max(20, '计量单位不能超过 20 个字').optional(),
    level2: z.string({ error: '应为二级指标名称，如 "质量指标"' }).max(40, '二级指标名称不能超过 40 个字').optional(),
    accrual: z.enum(ACCRUALS, { error: '应为 "cumulative"（累计型，按序时进度折算）或 "level"（状态型，与全年指标值比较）' }).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const reached = value.reached ?? null;
    if (value.operator === '定性') {
      if (reached !== null && !(QUALITATIVE_LEVELS as readonly string[]).includes(reached)) {
        ctx.addIssue({ code: 'custom', path: ['reached'], message: `定性指标的 reached 应为：${QUALITATIVE_LEVELS.join('、')}` });
      }
      return;
    }
    if (!value.target || !parseDecimal(value.target) || value.target.trim().startsWith('-')) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: '定量指标须有 target（不小于 0 的数字字符串）' });
    }
    if (reached !== null && (!parseDecimal(reached) || reached.trim().startsWith('-'))) {
      ctx.addIssue({ code: 'custom', path: ['reached'], message: 'reached 应为不小于 0 的数字字符串' });
    }
  });

const MONTH = '应为 1–12 的整数（报告月份）';
const THRESHOLD_KEYS = Object.keys(DEFAULT_THRESHOLDS) as (keyof LightThresholds)[];

export const calcMonitorInput = z
  .object({
    month: z.number({ error: MONTH }).int(MONTH).min(1, MONTH).max(12, MONTH),
    budget: z.object({ adjusted: decimalText, executed: decimalText }, { error: '应为 {"adjusted": "预算数", "executed": "执行数"}' }).strict(),
    indicators: z.array(indicator).max(1000).default([]),
    /** The bureau's own thresholds in percent, e.g. {"budgetRedBelow": "60"}; missing ones keep the §5 defaults. */
    thresholds: z.object(Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, decimalText.optional()]))).strict().optional(),
    /** The setting “全部按累计型”: prorate every positive indicator whatever its own kind. */
    allCumulative: z.boolean({ error: '应为 true 或 false' }).optional(),
  })
  .strict();
export type CalcMonitorInput = z.input<typeof calcMonitorInput>;

export interface CalcMonitorOutput {
  timeProgress: string;
  executionRate: string;
  zeroBudget: boolean;
  /** 超支: executed above the adjusted budget; the budget light is then red, never green. */
  overspent: boolean;
  budgetLight: Light;
  /** accrual: the kind applied to a quantitative indicator (given, or defaulted from unit and level2). */
  indicators: { light: Light; ratio?: string; accrual?: Accrual }[];
  projectLight: Light;
}

/** The bureau's thresholds default to the settings' own defaults (domain.md §5). */
const settingDefault = (key: keyof LightThresholds) => settingDefinition(`monitoring.${key}`)!.default as string;

const accrualOf = (row: z.output<typeof indicator>, allCumulative: boolean): Accrual =>
  allCumulative ? 'cumulative' : (row.accrual ?? defaultAccrual({ unit: row.unit ?? '', level2: row.level2 ?? '' }));

function progressOf(row: z.output<typeof indicator>, allCumulative: boolean): IndicatorProgress {
  const reached = row.reached ?? null;
  if (row.operator === '定性') return { operator: '定性', reached: reached as QualitativeLevel | null };
  return { operator: row.operator, target: parseDecimal(row.target!)!, reached: reached === null ? null : parseDecimal(reached), accrual: accrualOf(row, allCumulative) };
}

const percentOf = (value: Ratio) => percent(value, 2);

export function calcMonitor(raw: unknown): CalcMonitorOutput {
  const input = calcMonitorInput.parse(raw);
  const given = input.thresholds ?? {};
  const thresholds = thresholdsFromPercents(
    Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, given[key] ?? settingDefault(key)])) as Record<keyof LightThresholds, string>,
  );
  const progress = timeProgress(input.month);
  const executed = parseDecimal(input.budget.executed)!;
  const adjusted = parseDecimal(input.budget.adjusted)!;
  const execution = executionRate(executed, adjusted);
  const overspent = compare(executed, adjusted) > 0;
  const progresses = input.indicators.map((row) => progressOf(row, input.allCumulative ?? false));
  const indicators = progresses.map((p) => indicatorLight(p, input.month, thresholds));
  return {
    timeProgress: percentOf(progress),
    executionRate: percentOf(execution.rate),
    zeroBudget: execution.zeroBudget,
    overspent,
    budgetLight: overspent ? 'red' : budgetLight(execution.rate, progress, thresholds),
    indicators: indicators.map(({ light, ratio }, i) => {
      const p = progresses[i]!;
      const accrual = p.operator === '定性' ? {} : { accrual: p.accrual };
      return ratio ? { light, ratio: percentOf(ratio), ...accrual } : { light, ...accrual };
    }),
    projectLight: projectLight(indicators.map((i) => i.light)),
  };
}

const EXAMPLE = '{"month": 8, "budget": {"adjusted": "240", "executed": "128"}, "indicators": [{"operator": "≥", "target": "1200", "reached": "350"}]}';

/** Reads the JSON text a script piped in; a person gets told what to send when it is not JSON. */
export const parseCalcJson = (text: string): unknown => parseStdinJson(text, EXAMPLE);
