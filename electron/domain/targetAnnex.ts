// 项目支出绩效目标申报表 as 财预〔2015〕88号 annex 1 prints it: what a project target carries beside its
// goals and annual indicators — the 中期 goal, funds and indicators of a multi-year or continuing project,
// the year's funds as 财政拨款 / 其他资金, 立项依据, 实施进度计划 and the contact — and last year's target and
// actual value beside each indicator of a continuing project. The form runs these while the user types;
// the service runs them again before a target is submitted.
import type { Framework, IndicatorOperator } from './indicators';
import type { Light } from './monitoring';
import { formatWanYuan, type Fen } from './money';
import { adjustedFen, type FundRow } from './projects';
import { compare, parseDecimal } from './ratio';
import { checkRows, type TargetIndicator, type TargetProblem } from './targets';

/** A row of 实施进度计划: a period (时间段) and the work done in it. */
export interface ScheduleStep {
  period: string;
  work: string;
}

/** Funds split by source as the annex prints them, in 分. */
export interface FundSplit {
  fiscalFen: Fen;
  otherFen: Fen;
}

export interface ProjectAnnex {
  /** 中期目标: what the project achieves over its whole term. */
  midtermGoal: string;
  /** 中期绩效指标: the same shape as the year's, never monitored or self-evaluated. */
  midtermIndicators: TargetIndicator[];
  /** 中期资金总额 split; null when not entered. */
  midtermFunds: FundSplit | null;
  /** 年度资金总额 split; null when not entered (the form proposes proposedAnnualSplit). */
  annualFunds: FundSplit | null;
  /** 立项依据 */
  projectBasis: string;
  /** 实施进度计划 */
  schedule: ScheduleStep[];
  contactPerson: string;
  contactPhone: string;
}

export const emptyAnnex = (): ProjectAnnex => ({
  midtermGoal: '',
  midtermIndicators: [],
  midtermFunds: null,
  annualFunds: null,
  projectBasis: '',
  schedule: [],
  contactPerson: '',
  contactPhone: '',
});

export const splitTotal = (split: FundSplit): Fen => split.fiscalFen + split.otherFen;

/** The calendar years a project's 期限 covers (2019-03-01 to 2021-12-31 → 3), or null without both dates. */
export function termYears(project: { startDate: string | null; endDate: string | null }): number | null {
  if (!project.startDate || !project.endDate) return null;
  const years = Number(project.endDate.slice(0, 4)) - Number(project.startDate.slice(0, 4)) + 1;
  return Number.isInteger(years) && years > 0 ? years : null;
}

/** 中期 parts belong to a continuing (延续) project and to one whose 期限 runs over more than one year. */
export function hasMidterm(project: { attribute: string; startDate: string | null; endDate: string | null }): boolean {
  return project.attribute === '延续' || (termYears(project) ?? 1) > 1;
}

/** 项目期 as printed: 2019-01-01 至 2021-12-31（3 年）. */
export function projectTermText(project: { startDate: string | null; endDate: string | null }): string {
  if (!project.startDate && !project.endDate) return '';
  const years = termYears(project);
  return `${project.startDate ?? ''} 至 ${project.endDate ?? ''}${years ? `（${years} 年）` : ''}`;
}

/**
 * Which fund sources the annex counts as 财政拨款: the year's appropriations, own and from above. Carry-over,
 * special-account, the unit's own and other funds are 其他资金.
 */
const FISCAL_SOURCES: ReadonlySet<string> = new Set(['本级财政拨款', '上级补助（中央）', '上级补助（自治区）', '上级补助（州）']);

/** The year's split as the fund sources give it, adjusted budget by source; what the form starts from. */
export function proposedAnnualSplit(funds: readonly FundRow[]): FundSplit {
  const split = { fiscalFen: 0, otherFen: 0 };
  for (const f of funds) {
    if (FISCAL_SOURCES.has(f.source)) split.fiscalFen += adjustedFen(f);
    else split.otherFen += adjustedFen(f);
  }
  return split;
}

const wan = (fen: Fen) => `${formatWanYuan(fen)} 万元`;

/** A split of `total` entered by hand: both parts whole 分, never negative, and adding up to the total. */
export function annualSplitProblem(split: FundSplit, totalFen: Fen): string | null {
  if (![split.fiscalFen, split.otherFen].every((f) => Number.isSafeInteger(f) && f >= 0)) return '财政拨款和其他资金不能为负数';
  if (splitTotal(split) === totalFen) return null;
  return `年度资金总额 ${wan(totalFen)}，财政拨款 ${wan(split.fiscalFen)} + 其他资金 ${wan(split.otherFen)} = ${wan(splitTotal(split))}，两者应相等`;
}

/** The 中期 total covers the year: it is never less than the year's funds. */
export function midtermSplitProblem(split: FundSplit, annualTotalFen: Fen): string | null {
  if (![split.fiscalFen, split.otherFen].every((f) => Number.isSafeInteger(f) && f >= 0)) return '中期资金的财政拨款和其他资金不能为负数';
  if (splitTotal(split) >= annualTotalFen) return null;
  return `中期资金总额 ${wan(splitTotal(split))} 少于年度资金总额 ${wan(annualTotalFen)}：中期资金应包含本年度资金`;
}

const MOBILE = /^1[3-9]\d{9}$/;
/** 区号 (3–4 digits from 0), a dash or not, a 7–8 digit number, an optional extension: 0996-4621234, 010-12345678-801. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

/** 联系电话: an 11-digit mobile number or a landline with its area code; empty is allowed (not yet known). */
export function contactPhoneProblem(phone: string): string | null {
  const compact = phone.replace(/[\s ]/g, '');
  if (compact === '' || MOBILE.test(compact) || LANDLINE.test(compact)) return null;
  return '联系电话应为 11 位手机号码（如 13912345678）或带区号的固定电话（如 0996-4621234）';
}

const MAX_TEXT = 1000;

function checkSchedule(schedule: readonly ScheduleStep[]): TargetProblem[] {
  return schedule.flatMap((step, row): TargetProblem[] => {
    const problems: TargetProblem[] = [];
    if (step.period.trim() === '') problems.push({ area: 'schedule', row, field: 'period', message: '请填写时间段（如 2020年1—3月）' });
    if (step.work.trim() === '') problems.push({ area: 'schedule', row, field: 'work', message: '请填写该时间段的工作内容' });
    return problems;
  });
}

export interface AnnexContext {
  /** The project's 年度资金总额 (adjusted budget, all sources), in 分. */
  annualTotalFen: Fen;
  /** Whether the 中期 parts apply (hasMidterm). */
  midterm: boolean;
}

/** The annex's own rules; the 中期 parts are checked only where they apply. */
export function checkProjectAnnex(annex: ProjectAnnex, context: AnnexContext, fw: Framework): TargetProblem[] {
  const problems: TargetProblem[] = [];
  if (annex.annualFunds) {
    const message = annualSplitProblem(annex.annualFunds, context.annualTotalFen);
    if (message) problems.push({ area: 'annualFunds', message });
  }
  if (context.midterm) {
    if (annex.midtermGoal.trim().length > MAX_TEXT) problems.push({ area: 'midtermGoal', message: `中期目标不能超过 ${MAX_TEXT} 个字` });
    if (annex.midtermFunds) {
      const message = midtermSplitProblem(annex.midtermFunds, context.annualTotalFen);
      if (message) problems.push({ area: 'midtermFunds', message });
    }
    problems.push(...checkRows(annex.midtermIndicators, fw).map((p) => ({ ...p, area: 'midtermIndicators' as const })));
  }
  if (annex.projectBasis.trim().length > MAX_TEXT) problems.push({ area: 'projectBasis', message: `立项依据不能超过 ${MAX_TEXT} 个字` });
  problems.push(...checkSchedule(annex.schedule));
  const phone = contactPhoneProblem(annex.contactPhone);
  if (phone) problems.push({ area: 'contact', field: 'contactPhone', message: phone });
  if (annex.contactPerson.trim().length > 30) problems.push({ area: 'contact', field: 'contactPerson', message: '联系人不能超过 30 个字' });
  return problems;
}

/**
 * Where 上年实际值 comes from: last year's approved self-evaluation (the year's 实际完成值), or, while last
 * year has none, its latest approved monitoring sheet — then the value reached by that month (1–X月), shown
 * as such so nobody takes a part-year figure for the year's.
 */
export type LastYearActualSource = { kind: 'selfEvaluation' } | { kind: 'monitoring'; month: number };

/** An indicator of last year's approved target, with what was achieved and how monitoring saw it. */
export interface LastYearIndicator {
  libraryCode: string | null;
  name: string;
  operator: IndicatorOperator | '';
  value: string;
  unit: string;
  /** 上年实际值 from the target's actualSource; null where it recorded none. */
  actual: string | null;
  /** The light of last year's last monitoring round; null when it was not monitored. */
  light: Light | null;
}

/**
 * Last year's approved target of a continuing (延续) project: the same project code, implemented by the same
 * unit, the year before (the lineage the sample and the budget system keep). Its budget, where its actual
 * values come from (null: neither an approved self-evaluation nor an approved monitoring sheet), and its
 * indicators.
 */
export interface LastYearTarget {
  year: number;
  adjustedFen: Fen;
  actualSource: LastYearActualSource | null;
  indicators: LastYearIndicator[];
}

/** The heading of the 上年实际值 column: 上年实际值, or 上年实际值（监控至8月） when monitoring gave it. */
export const lastYearActualLabel = (source: LastYearActualSource | null): string =>
  source?.kind === 'monitoring' ? `上年实际值（监控至${source.month}月）` : '上年实际值';

/** What a warning calls last year's actual: 上年（2020 年）实际完成值, or 上年（2020 年）监控至 8 月的完成值. */
export const lastYearActualPhrase = (lastYear: Pick<LastYearTarget, 'year' | 'actualSource'>): string =>
  lastYear.actualSource?.kind === 'monitoring' ? `上年（${lastYear.year} 年）监控至 ${lastYear.actualSource.month} 月的完成值` : `上年（${lastYear.year} 年）实际完成值`;

/** Last year's indicator this one continues: the same library indicator, else the same level-3 name. */
export function lastYearOf<T extends Pick<LastYearIndicator, 'libraryCode' | 'name'>>(indicator: Pick<TargetIndicator, 'libraryCode' | 'name'>, lastYear: readonly T[]): T | null {
  const byCode = indicator.libraryCode ? lastYear.find((l) => l.libraryCode === indicator.libraryCode) : undefined;
  return byCode ?? lastYear.find((l) => l.name.trim() !== '' && l.name.trim() === indicator.name.trim()) ?? null;
}

/**
 * A continuing project's target set below what it already achieved last year (target-quality check,
 * issue 16): for `≥`/`>` a target value under last year's actual, for `≤`/`<` (less is better) one above it.
 * A part-year actual from monitoring counts too: a year's target below what 8 months reached is too low.
 * `=` and qualitative indicators, and rows without a numeric target or actual, are never flagged.
 */
export function belowLastYearActual(indicator: Pick<TargetIndicator, 'operator' | 'value'>, lastYear: Pick<LastYearIndicator, 'actual'> | null): boolean {
  if (!lastYear?.actual) return false;
  const target = parseDecimal(indicator.value);
  const actual = parseDecimal(lastYear.actual);
  if (!target || !actual) return false;
  if (indicator.operator === '≥' || indicator.operator === '>') return compare(target, actual) < 0;
  if (indicator.operator === '≤' || indicator.operator === '<') return compare(target, actual) > 0;
  return false;
}
