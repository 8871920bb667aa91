// The scoring settings of 绩效自评 (domain.md §6) as one typed object: the defaults of the spec, the
// alternatives production systems use, and how the bureau's stored settings become this object.
import type { FundSource } from '../projects';
import { div, parseDecimal, ratio, type Ratio } from '../ratio';
import { FUND_ROW_CHOICES, FUND_ROW_SETTINGS, settingDefinition, type SettingValue } from '../settings';

export type LessOrEqualScoring = 'ratio' | 'deviation';
export type EqualScoring = 'symmetric' | 'asAtLeast';
export type FundRowName = 'appropriation' | 'carryOver' | 'other';
/** The rows' names as the form prints them, from the setting's choices. */
export const FUND_ROW_LABELS = Object.fromEntries(FUND_ROW_CHOICES.map((c) => [c.value, c.label])) as Record<FundRowName, string>;

/** A cap on the total: an execution rate below `below` allows at most `cap` points. */
export interface ExecutionCap {
  below: Ratio;
  cap: Ratio;
}

export interface GradeLines {
  /** Lowest totals of 优, 良 and 中; below the last is 差. */
  excellentFrom: Ratio;
  goodFrom: Ratio;
  fairFrom: Ratio;
  /** High to low: 优/良/中/差 unless the bureau names them otherwise. */
  labels: readonly [string, string, string, string];
}

export interface ScoringSettings {
  /** `≤` and `<` not met: w × t ÷ a (ratio), or w × (1 − (a − t) ÷ t) floored at 0 (deviation). */
  lessOrEqual: LessOrEqualScoring;
  /** `=` with t ≠ 0 not met: w × min ÷ max (symmetric), or scored as `≥`. */
  equal: EqualScoring;
  /** a ÷ t from which a positive indicator is flagged 完成值明显高于指标值 (1.2 = 120%). */
  overAchievementFrom: Ratio;
  /** null: flag only, the evaluator decides; a number: that many points are deducted (at most w). */
  overAchievementDeduction: Ratio | null;
  /** Below this execution rate the unit must give a reason (0.9 = 90%). */
  executionReasonBelow: Ratio;
  /** Share of w where the qualitative tiers 达成 and 部分达成 begin (0.8, 0.6). */
  tierAchievedFrom: Ratio;
  tierPartialFrom: Ratio;
  /** Empty: no cap. Otherwise every cap whose `below` the rate is under applies; the lowest wins. */
  executionCaps: readonly ExecutionCap[];
  grades: GradeLines;
  fundRows: Readonly<Record<FundSource, FundRowName>>;
}

const pct = (text: string): Ratio => div(parseDecimal(text)!, ratio(100));

/** 70–80% → ≤ 89, 60–70% → ≤ 79, below 60% → ≤ 69 (domain.md §6). */
export const STANDARD_EXECUTION_CAPS: readonly ExecutionCap[] = [
  { below: pct('80'), cap: ratio(89) },
  { below: pct('70'), cap: ratio(79) },
  { below: pct('60'), cap: ratio(69) },
];

/** The settings as the bureau stored them; `value(key)` gives a setting's effective value. */
export function scoringSettingsFrom(value: (key: string) => SettingValue): ScoringSettings {
  const labels = String(value('evaluation.gradeLabels')).split('/').map((l) => l.trim());
  const deduct = value('evaluation.overAchievement') === 'deduct';
  return {
    lessOrEqual: value('evaluation.lessOrEqualScoring') as LessOrEqualScoring,
    equal: value('evaluation.equalScoring') as EqualScoring,
    overAchievementFrom: pct(String(value('evaluation.overAchievementFrom'))),
    overAchievementDeduction: deduct ? ratio(Number(value('evaluation.overAchievementDeduction'))) : null,
    executionReasonBelow: pct(String(value('evaluation.executionReasonBelow'))),
    tierAchievedFrom: pct(String(value('evaluation.tierAchievedFrom'))),
    tierPartialFrom: pct(String(value('evaluation.tierPartialFrom'))),
    executionCaps: value('evaluation.executionCaps') === 'standard' ? STANDARD_EXECUTION_CAPS : [],
    grades: {
      excellentFrom: ratio(Number(value('evaluation.gradeExcellentFrom'))),
      goodFrom: ratio(Number(value('evaluation.gradeGoodFrom'))),
      fairFrom: ratio(Number(value('evaluation.gradeFairFrom'))),
      labels: labels.length === 4 ? (labels as [string, string, string, string]) : ['优', '良', '中', '差'],
    },
    fundRows: Object.fromEntries(FUND_ROW_SETTINGS.map(([key, source]) => [source, value(key) as FundRowName])) as Record<FundSource, FundRowName>,
  };
}

/** domain.md §6's defaults: the settings' own default values. */
export const DEFAULT_SCORING: ScoringSettings = scoringSettingsFrom((key) => settingDefinition(key)!.default);
