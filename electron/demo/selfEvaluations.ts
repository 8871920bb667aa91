// The sample county's year end: self-evaluations of most approved project targets, started the way a
// unit starts one (prefilled from the budget and whatever monitoring the year has), filled with
// plausible actuals — most met, weak projects short on several with their reasons, a fifth of the
// budgets below 90% — and walked
// through review to a mix of 草稿 / 已送审 / 被退回 / 通过. A fifth of the approved targets stay
// unevaluated, as in a real county at the deadline.
import type { Db } from '../../db/open';
import type { Actor } from '../audit/audit';
import { mul, parseDecimal, plainDecimal, ratio, type Ratio } from '../domain/ratio';
import { TIERS } from '../domain/selfEvaluation';
import { WORKFLOW_STATES, type WorkflowState } from '../domain/workflow';
import { createSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, transitionSelfEvaluation, type SelfEvaluationDetail, type SelfEvaluationSaveInput } from '../selfEvaluation';
import type { Random } from './random';

// Fictitious people, so the sample's history never names a real operator, and the submitter is not the reviewer.
const UNIT_CLERK: Actor = { id: null, name: '示例单位经办人' };
const BUREAU_REVIEWER: Actor = { id: null, name: '示例审核人' };

const SHORT_REASON = '受资金到位时间和施工季节影响，部分任务顺延至次年一季度完成；已督促加快进度';
const BUDGET_REASON = '部分资金于四季度下达，年底前未能全部支付';

/** a × percent ÷ 100 as people write it (at most 2 decimals). */
const percentOf = (value: Ratio, percent: number) => plainDecimal(mul(value, ratio(percent, 100)));

/** What the unit reports against one approved indicator: met at or around its target, sometimes short. */
function actualOf(row: SelfEvaluationDetail['indicators'][number], random: Random, short: boolean): Pick<SelfEvaluationSaveInput['indicators'][number], 'actual' | 'tier' | 'score'> {
  const weight = parseDecimal(row.weight);
  if (row.operator === '定性') {
    const tier = short ? TIERS[1] : TIERS[0];
    // Inside the tier: 达成 80–100% of the weight, 部分达成 60–79%.
    const score = weight ? percentOf(weight, short ? random.int(60, 79) : random.int(85, 100)) : '';
    return { actual: short ? '部分达成' : '达成预期', tier, score };
  }
  const target = parseDecimal(row.targetValue);
  if (!target) return { actual: '', tier: null, score: '' };
  const positive = row.operator === '≥' || row.operator === '>';
  if (row.operator === '=') return { actual: row.targetValue, tier: null, score: '' };
  if (positive) return { actual: percentOf(target, short ? random.int(30, 90) : random.int(100, 115)), tier: null, score: '' };
  return { actual: percentOf(target, short ? random.int(110, 180) : random.int(85, 100)), tier: null, score: '' };
}

function filledIn(detail: SelfEvaluationDetail, random: Random): SelfEvaluationSaveInput {
  const lagging = random.chance(0.2);
  const executed = (adjustedFen: number) => Math.round((adjustedFen * (lagging ? random.int(50, 89) : random.int(92, 100))) / 100);
  const funds = Object.fromEntries(Object.entries(detail.funds).map(([row, f]) => [row, { ...f, executedFen: executed(f.adjustedFen) }])) as SelfEvaluationSaveInput['funds'];
  // A weak project misses several indicators; most miss none.
  const weak = random.chance(0.35);
  const short = detail.indicators.map(() => weak && random.chance(0.5));
  const anyShort = short.some(Boolean);
  return {
    id: detail.id,
    version: detail.version,
    funds,
    budgetReason: lagging ? BUDGET_REASON : '',
    goalAchieved: anyShort ? '年度目标部分完成，部分指标未达到' : '年度目标全部完成',
    problems: anyShort ? '部分任务进度滞后' : '',
    measures: anyShort ? '加强项目调度，按月跟踪进度' : '',
    indicators: detail.indicators.map((row, n) => ({
      id: row.id,
      ...actualOf(row, random, short[n]!),
      deduction: '',
      deductionReason: '',
      deviationReason: short[n] ? SHORT_REASON : '',
    })),
  };
}

/** Where each evaluated table ends up: mostly 通过, some waiting or returned, a few still drafts. */
function finalState(random: Random): WorkflowState {
  const roll = random.next();
  return roll < 0.6 ? 'approved' : roll < 0.78 ? 'submitted' : roll < 0.88 ? 'returned' : 'draft';
}

/** Walks a saved table to `state`; one that cannot be submitted (a row without a weight) stays a draft. */
function advance(db: Db, detail: SelfEvaluationDetail, state: WorkflowState): WorkflowState {
  if (state === 'draft' || detail.problemList.length > 0) return 'draft';
  const submitted = transitionSelfEvaluation(db, UNIT_CLERK, { id: detail.id, version: detail.version, action: 'submit' });
  if (state === 'submitted') return 'submitted';
  const decision = state === 'approved' ? { action: 'approve' as const } : { action: 'return' as const, opinion: '偏差原因分析过于笼统，请补充具体措施' };
  return transitionSelfEvaluation(db, BUREAU_REVIEWER, { id: submitted.id, version: submitted.version, ...decision }).status;
}

/** Writes the year-end self-evaluations; returns how many ended in each state. */
export function writeDemoSelfEvaluations(db: Db, year: number, random: Random): Record<WorkflowState, number> {
  const counts = Object.fromEntries(WORKFLOW_STATES.map((s) => [s, 0])) as Record<WorkflowState, number>;
  for (const row of listSelfEvaluations(db, { year })) {
    if (!random.chance(0.8)) continue;
    const created = createSelfEvaluation(db, UNIT_CLERK, { targetId: row.targetId });
    const saved = saveSelfEvaluation(db, UNIT_CLERK, filledIn(created, random));
    counts[advance(db, saved, finalState(random))]++;
  }
  return counts;
}
