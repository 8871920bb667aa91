// 结果应用, domain.md §7: a project's grade decides next year's measure by the bureau's settings (优 →
// 优先保障, 良 → 据实保障, 中 → 核减 10%, 差 → 取消或暂停), unrectified findings put the money off until
// they are rectified, and a project whose grade is poor or whose targets were not met gives back its
// unspent balance (收回结转结余). Every proposal says which record and which rule produced it, so the list
// handed to the budget section can be checked line by line.
import { formatWanYuan, type Fen } from './money';
import { div, mul, parseDecimal, percent, ratio, sub, type Ratio } from './ratio';
import type { SettingValue } from './settings';

/** Where a grade comes from, strongest first: a finance evaluation outranks a department one, which outranks the unit's own. */
export const GRADE_SOURCES = ['finance-evaluation', 'department-evaluation', 'self-evaluation'] as const;
export type GradeSource = (typeof GRADE_SOURCES)[number];
export const GRADE_SOURCE_LABELS: Record<GradeSource, string> = {
  'finance-evaluation': '财政评价',
  'department-evaluation': '部门评价',
  'self-evaluation': '绩效自评',
};

export interface GradedSource {
  source: GradeSource;
  /** The grade as the record names it, one of the grade labels (优/良/中/差 by default). */
  grade: string;
  recordId: string;
}

/** What the grade asks of next year's budget; `rectifyFirst` overrides it while findings are open. */
export const MEASURES = ['priority', 'asNeeded', 'cut', 'cancel', 'rectifyFirst'] as const;
export type Measure = (typeof MEASURES)[number];

export interface ResultRules {
  /** Grade labels, best first (setting evaluation.gradeLabels). */
  grades: readonly string[];
  excellent: string;
  good: string;
  /** 中's cut, percent of the base amount (setting results.cutFair), e.g. "10". */
  cutPercent: string;
  poor: string;
}

/** The rules from the bureau's settings (`value` gives a setting's effective value). */
export const resultRules = (value: (key: string) => SettingValue): ResultRules => ({
  grades: String(value('evaluation.gradeLabels')).split('/').map((label) => label.trim()),
  excellent: String(value('results.actionExcellent')),
  good: String(value('results.actionGood')),
  cutPercent: String(value('results.cutFair')),
  poor: String(value('results.actionPoor')),
});

export const RECTIFY_FIRST = '整改后再安排';

/** The grade that decides: the strongest source that has one. */
export function decisiveGrade(sources: readonly GradedSource[]): GradedSource | null {
  for (const source of GRADE_SOURCES) {
    const found = sources.find((s) => s.source === source);
    if (found) return found;
  }
  return null;
}

interface GradeMeasure {
  measure: Exclude<Measure, 'rectifyFirst'>;
  label: string;
  /** The setting applied, as the trace names it. */
  rule: string;
}

/** The measure a grade asks for; a grade outside the labels is a mistake in the data, refused by name. */
export function gradeMeasure(grade: string, rules: ResultRules): GradeMeasure {
  switch (rules.grades.indexOf(grade)) {
    case 0:
      return { measure: 'priority', label: rules.excellent, rule: `评价为“${grade}”的预算安排：${rules.excellent}` };
    case 1:
      return { measure: 'asNeeded', label: rules.good, rule: `评价为“${grade}”的预算安排：${rules.good}` };
    case 2:
      return { measure: 'cut', label: `核减 ${rules.cutPercent}%`, rule: `评价为“${grade}”的核减比例：${rules.cutPercent}%` };
    case 3:
      return { measure: 'cancel', label: rules.poor, rule: `评价为“${grade}”的预算安排：${rules.poor}` };
    default:
      throw new Error(`等级“${grade}”不在等级名称（${rules.grades.join('/')}）之中`);
  }
}

/** A grade of 中 or 差 (the lower half of the labels): results that ask for money back. */
export const isPoorGrade = (grade: string, rules: ResultRules): boolean => rules.grades.indexOf(grade) >= 2;

/**
 * The cut amount, rounded to the 分 half up: 核减 10% of 100 万元 is 90 万元, and of 15 分 is 13.5 → 14 分
 * (the budget section arranges whole 分; rounding up never cuts more than the rule says).
 */
export function cutAmount(baseFen: Fen, cutPercent: string): Fen {
  const kept = sub(ratio(1), div(parseDecimal(cutPercent)!, ratio(100)));
  const exact = mul(ratio(baseFen), kept);
  return Number((exact.num * 2n + exact.den) / (exact.den * 2n));
}

export interface BaseAmount {
  fen: Fen;
  /** next-year: the project's request in next year's register; this-year: its adjusted budget this year. */
  kind: 'next-year' | 'this-year';
}

export const BASE_LABELS: Record<BaseAmount['kind'], string> = { 'next-year': '下年申请数', 'this-year': '本年调整后预算' };

/** Next year's request for the same project code when the register has it, else this year's adjusted budget. */
export const baseAmount = (nextYearAdjustedFen: Fen | null, thisYearAdjustedFen: Fen): BaseAmount =>
  nextYearAdjustedFen === null ? { fen: thisYearAdjustedFen, kind: 'this-year' } : { fen: nextYearAdjustedFen, kind: 'next-year' };

export interface ProjectResultInput {
  sources: readonly GradedSource[];
  /** Open rectification notices on the project (not 通过), by their number. */
  openNotices: readonly number[];
  nextYearAdjustedFen: Fen | null;
  thisYearAdjustedFen: Fen;
  /** 全年执行数 this year (the approved self-evaluation's, else the last monitoring sheet's). */
  executedFen: Fen;
  /** Whether every target was met (false when an indicator was not); null when nobody knows yet. */
  targetsMet: boolean | null;
}

export interface ResultProposal {
  grade: GradedSource;
  measure: Measure;
  measureLabel: string;
  base: BaseAmount;
  proposedFen: Fen;
  /** 收回结转结余: the unspent balance proposed for recovery, 0 when none is proposed. */
  recoverFen: Fen;
  /** The rules applied, in the order they apply, for the trace. */
  rules: string[];
}

function proposedAmount(measure: GradeMeasure['measure'], baseFen: Fen, rules: ResultRules): Fen {
  if (measure === 'cut') return cutAmount(baseFen, rules.cutPercent);
  if (measure === 'cancel') return 0;
  return baseFen;
}

/**
 * The proposal for one project, or null when no source has graded it. Open findings override the grade's
 * measure: the amount the grade gives stays proposed, to be arranged only once the notices pass.
 */
export function proposeForProject(input: ProjectResultInput, rules: ResultRules): ResultProposal | null {
  const grade = decisiveGrade(input.sources);
  if (!grade) return null;
  const byGrade = gradeMeasure(grade.grade, rules);
  const base = baseAmount(input.nextYearAdjustedFen, input.thisYearAdjustedFen);
  const applied = [`${GRADE_SOURCE_LABELS[grade.source]}等级“${grade.grade}”`, byGrade.rule, `基数：${BASE_LABELS[base.kind]} ${formatWanYuan(base.fen)} 万元`];
  const unrectified = input.openNotices.length > 0;
  if (unrectified) applied.push(`未整改到位（整改通知第 ${input.openNotices.join('、')} 号）：${RECTIFY_FIRST}`);
  const recover = balanceToRecover(input, grade.grade, rules);
  if (recover.fen > 0) applied.push(recover.why);
  return {
    grade,
    measure: unrectified ? 'rectifyFirst' : byGrade.measure,
    measureLabel: unrectified ? RECTIFY_FIRST : byGrade.label,
    base,
    proposedFen: proposedAmount(byGrade.measure, base.fen, rules),
    recoverFen: recover.fen,
    rules: applied,
  };
}

/** The balance (adjusted − executed, never negative) proposed for recovery when the grade is 中/差 or a target was missed. */
function balanceToRecover(input: ProjectResultInput, grade: string, rules: ResultRules): { fen: Fen; why: string } {
  const balance = Math.max(0, input.thisYearAdjustedFen - input.executedFen);
  const reason = isPoorGrade(grade, rules) ? `等级“${grade}”` : input.targetsMet === false ? '绩效目标未完成' : null;
  if (!reason || balance === 0) return { fen: 0, why: '' };
  return { fen: balance, why: `${reason}：收回结转结余 ${formatWanYuan(balance)} 万元（调整后预算 − 全年执行数）` };
}

// The budget section's answer per line.
export const DECISIONS = ['adopted', 'partly', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = { adopted: '采纳', partly: '部分采纳', rejected: '未采纳' };

export interface DecisionInput {
  decision: Decision;
  /** The amount the budget section will arrange, in 分; for 部分采纳 only (采纳 is the proposal, 未采纳 the base). */
  amountFen: Fen | null;
  reason: string;
}

/**
 * The amounts a 部分采纳 lies strictly between: for a cut or a cancellation, the proposal and the base (at
 * either end it would be 采纳 or 未采纳); for a line kept at its base, 0 and the base.
 */
export function partialRange(proposal: { proposedFen: Fen; baseFen: Fen }): { low: Fen; high: Fen } {
  if (proposal.proposedFen < proposal.baseFen) return { low: proposal.proposedFen, high: proposal.baseFen };
  return { low: 0, high: proposal.proposedFen };
}

/** Why a decision cannot be recorded, or null: a reason unless it is 采纳, and a 部分采纳 amount within its range. */
export function decisionProblem(input: DecisionInput, proposal: { proposedFen: Fen; baseFen: Fen }): string | null {
  if (input.decision !== 'adopted' && input.reason.trim() === '') return `“${DECISION_LABELS[input.decision]}”须填写理由，请写明预算科的考虑`;
  if (input.decision !== 'partly') return null;
  if (input.amountFen === null) return '“部分采纳”须填写下年安排金额（万元）';
  const { low, high } = partialRange(proposal);
  if (high - low <= 1) return '这一行的建议数与基数之间没有可部分采纳的金额，请选“采纳”或“未采纳”';
  if (input.amountFen <= low || input.amountFen >= high) {
    return `“部分采纳”的安排金额应在 ${formatWanYuan(low)} 与 ${formatWanYuan(high)} 万元之间（不含两端），现为 ${formatWanYuan(input.amountFen)} 万元`;
  }
  return null;
}

/** The amount a decision arranges: 采纳 the proposal, 部分采纳 its amount, 未采纳 the base as it was. */
export function decidedAmount(input: Pick<DecisionInput, 'decision' | 'amountFen'>, proposal: { proposedFen: Fen; baseFen: Fen }): Fen {
  if (input.decision === 'adopted') return proposal.proposedFen;
  if (input.decision === 'partly') return input.amountFen!;
  return proposal.baseFen;
}

export interface AdoptionShare {
  decided: number;
  adopted: number;
  partly: number;
  /** (采纳 + 部分采纳) ÷ lines decided; null before any decision. */
  lineShare: Ratio | null;
  /** Of the cuts and cancellations proposed on decided lines (base − proposed), the part the decisions carry out; null when none. */
  cutShare: Ratio | null;
}

/**
 * How far results were applied: the share of decided lines adopted or partly adopted, and of the money
 * the proposals take away (a 核减 of 10 万元 carried out as 5 万元 counts half).
 */
export function adoptionShare(lines: readonly { decision: Decision | null; decidedFen: Fen | null; proposedFen: Fen; baseFen: Fen }[]): AdoptionShare {
  const decided = lines.filter((l) => l.decision !== null);
  const adopted = decided.filter((l) => l.decision === 'adopted').length;
  const partly = decided.filter((l) => l.decision === 'partly').length;
  const proposedCut = decided.reduce((sum, l) => sum + Math.max(0, l.baseFen - l.proposedFen), 0);
  const carriedCut = decided.reduce((sum, l) => sum + Math.min(Math.max(0, l.baseFen - (l.decidedFen ?? l.baseFen)), Math.max(0, l.baseFen - l.proposedFen)), 0);
  return {
    decided: decided.length,
    adopted,
    partly,
    lineShare: decided.length === 0 ? null : ratio(adopted + partly, decided.length),
    cutShare: proposedCut === 0 ? null : ratio(carriedCut, proposedCut),
  };
}

/** A share as the page prints it: 66.67%, or — before there is anything to divide. */
export const shareText = (share: Ratio | null): string => (share === null ? '—' : `${percent(share)}%`);

