// Template validation (domain.md §6): every problem is attached to the node it is about, so the editor
// shows it there while typing and the service refuses a template that has any.
import { add, compare, mul, parseDecimal, plainDecimal, ratio, type Ratio } from '../ratio';
import { isLeaf, MAX_LEVEL, placedNodes, type NodePath, type Rule, type TemplateKind, type TemplateNode } from './template';

const ZERO = ratio(0);
const TOTAL = ratio(100);
/** 产出 + 效益 together at least 60% of the points (财预〔2020〕10号 annex). */
const OUTPUT_AND_BENEFIT_SHARE = ratio(60, 100);

export interface TemplateProblem {
  /** The node it is about; null for the template as a whole. */
  path: NodePath | null;
  message: string;
}

const decimalAtLeast = (text: string, floor: Ratio): Ratio | null => {
  const value = parseDecimal(text);
  return value && compare(value, floor) >= 0 ? value : null;
};

const sumOf = (nodes: readonly TemplateNode[]): Ratio | null => {
  const points = nodes.map((n) => parseDecimal(n.points));
  return points.every((p) => p !== null) ? (points as Ratio[]).reduce(add, ZERO) : null;
};

function stepTableProblems(steps: Rule & { type: 'step-table' }, points: Ratio): string[] {
  if (steps.steps.length === 0) return ['分档计分至少需要一个分档'];
  const problems: string[] = [];
  steps.steps.forEach((step, i) => {
    const label = `第 ${i + 1} 档`;
    const from = parseDecimal(step.from);
    const last = i === steps.steps.length - 1;
    const to = step.to.trim() === '' && last ? null : parseDecimal(step.to);
    const stepPoints = decimalAtLeast(step.points, ZERO);
    if (!from) problems.push(`${label}的下限“${step.from}”应为数字`);
    if (to === null && step.to.trim() !== '') problems.push(`${label}的上限“${step.to}”应为数字`);
    if (step.to.trim() === '' && !last) problems.push(`${label}的上限不能为空（只有最后一档可以不设上限）`);
    if (from && to && compare(from, to) >= 0) problems.push(`${label}的下限应小于上限`);
    if (!stepPoints) problems.push(`${label}的得分“${step.points}”应为不小于 0 的数字`);
    else if (compare(stepPoints, points) > 0) problems.push(`${label}的得分 ${step.points} 超过本指标分值 ${plainDecimal(points)} 分`);
    const next = steps.steps[i + 1];
    if (next && to && parseDecimal(next.from) && compare(to, parseDecimal(next.from)!) !== 0) {
      problems.push(compare(to, parseDecimal(next.from)!) < 0 ? `第 ${i + 1} 档与第 ${i + 2} 档之间有空档（${step.to} 到 ${next.from}）` : `第 ${i + 1} 档与第 ${i + 2} 档重叠`);
    }
  });
  return problems;
}

/** What is wrong with a leaf's rule, given the leaf's points. */
export function ruleProblems(rule: Rule | undefined, points: Ratio): string[] {
  if (!rule) return ['末级指标需要选择评分规则'];
  switch (rule.type) {
    case 'proportional':
      return [];
    case 'step-table':
      return stepTableProblems(rule, points);
    case 'deduct-per-unit': {
      const perUnit = parseDecimal(rule.perUnit);
      const floor = decimalAtLeast(rule.floor, ZERO);
      const problems: string[] = [];
      if (!perUnit || compare(perUnit, ZERO) <= 0) problems.push(`每次扣分“${rule.perUnit}”应为大于 0 的数字`);
      if (!floor) problems.push(`最低得分“${rule.floor}”应为不小于 0 的数字`);
      else if (compare(floor, points) > 0) problems.push(`最低得分 ${rule.floor} 超过本指标分值 ${plainDecimal(points)} 分`);
      return problems;
    }
    case 'manual': {
      const low = decimalAtLeast(rule.min, ZERO);
      const high = decimalAtLeast(rule.max, ZERO);
      const problems: string[] = [];
      if (!low) problems.push(`最低分“${rule.min}”应为不小于 0 的数字`);
      if (!high) problems.push(`最高分“${rule.max}”应为不小于 0 的数字`);
      if (low && high && compare(low, high) > 0) problems.push('最低分不能高于最高分');
      if (high && compare(high, points) > 0) problems.push(`最高分 ${rule.max} 超过本指标分值 ${plainDecimal(points)} 分`);
      return problems;
    }
  }
}

function siblingProblems(siblings: readonly TemplateNode[], pathOf: (i: number) => NodePath): TemplateProblem[] {
  const seen = new Set<string>();
  const problems: TemplateProblem[] = [];
  siblings.forEach((node, i) => {
    const name = node.name.trim();
    if (name === '') problems.push({ path: pathOf(i), message: '请填写指标名称' });
    else if (seen.has(name)) problems.push({ path: pathOf(i), message: `同一级已有名为“${name}”的指标` });
    seen.add(name);
  });
  return problems;
}

const childPath = (parent: NodePath | null) => (i: number) => (parent === null ? String(i) : `${parent}.${i}`);

/** The level-1 points whose names say 产出 or 效益. */
function outputAndBenefit(tree: readonly TemplateNode[]): Ratio {
  return tree.filter((n) => /产出|效益/.test(n.name)).reduce((sum, n) => add(sum, parseDecimal(n.points) ?? ZERO), ZERO);
}

/** Every problem of a template; an empty list means it can be saved and used. */
export function validateTemplate(kind: TemplateKind, tree: readonly TemplateNode[]): TemplateProblem[] {
  if (tree.length === 0) return [{ path: null, message: '模板至少需要一个一级指标' }];
  const problems: TemplateProblem[] = [...siblingProblems(tree, childPath(null))];
  for (const { node, path, level } of placedNodes(tree)) {
    const points = decimalAtLeast(node.points, ZERO);
    const at = (message: string) => problems.push({ path, message });
    if (!points || compare(points, ZERO) === 0) at(`分值“${node.points}”应为大于 0 的数字`);
    if (isLeaf(node)) {
      if (points) ruleProblems(node.rule, points).forEach(at);
      continue;
    }
    if (level >= MAX_LEVEL) at(`指标最多分 ${MAX_LEVEL} 级，三级指标下不能再有下级`);
    if (node.rule) at('有下级指标的指标不设评分规则，由下级指标得分相加');
    problems.push(...siblingProblems(node.children!, childPath(path)));
    const sum = sumOf(node.children!);
    if (points && sum && compare(sum, points) !== 0) at(`下级指标分值合计 ${plainDecimal(sum)} 分，应等于本指标分值 ${plainDecimal(points)} 分`);
  }
  const total = sumOf(tree);
  if (total && compare(total, TOTAL) !== 0) problems.push({ path: null, message: `一级指标分值合计 ${plainDecimal(total)} 分，应为 100 分` });
  if (kind === 'project' && total && compare(outputAndBenefit(tree), mul(total, OUTPUT_AND_BENEFIT_SHARE)) < 0) {
    problems.push({ path: null, message: `产出和效益指标分值合计 ${plainDecimal(outputAndBenefit(tree))} 分，应不低于总分的 60%（${plainDecimal(mul(total, OUTPUT_AND_BENEFIT_SHARE))} 分）` });
  }
  return problems;
}

/** The problems of one node (path) or of the whole template (null), as the editor shows them in place. */
export const problemsAt = (problems: readonly TemplateProblem[], path: NodePath | null): string[] =>
  problems.filter((p) => p.path === path).map((p) => p.message);
