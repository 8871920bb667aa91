// 固化指标: library indicators that every target of a project type, or of a fund kind (衔接资金), must
// carry. The library sets them; a new target starts with them; the unit sets their values but never
// removes or renames one, and a target without one cannot be submitted.
import { OPERATORS, type IndicatorOperator } from './indicators';
import type { TargetIndicator, TargetProblem } from './targets';

/** What a mandatory set is attached to: a 项目类型 (by its code) or a fund kind (by FUND_KINDS' code). */
export const MANDATORY_SCOPES = ['projectType', 'fund'] as const;
export type MandatoryScope = (typeof MANDATORY_SCOPES)[number];

/** The fund kinds a project is marked with; 衔接资金 is the project's 衔接资金 flag (projects.povertyFund). */
export const FUND_KINDS = [{ code: 'poverty', label: '衔接资金' }] as const;
export type FundKind = (typeof FUND_KINDS)[number]['code'];

/** The direction (指标性质) a mandatory indicator starts with: '' keeps the library indicator's own. */
export const MANDATORY_OPERATORS = ['', ...OPERATORS] as const;

/** A mandatory indicator as a target sees it: the library row it comes from and the rule that imposes it. */
export interface MandatoryIndicator {
  libraryCode: string;
  /** The row a new target gets (the library's reference value, and the set's direction when it has one). */
  row: TargetIndicator;
  /** Why it is mandatory, e.g. 衔接资金项目的固化指标. */
  rule: string;
}

/** What a project is, for choosing its mandatory sets. */
export interface MandatoryProject {
  projectTypeCode: string | null;
  povertyFund: boolean;
}

/** The sets that bind a project: the fund kinds it is marked with, then its own project type. */
export function mandatoryScopes(project: MandatoryProject): { scope: MandatoryScope; code: string }[] {
  return [
    ...(project.povertyFund ? [{ scope: 'fund' as const, code: 'poverty' }] : []),
    ...(project.projectTypeCode ? [{ scope: 'projectType' as const, code: project.projectTypeCode }] : []),
  ];
}

export const fundKindLabel = (code: string): string => FUND_KINDS.find((k) => k.code === code)?.label ?? code;

/** The rule's wording, naming the project type or the fund kind. */
export const mandatoryRule = (scope: MandatoryScope, scopeName: string): string =>
  scope === 'fund' ? `${scopeName}项目的固化指标` : `项目类型“${scopeName}”的固化指标`;

/** The row a new target gets: the library row, with the set's direction when one is given. */
export function mandatoryRow(libraryRow: TargetIndicator, operator: IndicatorOperator | ''): TargetIndicator {
  if (operator === '' || operator === libraryRow.operator) return libraryRow;
  return { ...libraryRow, operator, ...(operator === '定性' ? { unit: '' } : {}) };
}

const carries = (indicators: readonly TargetIndicator[], m: MandatoryIndicator) => indicators.some((i) => i.libraryCode === m.libraryCode);

/** A new target's rows: every mandatory indicator first, as the set gives it, then the others it starts with. */
export function withMandatory(indicators: readonly TargetIndicator[], mandatory: readonly MandatoryIndicator[]): TargetIndicator[] {
  return [...mandatory.map((m) => m.row), ...indicators.filter((i) => !isMandatoryRow(i, mandatory))];
}

/** The mandatory indicators a target lacks (an older target, or one from Excel). */
export const missingMandatory = (indicators: readonly TargetIndicator[], mandatory: readonly MandatoryIndicator[]): MandatoryIndicator[] =>
  mandatory.filter((m) => !carries(indicators, m));

/** Whether a row of the form is a mandatory one (shown locked: no delete, no rename). */
export const isMandatoryRow = (row: Pick<TargetIndicator, 'libraryCode'>, mandatory: readonly MandatoryIndicator[]): boolean =>
  row.libraryCode !== null && mandatory.some((m) => m.libraryCode === row.libraryCode);

const names = (list: readonly MandatoryIndicator[]) => list.map((m) => `“${m.row.name}”（${m.rule}）`).join('、');

/** The §4 problem a target lacking mandatory indicators has: it cannot be submitted, naming them. */
export function mandatoryProblems(indicators: readonly TargetIndicator[], mandatory: readonly MandatoryIndicator[]): TargetProblem[] {
  const missing = missingMandatory(indicators, mandatory);
  if (missing.length === 0) return [];
  return [{ area: 'indicators', message: `缺少固化指标 ${names(missing)}：请从指标库添加，固化指标不能省略` }];
}

/**
 * The part of a mandatory row the unit may not change: its level-3 name (with its library code, what makes
 * it the library's indicator). Its levels, direction, value, unit, weight and the rest stay the unit's.
 */
export const renamesMandatory = (row: Pick<TargetIndicator, 'name'>, m: MandatoryIndicator): boolean => row.name.trim() !== m.row.name.trim();

/**
 * The mandatory indicator a row of an Excel file stands for: the one its 指标库编码 names, else, for a row
 * without one (a unit's own file), the one with its level-3 name. Null for any other row.
 */
export function recognisedMandatory(row: Pick<TargetIndicator, 'libraryCode' | 'name'>, mandatory: readonly MandatoryIndicator[]): MandatoryIndicator | null {
  if (row.libraryCode) return mandatory.find((m) => m.libraryCode === row.libraryCode) ?? null;
  return mandatory.find((m) => !renamesMandatory(row, m)) ?? null;
}

/** Why an imported row that stands for a mandatory indicator is refused: it renames it. */
export const mandatoryRenameProblem = (m: MandatoryIndicator): string =>
  `${names([m])}是指标库设定的固化指标，三级指标名称不能修改，请改回“${m.row.name}”；指标值可以修改`;

/**
 * A target's rows with the mandatory indicators it lacks added in front, as a new target starts with them,
 * and which were added: an Excel file without them imports with them. Each comes as the target held it
 * (`current`, so a value the unit set survives a file that left the row out), else as the set gives it.
 */
export function completedWithMandatory(
  indicators: readonly TargetIndicator[],
  mandatory: readonly MandatoryIndicator[],
  current: readonly TargetIndicator[] = [],
): { indicators: TargetIndicator[]; added: MandatoryIndicator[] } {
  const added = missingMandatory(indicators, mandatory);
  const rowOf = (m: MandatoryIndicator) => current.find((i) => i.libraryCode === m.libraryCode) ?? m.row;
  return { indicators: [...added.map(rowOf), ...indicators], added };
}

/**
 * Why a save is refused, or null: a mandatory indicator the target carried (`before`) is gone, or its
 * level-3 name was changed (renamesMandatory).
 */
export function mandatoryChangeRefusal(
  before: readonly TargetIndicator[],
  after: readonly TargetIndicator[],
  mandatory: readonly MandatoryIndicator[],
): string | null {
  const held = mandatory.filter((m) => carries(before, m));
  const removed = held.filter((m) => !carries(after, m));
  if (removed.length) return `${names(removed)}是指标库设定的固化指标，不能删除；指标值可以修改`;
  const renamed = held.filter((m) => after.some((i) => i.libraryCode === m.libraryCode && renamesMandatory(i, m)));
  if (renamed.length) return `${names(renamed)}是指标库设定的固化指标，三级指标名称不能修改；指标值可以修改`;
  return null;
}
