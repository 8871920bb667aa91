// 目标质量提示: what a reviewer looks for in a target that the §4 rules do not refuse — vague wording,
// too many qualitative indicators, a satisfaction indicator filed as a benefit, a target set below what
// was already achieved last year (or left as it was while the budget grew), an indicator that went blue
// last year, the same indicator twice, a mandatory one missing. Warnings only: the unit may still save
// and submit (a missing 固化指标 is also a §4 problem, see mandatoryIndicators.ts). The form shows them
// while typing and the reviewer's grade form lists them; both call targetQualityWarnings.
import { level1Kind, type Framework } from './indicators';
import type { MandatoryIndicator } from './mandatoryIndicators';
import type { Fen } from './money';
import { compare, div, parseDecimal, percent, plainDecimal, ratio, sub, type Ratio } from './ratio';
import type { TargetContent, TargetIndicator } from './targets';
import { belowLastYearActual, lastYearActualPhrase, lastYearOf, type LastYearIndicator, type LastYearTarget } from './targetAnnex';

/** Words that promise nothing measurable (进一步提高, 明显改善, 有效保障…). */
export const VAGUE_WORDS = ['进一步', '明显', '有效', '大力', '基本'] as const;

export type QualityCheck =
  | 'vagueWord'
  | 'qualitativeShare'
  | 'satisfactionAsBenefit'
  | 'belowLastYear'
  | 'unchangedWhileBudgetGrows'
  | 'blueLastYear'
  | 'duplicate'
  | 'missingMandatory';

export interface QualityWarning {
  check: QualityCheck;
  /** The indicator row it is about, when it is one row's. */
  row?: number;
  message: string;
}

/** The bureau's thresholds (设置 → 参数设置 → 绩效目标), as exact percent strings like "30". */
export interface QualitySettings {
  /** 定性指标占比提示：超过此比例 (default 30). */
  qualitativeShareMax: string;
  /** 预算增长超过此比例而指标值未变时提示 (default 10). */
  budgetGrowthFrom: string;
}

/** What the checks need beside the form itself; the service sends it with the target. */
export interface QualityContext {
  settings: QualitySettings;
  /** This year's adjusted budget of the project. */
  adjustedFen: Fen;
  /** Last year's approved target of a continuing project (targets/lastYear.ts reads it). */
  previous: LastYearTarget | null;
  mandatory: MandatoryIndicator[];
}

const quantitative = (i: TargetIndicator) => i.operator !== '' && i.operator !== '定性';
const rowName = (i: TargetIndicator, row: number) => `第 ${row + 1} 个指标“${i.name.trim() || '（未命名）'}”`;
const share = (setting: string): Ratio => div(parseDecimal(setting) ?? ratio(0), ratio(100));

/** A vague word in a quantitative indicator's name, or in a qualitative indicator's target text. */
export function vagueWordWarnings(indicators: readonly TargetIndicator[], words: readonly string[] = VAGUE_WORDS): QualityWarning[] {
  return indicators.flatMap((indicator, row) => {
    const [text, where] = quantitative(indicator) ? [indicator.name, '名称'] : indicator.operator === '定性' ? [indicator.value, '指标值'] : ['', ''];
    const found = words.filter((w) => text.includes(w));
    if (found.length === 0) return [];
    return [{ check: 'vagueWord' as const, row, message: `${rowName(indicator, row)}的${where}含有“${found.join('”“')}”等模糊表述，难以衡量，请写成可考核的具体内容` }];
  });
}

/** More qualitative indicators than the setting allows (exactly the setting passes). */
export function qualitativeShareWarning(indicators: readonly TargetIndicator[], settingPercent: string): QualityWarning[] {
  if (indicators.length === 0) return [];
  const qualitative = indicators.filter((i) => i.operator === '定性').length;
  const actual = ratio(qualitative, indicators.length);
  if (compare(actual, share(settingPercent)) <= 0) return [];
  return [{ check: 'qualitativeShare', message: `定性指标 ${qualitative} 个，占全部 ${indicators.length} 个指标的 ${percent(actual)}%，超过 ${settingPercent}%：请尽量用可量化的指标` }];
}

/** A 满意度 indicator filed under another level 1 (usually 效益指标) instead of 满意度指标. */
export function satisfactionAsBenefitWarnings(indicators: readonly TargetIndicator[], fw: Framework): QualityWarning[] {
  const home = fw.level1.find((l) => l.kind === 'satisfaction')?.name ?? '满意度指标';
  return indicators.flatMap((indicator, row) => {
    const kind = level1Kind(fw, indicator.level1);
    if (!indicator.name.includes('满意') || kind === undefined || kind === 'satisfaction') return [];
    return [{ check: 'satisfactionAsBenefit' as const, row, message: `${rowName(indicator, row)}是满意度指标，应列入“${home}”，不应计入“${indicator.level1}”` }];
  });
}

/** Both quantitative in the same unit: only then are the numbers comparable. */
function comparable(indicator: TargetIndicator, before: LastYearIndicator | null, value: (p: LastYearIndicator) => string | null) {
  if (!before || !quantitative(indicator) || before.operator === '定性' || indicator.unit.trim() !== before.unit.trim()) return null;
  const now = parseDecimal(indicator.value);
  const then = parseDecimal(value(before) ?? '');
  return now && then ? { now, then } : null;
}

const positive = (operator: string) => operator === '≥' || operator === '>';
const reverse = (operator: string) => operator === '≤' || operator === '<';

/**
 * A target easier than what was achieved last year: a `≥`/`>` target below last year's actual, or a
 * `≤`/`<` limit above it.
 */
export function belowLastYearWarnings(indicators: readonly TargetIndicator[], previous: LastYearTarget | null): QualityWarning[] {
  if (!previous) return [];
  return indicators.flatMap((indicator, row) => {
    const before = lastYearOf(indicator, previous.indicators);
    const pair = comparable(indicator, before, (p) => p.actual);
    if (!pair || !belowLastYearActual(indicator, before)) return [];
    const unit = indicator.unit.trim();
    const how = positive(indicator.operator) ? '低于' : '宽于';
    return [{ check: 'belowLastYear' as const, row, message: `${rowName(indicator, row)}的指标值 ${indicator.value.trim()}${unit} ${how}${lastYearActualPhrase(previous)} ${plainDecimal(pair.then, 6)}${unit}，目标设定偏低` }];
  });
}

/** The budget's growth over last year's, exact; null when last year's budget was 0. */
export function budgetGrowth(adjustedFen: Fen, previous: LastYearTarget): Ratio | null {
  if (previous.adjustedFen <= 0) return null;
  return div(sub(ratio(adjustedFen), ratio(previous.adjustedFen)), ratio(previous.adjustedFen));
}

/** A target value left as last year's while the budget grew by more than the setting. */
export function unchangedWhileBudgetGrowsWarnings(
  indicators: readonly TargetIndicator[],
  previous: LastYearTarget | null,
  adjustedFen: Fen,
  settingPercent: string,
): QualityWarning[] {
  if (!previous) return [];
  const growth = budgetGrowth(adjustedFen, previous);
  if (!growth || compare(growth, share(settingPercent)) <= 0) return [];
  return indicators.flatMap((indicator, row) => {
    const before = lastYearOf(indicator, previous.indicators);
    const pair = comparable(indicator, before, (p) => p.value);
    if (!pair || compare(pair.now, pair.then) !== 0 || before!.operator !== indicator.operator) return [];
    return [{ check: 'unchangedWhileBudgetGrows' as const, row, message: `${rowName(indicator, row)}的指标值与上年相同，而预算比上年增长 ${percent(growth)}%（超过 ${settingPercent}%）：请按增加的资金相应提高目标` }];
  });
}

/** An indicator that went blue (超额) in last year's monitoring and whose target was not raised since. */
export function blueLastYearWarnings(indicators: readonly TargetIndicator[], previous: LastYearTarget | null): QualityWarning[] {
  if (!previous) return [];
  return indicators.flatMap((indicator, row) => {
    const before = lastYearOf(indicator, previous.indicators);
    if (before?.light !== 'blue') return [];
    const pair = comparable(indicator, before, (p) => p.value);
    const raised = pair !== null && ((positive(indicator.operator) && compare(pair.now, pair.then) > 0) || (reverse(indicator.operator) && compare(pair.now, pair.then) < 0));
    if (raised) return [];
    return [{ check: 'blueLastYear' as const, row, message: `${rowName(indicator, row)}在上年（${previous.year} 年）监控中亮蓝灯（大幅超额完成），本年指标值未提高，目标可能设定偏低` }];
  });
}

/** The same indicator twice: the same library indicator, or the same level-3 name. */
export function duplicateWarnings(indicators: readonly TargetIndicator[]): QualityWarning[] {
  return indicators.flatMap((indicator, row) => {
    const name = indicator.name.trim();
    const first = indicators.findIndex(
      (other, i) => i < row && ((indicator.libraryCode !== null && other.libraryCode === indicator.libraryCode) || (name !== '' && other.name.trim() === name)),
    );
    if (first < 0) return [];
    return [{ check: 'duplicate' as const, row, message: `${rowName(indicator, row)}与第 ${first + 1} 个指标重复，请合并或删除一个` }];
  });
}

/** A mandatory (固化) indicator the target lacks. */
export function missingMandatoryWarnings(indicators: readonly TargetIndicator[], mandatory: readonly MandatoryIndicator[]): QualityWarning[] {
  return mandatory
    .filter((m) => !indicators.some((i) => i.libraryCode === m.libraryCode))
    .map((m) => ({ check: 'missingMandatory' as const, message: `缺少固化指标“${m.row.name}”（${m.rule}），送审前请从指标库添加` }));
}

/** Every check on a target, in the order a reviewer reads them. */
export function targetQualityWarnings(content: TargetContent, fw: Framework, context: QualityContext): QualityWarning[] {
  const { indicators } = content;
  return [
    ...missingMandatoryWarnings(indicators, context.mandatory),
    ...vagueWordWarnings(indicators),
    ...qualitativeShareWarning(indicators, context.settings.qualitativeShareMax),
    ...satisfactionAsBenefitWarnings(indicators, fw),
    ...belowLastYearWarnings(indicators, context.previous),
    ...unchangedWhileBudgetGrowsWarnings(indicators, context.previous, context.adjustedFen, context.settings.budgetGrowthFrom),
    ...blueLastYearWarnings(indicators, context.previous),
    ...duplicateWarnings(indicators),
  ];
}
