// The sample county's year end: self-evaluations of most approved project targets, started the way a
// unit starts one — prefilled from the budget and the last monitoring round (全年执行数 from its sheet,
// a 状态型 indicator's value reached, a 累计型 one's full-year expectation, a qualitative tier) — then
// completed as a unit would: a score inside each qualitative tier, the reasons the rules ask for where the
// execution is low or an indicator is not met, and walked through review to a mix of 草稿 / 已送审 /
// 被退回 / 通过. A fifth of the approved targets stay unevaluated, as in a real county at the deadline.
import type { Db } from '../../db/open';
import { mul, parseDecimal, plainDecimal, ratio, type Ratio } from '../domain/ratio';
import { assessSelfEvaluation, scoringSettingsFrom, type Tier } from '../domain/selfEvaluation';
import { WORKFLOW_STATES, type WorkflowState } from '../domain/workflow';
import { createSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, transitionSelfEvaluation, type SelfEvaluationDetail, type SelfEvaluationSaveInput } from '../selfEvaluation';
import { BUREAU_REVIEWER, UNIT_CLERK } from './actors';
import type { Random } from './random';

const SHORT_REASON = '受资金到位时间和施工季节影响，部分任务顺延至次年一季度完成；已督促加快进度';
const BUDGET_REASON = '部分资金于四季度下达，年底前未能全部支付';

/** a × percent ÷ 100 as people write it (at most 2 decimals). */
const percentOf = (value: Ratio, percent: number) => plainDecimal(mul(value, ratio(percent, 100)));

/** Where in its tier a unit scores a qualitative result: 达成 85–100% of the weight, 部分达成 60–79%, 未达成 30–55%. */
const TIER_PERCENTS: Record<Tier, [number, number]> = { achieved: [85, 100], partial: [60, 79], notAchieved: [30, 55] };

/** The prefilled table completed: scores of the qualitative rows, then every reason the domain asks for. */
function completed(detail: SelfEvaluationDetail, random: Random): SelfEvaluationSaveInput {
  const indicators = detail.indicators.map((row) => {
    const weight = parseDecimal(row.weight);
    const score = row.operator === '定性' && row.tier && weight ? percentOf(weight, random.int(...TIER_PERCENTS[row.tier])) : row.score;
    return { ...row, score };
  });
  const settings = scoringSettingsFrom((key) => detail.rules.values[key]!);
  const form = { funds: detail.funds, budgetReason: '', goalAchieved: '-', indicators };
  const assessment = assessSelfEvaluation(form, detail.rules.budgetWeight, settings);
  const short = assessment.indicators.map((i) => i.met === false);
  const anyShort = short.some(Boolean);
  return {
    id: detail.id,
    version: detail.version,
    funds: detail.funds,
    budgetReason: assessment.budgetReasonMissing ? BUDGET_REASON : '',
    goalAchieved: anyShort ? '年度目标部分完成，部分指标未达到' : '年度目标全部完成',
    problems: anyShort ? '部分任务进度滞后' : '',
    measures: anyShort ? '加强项目调度，按月跟踪进度' : '',
    indicators: indicators.map((row, n) => ({
      id: row.id,
      actual: row.actual,
      tier: row.tier,
      score: row.score,
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

/**
 * Writes the year-end self-evaluations, except for the units that fill theirs in Excel (see
 * externalTables.ts); returns how many ended in each state.
 */
export function writeDemoSelfEvaluations(db: Db, year: number, random: Random, filledInExcel: ReadonlySet<string>): Record<WorkflowState, number> {
  const counts = Object.fromEntries(WORKFLOW_STATES.map((s) => [s, 0])) as Record<WorkflowState, number>;
  for (const row of listSelfEvaluations(db, { year })) {
    if (filledInExcel.has(row.unitCode) || !random.chance(0.8)) continue;
    const created = createSelfEvaluation(db, UNIT_CLERK, { targetId: row.targetId });
    const saved = saveSelfEvaluation(db, UNIT_CLERK, completed(created, random));
    counts[advance(db, saved, finalState(random))]++;
  }
  return counts;
}
