// The self-evaluation workflow's public entry: a region's self-evaluations at a glance, which the
// prefecture's dashboard summarises, the finished tables 绩效公开 publishes, and the steps the sample county
// walks its year end through (a department-wide table is started by its own function, then saved and moved
// on like a project's; the 自评复核 of tables units filled in Excel on the template).
export { createSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, transitionSelfEvaluation } from './selfEvaluations';
export type { SelfEvaluationDetail, SelfEvaluationSaveInput } from './selfEvaluations';
export { createDepartmentSelfEvaluation, listDepartmentSelfEvaluations } from './department';
export { commitReviewImport, listReviews, returnReview } from './review/reviews';
export { selfEvaluationTemplate } from './review/template';
export { selfEvaluationTally } from './tally';
export type { SelfEvaluationTally } from './tally';
export { selfEvaluationResults, selfEvaluationSheets } from './results';
export type { SelfEvaluationResult } from './results';
export { openSelfEvaluationRectification, openSpotCheckRectification } from './rectification';
export { drawSpotCheck, recheckSpotCheck } from './spotChecks';
export { selfEvaluationCycle } from './cycle';
