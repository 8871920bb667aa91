// The evaluation workflow's public entry: what the sample county (and other workflows) use to make plans,
// assign evaluators and carry out, report and follow up evaluations through the same services as the pages,
// and its part of a project's whole cycle.
export { createEvaluation, getEvaluation, listEvaluations, saveEvaluation, transitionEvaluation } from './evaluations';
export type { EvaluationDetail, EvaluationSaveInput } from './evaluations';
export { openEvaluationRectification } from './findings';
export { evaluationsOfFirm, linkEngagement, rateFirmJob } from './firmJob';
export { assignEvaluator } from './plans/assignments';
export { addByRule, getPlan } from './plans/plans';
export { attachReport, REPORT_EXTENSIONS } from './report';
export { listTemplates } from './templates';
export { evaluationCycle } from './cycle';
