// Every threshold of domain.md that varies between provinces is a setting with the default given there.
// Definitions live here once; the store keeps only the values a bureau has changed.
import { compare, parseDecimal, ratio, type Ratio } from './ratio';

type Kind =
  | { type: 'percent'; default: string; max?: string } // exact decimal string, e.g. "80" means 80%
  | { type: 'integer'; default: number; min: number; max: number }
  | { type: 'months'; default: number[] }
  | { type: 'text'; default: string }
  | { type: 'choice'; default: string; choices: readonly { value: string; label: string }[] };

export type SettingDefinition = Kind & { key: string; group: string; label: string; help?: string };

const percent = (key: string, group: string, label: string, value: string, help?: string, max?: string): SettingDefinition => ({
  key, group, label, help, type: 'percent', default: value, max,
});
const text = (key: string, group: string, label: string, value: string): SettingDefinition => ({
  key, group, label, type: 'text', default: value,
});

export const SETTING_GROUPS = ['绩效目标', '绩效监控', '绩效评价', '结果应用', '整改问责', '衔接资金', '审核与权限'] as const;

const choice = (key: string, label: string, choices: SettingChoice[], help?: string): SettingDefinition => ({
  key, group: '绩效评价', label, help, type: 'choice', default: choices[0]!.value, choices,
});
type SettingChoice = { value: string; label: string };

/** The 自评表's fund rows (财预〔2020〕10号 annex); which source goes to which row is a setting, as provinces differ. */
export const FUND_ROW_CHOICES: readonly SettingChoice[] = [
  { value: 'appropriation', label: '当年财政拨款' },
  { value: 'carryOver', label: '上年结转资金' },
  { value: 'other', label: '其他资金' },
];
/** Setting key per fund source of domain.md §2 (projects' FUND_SOURCES), with its default row. */
export const FUND_ROW_SETTINGS = [
  ['evaluation.fundRow.local', '本级财政拨款', 'appropriation'],
  ['evaluation.fundRow.central', '上级补助（中央）', 'appropriation'],
  ['evaluation.fundRow.region', '上级补助（自治区）', 'appropriation'],
  ['evaluation.fundRow.prefecture', '上级补助（州）', 'appropriation'],
  ['evaluation.fundRow.carryOver', '上年结转', 'carryOver'],
  ['evaluation.fundRow.specialAccount', '财政专户管理资金', 'other'],
  ['evaluation.fundRow.unit', '单位资金', 'other'],
  ['evaluation.fundRow.other', '其他资金', 'other'],
] as const;

// Where provinces score differently (domain.md §6); the first choice is the default.
const SELF_EVALUATION_SETTINGS: readonly SettingDefinition[] = [
  choice('evaluation.lessOrEqualScoring', '“≤”“<”指标未达成时的得分', [
    { value: 'ratio', label: '按比例：分值 × 指标值 ÷ 完成值' },
    { value: 'deviation', label: '按偏离度：分值 × (1 − 超出部分 ÷ 指标值)，最低 0 分' },
  ]),
  choice('evaluation.equalScoring', '“=”指标（指标值不为 0）未达成时的得分', [
    { value: 'symmetric', label: '对称：分值 × 较小值 ÷ 较大值' },
    { value: 'asAtLeast', label: '按“≥”计分：完成值不低于指标值得满分' },
  ]),
  choice('evaluation.overAchievement', '超额完成时', [
    { value: 'flag', label: '只提示，由评价人决定是否扣分' },
    { value: 'deduct', label: '按固定分值扣分' },
  ]),
  {
    key: 'evaluation.overAchievementDeduction', group: '绩效评价', label: '超额完成固定扣分（分）', type: 'integer', default: 1, min: 0, max: 100,
    help: '仅在“超额完成时”选“按固定分值扣分”时使用；扣分不超过该指标分值',
  },
  choice('evaluation.executionCaps', '按预算执行率限制总分', [
    { value: 'none', label: '不限制' },
    { value: 'standard', label: '执行率 70%–80% 最高 89 分，60%–70% 最高 79 分，低于 60% 最高 69 分' },
  ]),
  ...FUND_ROW_SETTINGS.map(([key, source, row]) => ({
    key, group: '绩效评价', label: `自评表资金行：${source}`, type: 'choice' as const, default: row, choices: FUND_ROW_CHOICES,
  })),
];

export const SETTINGS: readonly SettingDefinition[] = [
  {
    key: 'review.selfReview', group: '审核与权限', label: '本人送审的记录由本人审核', type: 'choice', default: 'forbid',
    help: '只有一位操作员的电脑才需要允许；允许后每一次本人审核都在操作日志中注明',
    choices: [
      { value: 'forbid', label: '不允许：须由另一位操作员审核' },
      { value: 'allow', label: '允许（单人使用）' },
    ],
  },
  {
    key: 'review.departmentStep', group: '审核与权限', label: '主管部门审核', type: 'choice', default: 'off',
    help: '开启后，预算单位送审的绩效目标先由其主管部门审核人审核，通过后再到财政局“待审核”；主管部门本级的记录直接由财政局审核',
    choices: [
      { value: 'off', label: '不经主管部门：单位送审后直接由财政局审核' },
      { value: 'on', label: '先经主管部门审核，再由财政局审核' },
    ],
  },
  {
    key: 'targets.framework', group: '绩效目标', label: '指标体系版本', type: 'choice', default: 'classic',
    choices: [
      { value: 'classic', label: '常用体系（产出/效益/满意度）' },
      { value: '2021', label: '财预〔2021〕101号体系（含成本指标）' },
    ],
  },
  // 目标质量提示 (targetQuality.ts): warnings only, never refusals.
  percent('targets.qualitativeShareMax', '绩效目标', '定性指标占比提示：超过', '30', '定性指标占全部指标的比例超过此值时，在填报和审核时提示', '100'),
  percent('targets.budgetGrowthFrom', '绩效目标', '预算增长提示：比上年增长超过此比例而指标值未变', '10', '延续项目的预算比上年增长超过此比例、指标值却与上年相同时提示'),
  { key: 'monitoring.months', group: '绩效监控', label: '监控月份', type: 'months', default: [5, 8, 11] },
  {
    key: 'monitoring.timeProgress', group: '绩效监控', label: '序时进度算法', type: 'choice', default: 'month',
    choices: [
      { value: 'month', label: '报告月份 ÷ 12' },
      { value: 'days', label: '已过天数 ÷ 全年天数' },
    ],
  },
  {
    key: 'monitoring.accrual', group: '绩效监控', label: '指标进度折算', type: 'choice', default: 'byIndicator',
    help: '状态型指标（比率、满意度、等级、年限、质量标准）始终与全年指标值比较；选“全部按累计型”则与部分系统的默认预警规则一致，所有正向指标都按序时进度折算',
    choices: [
      { value: 'byIndicator', label: '按指标的累计型/状态型' },
      { value: 'allCumulative', label: '全部按累计型（按序时进度折算）' },
    ],
  },
  percent('monitoring.budgetRedBelow', '绩效监控', '预算执行红灯：执行率/序时进度低于', '60'),
  percent('monitoring.budgetGreenFrom', '绩效监控', '预算执行绿灯：执行率/序时进度不低于', '80'),
  percent('monitoring.indicatorRedBelow', '绩效监控', '指标红灯：完成进度低于', '60'),
  percent('monitoring.indicatorGreenFrom', '绩效监控', '指标绿灯：完成进度不低于', '80'),
  percent('monitoring.indicatorBlueFrom', '绩效监控', '指标蓝灯（超额）：完成进度不低于', '120'),
  { key: 'monitoring.dueSoonDays', group: '绩效监控', label: '临近截止提醒（天）', type: 'integer', default: 5, min: 0, max: 60 },
  { key: 'evaluation.weightBudget', group: '绩效评价', label: '预算执行分值', type: 'integer', default: 10, min: 0, max: 100 },
  { key: 'evaluation.weightOutput', group: '绩效评价', label: '产出指标分值', type: 'integer', default: 50, min: 0, max: 100 },
  { key: 'evaluation.weightBenefit', group: '绩效评价', label: '效益指标分值', type: 'integer', default: 30, min: 0, max: 100 },
  { key: 'evaluation.weightSatisfaction', group: '绩效评价', label: '满意度指标分值', type: 'integer', default: 10, min: 0, max: 100 },
  percent('evaluation.executionReasonBelow', '绩效评价', '执行率低于此值须说明原因', '90'),
  percent('evaluation.overAchievementFrom', '绩效评价', '超额完成提示：完成值/指标值不低于', '120'),
  percent('evaluation.tierAchievedFrom', '绩效评价', '定性“达成年度指标”得分下限（占分值）', '80'),
  percent('evaluation.tierPartialFrom', '绩效评价', '定性“部分达成”得分下限（占分值）', '60'),
  { key: 'evaluation.gradeExcellentFrom', group: '绩效评价', label: '“优”等级分数线', type: 'integer', default: 90, min: 0, max: 100 },
  { key: 'evaluation.gradeGoodFrom', group: '绩效评价', label: '“良”等级分数线', type: 'integer', default: 80, min: 0, max: 100 },
  { key: 'evaluation.gradeFairFrom', group: '绩效评价', label: '“中”等级分数线', type: 'integer', default: 60, min: 0, max: 100 },
  text('evaluation.gradeLabels', '绩效评价', '等级名称（高到低，用“/”分隔）', '优/良/中/差'),
  text('results.actionExcellent', '结果应用', '评价为“优”的预算安排', '优先保障'),
  text('results.actionGood', '结果应用', '评价为“良”的预算安排', '据实保障'),
  // A cut beyond the whole amount would propose a negative budget.
  percent('results.cutFair', '结果应用', '评价为“中”的核减比例', '10', '下一年度预算按基数核减的百分比，0–100', '100'),
  text('results.actionPoor', '结果应用', '评价为“差”的预算安排', '取消或暂停'),
  { key: 'rectification.dueSoonDays', group: '整改问责', label: '整改期限临近提醒（天）', type: 'integer', default: 5, min: 0, max: 60 },
  {
    key: 'rectification.returnsForAccountability', group: '整改问责', label: '整改反馈被退回几次列入问责清单', type: 'integer', default: 2, min: 1, max: 20,
    help: '逾期未通过的整改通知总在问责清单中；反馈被退回达到此次数的也列入',
  },
  { key: 'attachments.maxMegabytes', group: '整改问责', label: '附件大小上限（MB）', type: 'integer', default: 10, min: 1, max: 30, help: '整改反馈等处上传的每个附件不能超过此大小' },
  percent('poverty.industryShareMin', '衔接资金', '产业项目资金占比目标不低于', '60'),
  ...SELF_EVALUATION_SETTINGS,
];

export type SettingValue = string | number | number[];

export function settingDefinition(key: string): SettingDefinition | undefined {
  return SETTINGS.find((s) => s.key === key);
}

export type SettingCheck = { ok: true; value: SettingValue } | { ok: false; message: string };

/** Validates a value for a setting; the message names the setting so it reads well in a form or a CLI. */
export function checkSetting(def: SettingDefinition, value: unknown): SettingCheck {
  const bad = (why: string): SettingCheck => ({ ok: false, message: `“${def.label}”${why}` });
  switch (def.type) {
    case 'percent': {
      const parsed = typeof value === 'string' ? parseDecimal(value) : null;
      if (!parsed || parsed.num < 0n) return bad('须为不小于 0 的数字（百分比）');
      if (def.max !== undefined && compare(parsed, parseDecimal(def.max)!) > 0) return bad(`不能超过 ${def.max}%`);
      return { ok: true, value: (value as string).trim() };
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return bad('须为整数');
      if (value < def.min || value > def.max) return bad(`须在 ${def.min} 到 ${def.max} 之间`);
      return { ok: true, value };
    case 'months': {
      const months = Array.isArray(value) ? value : [];
      const valid = months.length > 0 && months.every((m) => Number.isInteger(m) && m >= 1 && m <= 12);
      if (!valid) return bad('须为 1–12 之间的月份，至少一个');
      return { ok: true, value: [...new Set(months as number[])].sort((a, b) => a - b) };
    }
    case 'text':
      if (typeof value !== 'string' || value.trim() === '') return bad('不能为空');
      return { ok: true, value: value.trim() };
    case 'choice':
      if (!def.choices.some((c) => c.value === value)) return bad('的取值不在可选范围内');
      return { ok: true, value: value as string };
  }
}

/**
 * Thresholds that only make sense in one order (a light's bands, the grade lines): `lower` must not be
 * above `upper`, or must be below it when `strict` (two grades cannot start at the same score).
 */
const ORDERED_SETTINGS: readonly { lower: string; upper: string; strict?: boolean }[] = [
  { lower: 'monitoring.budgetRedBelow', upper: 'monitoring.budgetGreenFrom' },
  { lower: 'monitoring.indicatorRedBelow', upper: 'monitoring.indicatorGreenFrom' },
  { lower: 'monitoring.indicatorGreenFrom', upper: 'monitoring.indicatorBlueFrom' },
  { lower: 'evaluation.tierPartialFrom', upper: 'evaluation.tierAchievedFrom' },
  { lower: 'evaluation.gradeFairFrom', upper: 'evaluation.gradeGoodFrom', strict: true },
  { lower: 'evaluation.gradeGoodFrom', upper: 'evaluation.gradeExcellentFrom', strict: true },
];

/**
 * Settings that must add up: the self-evaluation weights total 100 (domain.md §6). One of them alone
 * cannot change without breaking the total, so they are saved together.
 */
export const SETTING_TOTALS: readonly { keys: readonly string[]; total: number }[] = [
  { keys: ['evaluation.weightBudget', 'evaluation.weightOutput', 'evaluation.weightBenefit', 'evaluation.weightSatisfaction'], total: 100 },
];

/**
 * Whether the values `current` gives break a total that one of `keys` belongs to; the message names each
 * setting with its value, the sum and the total it must reach.
 */
export function settingTotalProblem(keys: readonly string[], current: (key: string) => SettingValue): string | null {
  for (const group of SETTING_TOTALS.filter((g) => g.keys.some((k) => keys.includes(k)))) {
    const sum = group.keys.reduce((total, key) => total + Number(current(key)), 0);
    if (sum === group.total) continue;
    const parts = group.keys.map((key) => `${settingDefinition(key)!.label} ${String(current(key))}`).join('、');
    return `${parts}，合计 ${sum}，应为 ${group.total}。请一起调整这几项后再保存`;
  }
  return null;
}

const orderOf = (def: SettingDefinition, value: SettingValue): Ratio | null =>
  def.type === 'percent' ? parseDecimal(String(value)) : def.type === 'integer' && typeof value === 'number' ? ratio(value) : null;

/** A setting's name in a message; a name that quotes a word itself (“优”等级分数线) gets corner brackets. */
const named = (def: SettingDefinition) => (def.label.includes('“') ? `「${def.label}」` : `“${def.label}”`);

const shown = (def: SettingDefinition, value: SettingValue) => (def.type === 'percent' ? `${String(value)}%` : String(value));

/**
 * Whether giving `key` the (valid) `value` contradicts another threshold's current value; the message
 * names both settings and both values. `current` gives the other settings' effective values.
 */
export function settingConflict(key: string, value: SettingValue, current: (key: string) => SettingValue): string | null {
  for (const pair of ORDERED_SETTINGS.filter((p) => p.lower === key || p.upper === key)) {
    const lowerDef = settingDefinition(pair.lower)!;
    const upperDef = settingDefinition(pair.upper)!;
    const lowerValue = pair.lower === key ? value : current(pair.lower);
    const upperValue = pair.upper === key ? value : current(pair.upper);
    const lower = orderOf(lowerDef, lowerValue);
    const upper = orderOf(upperDef, upperValue);
    if (!lower || !upper) continue;
    const order = compare(lower, upper);
    if (order < 0 || (order === 0 && !pair.strict)) continue;
    const [changed, changedValue, other, otherValue] =
      pair.lower === key ? [lowerDef, lowerValue, upperDef, upperValue] : [upperDef, upperValue, lowerDef, lowerValue];
    const relation = pair.lower === key ? (pair.strict ? '须低于' : '不能高于') : pair.strict ? '须高于' : '不能低于';
    return `${named(changed)}（${shown(changed, changedValue)}）${relation}${named(other)}（${shown(other, otherValue)}），请先调整其中一项`;
  }
  return null;
}
