// The self-evaluation workflow's public entry: a region's self-evaluations at a glance, which the
// prefecture's dashboard summarises, and the steps the sample county walks its year end through
// (its own tables, and the 自评复核 of tables units filled in Excel on the template).
export { createSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, transitionSelfEvaluation } from './selfEvaluations';
export type { SelfEvaluationDetail, SelfEvaluationSaveInput } from './selfEvaluations';
export { commitReviewImport, listReviews, returnReview } from './review/reviews';
export { selfEvaluationTemplate } from './review/template';
export { selfEvaluationTally } from './tally';
export type { SelfEvaluationTally } from './tally';
