// An evaluation's total and grade, the way the self-evaluation does it (domain.md §6): the sum of the
// unrounded leaf scores, rounded to 2 decimals, graded by the bureau's grade lines and labels.
import { add, parseDecimal, ratio, round, toFixed, type Ratio } from '../ratio';
import { gradeOf, type ScoringSettings } from '../selfEvaluation';
import { leavesOf, type NodePath, type TemplateNode } from './template';
import { EMPTY_LEAF_INPUT, scoreLeaf, type LeafInput, type LeafScore } from './rules';

export interface EvaluationScoring {
  /** Each leaf's score by its path. */
  leaves: Map<NodePath, LeafScore>;
  /** Shown total (2 decimals) and its grade; the total counts only the leaves scored so far. */
  total: Ratio;
  totalText: string;
  grade: string;
  /** Leaves still without a score: an evaluation is submitted only when none is left. */
  unscored: number;
  /** Refusals, one line each, naming the indicator. */
  refusals: string[];
}

/** Scores every leaf of the template from the entered inputs and adds them up. */
export function scoreEvaluation(tree: readonly TemplateNode[], inputs: ReadonlyMap<NodePath, LeafInput>, settings: ScoringSettings): EvaluationScoring {
  const leaves = new Map<NodePath, LeafScore>();
  const refusals: string[] = [];
  let sum = ratio(0);
  let unscored = 0;
  for (const { node, path, names } of leavesOf(tree)) {
    const result = scoreLeaf(node.rule!, parseDecimal(node.points)!, inputs.get(path) ?? EMPTY_LEAF_INPUT);
    leaves.set(path, result);
    if (result.problem) refusals.push(`${names.join(' › ')}：${result.problem}`);
    if (result.score) sum = add(sum, result.score);
    else unscored += 1;
  }
  const total = round(sum, 2);
  return { leaves, total, totalText: toFixed(total, 2), grade: gradeOf(total, settings), unscored, refusals };
}

/** A node's score shown: a leaf's own, a parent's the sum of its scored leaves (unrounded, then shown to 2 decimals). */
export function nodeScoreText(scoring: EvaluationScoring, path: NodePath): string {
  const parts = [...scoring.leaves].filter(([p, s]) => (p === path || p.startsWith(`${path}.`)) && s.score).map(([, s]) => s.score!);
  return parts.length === 0 ? '' : toFixed(parts.reduce(add, ratio(0)), 2);
}
