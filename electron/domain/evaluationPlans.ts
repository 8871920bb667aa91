// 评价计划 (domain.md §6, issue 13): which projects the bureau (财政评价) or a 主管部门 (部门评价) evaluates in
// a year, chosen by rule — key projects, an amount, 衔接资金, a reproducible draw, or by hand — and the
// coverage the report asks for: number and amount evaluated against the whole, by department. Pure, so the
// plan page previews a rule with the same function the service applies.
import { wanYuanText, type Fen } from './money';
import { ratio, type Ratio } from './ratio';
import { drawSample, shareProblem } from './selfEvaluation';

export const PLAN_KINDS = ['finance', 'department'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_LABELS: Record<PlanKind, string> = { finance: '财政评价', department: '部门评价' };

export const SELECTION_RULES = ['key', 'amount', 'poverty', 'draw', 'hand'] as const;
export type SelectionRuleKind = (typeof SELECTION_RULES)[number];
export const SELECTION_RULE_LABELS: Record<SelectionRuleKind, string> = {
  key: '重点项目',
  amount: '调整后预算达到金额',
  poverty: '衔接资金项目',
  draw: '随机抽取',
  hand: '手工选择',
};

export type SelectionRule =
  | { kind: 'key' }
  | { kind: 'poverty' }
  /** At least this adjusted budget, in 分 (typed in 万元). */
  | { kind: 'amount'; minFen: Fen }
  /** A share (percent) of the candidates, drawn with a recorded seed so anyone can redo the draw. */
  | { kind: 'draw'; share: number; seed: string }
  | { kind: 'hand'; projectIds: string[] };

/** What a plan needs to know of a project of the year. */
export interface PlanProject {
  id: string;
  code: string;
  departmentCode: string;
  keyProject: boolean;
  povertyFund: boolean;
  adjustedFen: Fen;
}

export interface Selection<P> {
  project: P;
  /** Why it was chosen, as the plan item keeps and prints it. */
  reason: string;
}

/** Why a rule cannot be applied, or null: the form shows it under the field, the service refuses with it. */
export function ruleProblem(rule: SelectionRule): string | null {
  if (rule.kind === 'amount' && (!Number.isSafeInteger(rule.minFen) || rule.minFen <= 0)) return '金额应为大于 0 的万元数，如 100 或 50.5';
  if (rule.kind === 'draw') {
    if (rule.seed.trim() === '') return '请填写随机种子（留空时系统会生成一个并记录）';
    return shareProblem(rule.share)?.replace('抽查', '抽取') ?? null;
  }
  if (rule.kind === 'hand' && rule.projectIds.length === 0) return '请至少选择一个项目';
  return null;
}

/**
 * The candidates a rule selects, each with its reason. Candidates come in project-code order and exclude
 * what the plan holds already, so the same seed over the same plan draws the same projects.
 */
export function selectByRule<P extends PlanProject>(candidates: readonly P[], rule: SelectionRule): Selection<P>[] {
  const ordered = [...candidates].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const tagged = (chosen: readonly P[], reason: (p: P) => string) => chosen.map((project) => ({ project, reason: reason(project) }));
  switch (rule.kind) {
    case 'key':
      return tagged(ordered.filter((p) => p.keyProject), () => '重点项目');
    case 'poverty':
      return tagged(ordered.filter((p) => p.povertyFund), () => '衔接资金项目');
    case 'amount':
      return tagged(ordered.filter((p) => p.adjustedFen >= rule.minFen), (p) => `调整后预算 ${wanYuanText(p.adjustedFen)} 万元，达到 ${wanYuanText(rule.minFen)} 万元`);
    case 'draw':
      return tagged(drawSample(ordered, rule.share, rule.seed), () => `随机抽取 ${rule.share}%（种子 ${rule.seed}，候选 ${ordered.length} 个）`);
    case 'hand': {
      const wanted = new Set(rule.projectIds);
      return tagged(ordered.filter((p) => wanted.has(p.id)), () => '手工选择');
    }
  }
}

export interface CoverageLine {
  /** The 主管部门's code, or null for the whole. */
  departmentCode: string | null;
  selectedCount: number;
  totalCount: number;
  selectedFen: Fen;
  totalFen: Fen;
  /** Exact shares; null when there is nothing to cover (no projects, or no money). */
  countShare: Ratio | null;
  amountShare: Ratio | null;
}

function line(departmentCode: string | null, all: readonly PlanProject[], selected: ReadonlySet<string>): CoverageLine {
  const chosen = all.filter((p) => selected.has(p.id));
  const sum = (list: readonly PlanProject[]) => list.reduce((total, p) => total + p.adjustedFen, 0);
  const totalFen = sum(all);
  const selectedFen = sum(chosen);
  return {
    departmentCode,
    selectedCount: chosen.length,
    totalCount: all.length,
    selectedFen,
    totalFen,
    countShare: all.length ? ratio(chosen.length, all.length) : null,
    amountShare: totalFen ? ratio(selectedFen, totalFen) : null,
  };
}

/** Coverage of the selected projects against the whole year's projects: overall, then per 主管部门 in code order. */
export function coverageOf(projects: readonly PlanProject[], selectedIds: Iterable<string>): { overall: CoverageLine; byDepartment: CoverageLine[] } {
  const selected = new Set(selectedIds);
  const departments = [...new Set(projects.map((p) => p.departmentCode))].sort();
  return {
    overall: line(null, projects, selected),
    byDepartment: departments.map((code) => line(code, projects.filter((p) => p.departmentCode === code), selected)),
  };
}
