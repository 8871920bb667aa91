// 绩效指标体系, domain.md §3: the level-1/level-2 dictionary as versioned data (classic and 2021
// frameworks), the operators (指标性质) and the rules for one level-3 indicator row.
import { parseDecimal } from './ratio';
import type { FieldErrors } from './validation';

export const OPERATORS = ['≥', '>', '=', '<', '≤', '定性'] as const;
export type IndicatorOperator = (typeof OPERATORS)[number];

/** Comparison signs as people type them in Excel, and the words some county forms use instead. */
const OPERATOR_ALIASES: Record<string, IndicatorOperator> = {
  '>=': '≥', '≧': '≥', '＞': '>', '=<': '≤', '<=': '≤', '≦': '≤', '＜': '<', '＝': '=', '==': '=',
  大于等于: '≥', 不低于: '≥', 不少于: '≥', 大于: '>', 等于: '=', 小于: '<', 小于等于: '≤', 不高于: '≤', 不超过: '≤', 定性指标: '定性',
};

/** An operator as typed (≥, >=, 大于等于…), or null when it is none of them. */
export function parseOperator(text: string): IndicatorOperator | null {
  const value = text.replace(/\s/g, '');
  if ((OPERATORS as readonly string[]).includes(value)) return value as IndicatorOperator;
  return OPERATOR_ALIASES[value] ?? null;
}

/**
 * 累计型 indicators build up over the year (人次, 公里, 所, 万元) and are prorated by 序时进度 when monitored;
 * 状态型 ones (rates, satisfaction, grades, years of service life, quality standards) are compared with the
 * full target at any time (domain.md §5).
 */
export const ACCRUALS = ['cumulative', 'level'] as const;
export type Accrual = (typeof ACCRUALS)[number];
export const ACCRUAL_LABELS: Record<Accrual, string> = { cumulative: '累计型', level: '状态型' };

/** Units that measure a level, not an amount; `％` is the full-width sign Chinese input methods type. */
export const LEVEL_UNITS = ['%', '％', '‰', '百分比', '分', '星', '级', '年'] as const;
/** Level-2 classes whose indicators are levels whatever their unit (服务对象满意度指标 ends in 满意度指标). */
export const LEVEL_CLASSES = ['质量指标', '满意度指标'] as const;

/**
 * A unit per something (元/人·年, 元/平方米, 人/班) is a rate or a standard, not an amount that builds up:
 * 生均公用经费 =709元/生·年 is met at 709 in May as in December.
 */
const isPerUnit = (unit: string) => unit.includes('/') || unit.includes('／');

/** The accrual kind an indicator gets unless someone chooses otherwise: from its unit and level-2 class. */
export function defaultAccrual(row: { unit: string; level2: string }): Accrual {
  const unit = row.unit.trim();
  const level2 = row.level2.trim();
  if ((LEVEL_UNITS as readonly string[]).includes(unit) || isPerUnit(unit)) return 'level';
  return LEVEL_CLASSES.some((c) => level2.endsWith(c)) ? 'level' : 'cumulative';
}

/**
 * A row after an edit of its unit or level 2: the accrual kind follows the new default while it still
 * was the old default, and stays as chosen when someone chose otherwise.
 */
export function followDefaultAccrual<T extends { unit: string; level2: string; accrual: Accrual }>(before: T, after: T): T {
  if (before.accrual !== defaultAccrual(before) || after.accrual !== before.accrual) return after;
  return { ...after, accrual: defaultAccrual(after) };
}

/** An accrual kind as stored or typed (cumulative/level, 累计型/状态型), or null when it is neither. */
export function parseAccrual(text: string): Accrual | null {
  const value = text.trim();
  if ((ACCRUALS as readonly string[]).includes(value)) return value as Accrual;
  const byLabel = ACCRUALS.find((a) => ACCRUAL_LABELS[a] === value || ACCRUAL_LABELS[a].slice(0, 2) === value);
  return byLabel ?? null;
}

export const BASES = ['计划标准', '行业标准', '历史标准', '其他标准'] as const;
export type IndicatorBasis = (typeof BASES)[number];

export type Level1Kind = 'cost' | 'output' | 'benefit' | 'satisfaction';

export interface FrameworkLevel1 {
  name: string;
  kind: Level1Kind;
  level2: readonly string[];
}

export interface Framework {
  id: 'classic' | '2021';
  name: string;
  level1: readonly FrameworkLevel1[];
}

/** The two dictionary versions; a year's forms use one (setting targets.framework). */
export const FRAMEWORKS: readonly Framework[] = [
  {
    id: 'classic',
    name: '常用体系（产出/效益/满意度）',
    level1: [
      { name: '产出指标', kind: 'output', level2: ['数量指标', '质量指标', '时效指标', '成本指标'] },
      { name: '效益指标', kind: 'benefit', level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
      { name: '满意度指标', kind: 'satisfaction', level2: ['服务对象满意度指标'] },
    ],
  },
  {
    id: '2021',
    name: '财预〔2021〕101号体系',
    level1: [
      { name: '成本指标', kind: 'cost', level2: ['经济成本指标', '社会成本指标', '生态环境成本指标'] },
      { name: '产出指标', kind: 'output', level2: ['数量指标', '质量指标', '时效指标'] },
      { name: '效益指标', kind: 'benefit', level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
      { name: '满意度指标', kind: 'satisfaction', level2: ['服务对象满意度指标'] },
    ],
  },
];

export function framework(id: string): Framework {
  return FRAMEWORKS.find((f) => f.id === id) ?? FRAMEWORKS[0]!;
}

/** The kind of a level-1 name in either framework, or undefined when it is not a dictionary entry. */
export function level1Kind(fw: Framework, level1: string): Level1Kind | undefined {
  return fw.level1.find((l) => l.name === level1)?.kind;
}

export interface IndicatorRow {
  level1: string;
  level2: string;
  name: string;
  operator: IndicatorOperator | '';
  value: string;
  unit: string;
  /** Weight (分值) as a decimal string; empty when not yet weighted. */
  weight: string;
}

export type IndicatorField = keyof IndicatorRow;
export type IndicatorProblems = FieldErrors<IndicatorRow>;

/** Units whose target is a share: above 1000 (ten times the whole, a growth rate) it is a typing error. */
const SHARE_UNITS: readonly string[] = ['%', '％', '‰', '百分比'];
const MAX_SHARE = 1000n;
/** What any quantitative target fits in: 12 integer digits (a county's largest count or amount), 6 decimals. */
const VALUE_DIGITS = { whole: 12, fraction: 6 };

/** Why a quantitative target value is not one the forms take, or null. */
function targetValueProblem(text: string, unit: string): string | null {
  const value = parseDecimal(text);
  if (!value) return '定量指标的指标值应为数字';
  if (value.num < 0n) return '指标值不能为负数';
  if (SHARE_UNITS.includes(unit.trim()) && value.num > MAX_SHARE * value.den) return `以“${unit.trim()}”计的指标值应在 0 到 ${MAX_SHARE} 之间`;
  const [whole = '', fraction = ''] = text.trim().split('.');
  if (whole.replace(/^0+(?=\d)/, '').length > VALUE_DIGITS.whole || fraction.length > VALUE_DIGITS.fraction) {
    return `指标值最多 ${VALUE_DIGITS.whole} 位整数、${VALUE_DIGITS.fraction} 位小数`;
  }
  return null;
}

/** Checks one indicator row of a target form (§4); messages are shown beside the field. */
export function checkIndicator(row: IndicatorRow, fw: Framework): IndicatorProblems {
  const problems: IndicatorProblems = {};
  const l1 = fw.level1.find((l) => l.name === row.level1);
  if (!l1) problems.level1 = `一级指标应为：${fw.level1.map((l) => l.name).join('、')}`;
  else if (!l1.level2.includes(row.level2)) problems.level2 = `“${row.level1}”下的二级指标应为：${l1.level2.join('、')}`;
  if (row.name.trim() === '') problems.name = '请填写三级指标名称';
  else if (row.name.trim().length > 100) problems.name = '三级指标名称不能超过 100 个字';
  if (row.operator === '') problems.operator = '请选择指标性质（≥、>、=、<、≤ 或 定性）';
  else if (row.operator === '定性') {
    if (row.value.trim() === '') problems.value = '定性指标请填写指标值，如“达成预期目标”';
    if (row.unit.trim() !== '') problems.unit = '定性指标不填计量单位';
  } else {
    const problem = targetValueProblem(row.value, row.unit);
    if (problem) problems.value = problem;
    if (row.unit.trim() === '') problems.unit = '定量指标请填写计量单位';
  }
  if (row.weight.trim() !== '') {
    const weight = parseDecimal(row.weight);
    if (!weight || weight.num < 0n) problems.weight = '分值应为不小于 0 的数字';
  }
  return problems;
}

/** How a target reads on the form: `≥50个`, or a qualitative target's own text. */
export function displayTarget(row: Pick<IndicatorRow, 'operator' | 'value' | 'unit'>): string {
  if (row.operator === '定性') return row.value.trim();
  return `${row.operator}${row.value.trim()}${row.unit.trim()}`;
}
