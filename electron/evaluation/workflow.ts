// 部门评价 and 财政评价 (domain.md §6): their plans (评价计划, electron/evaluation/plans/), the evaluation
// templates by version and the evaluations scored on them. The units' self-evaluations are a workflow of their
// own (electron/selfEvaluation/).
import { evaluationAssignments, evaluationPlanItems, evaluationPlans, evaluations, evaluationScores, evaluationTemplates } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { evaluationContract } from './contract';
import { evaluationExchange } from './exchange';

export const evaluationWorkflow = declareWorkflow({
  name: 'evaluation',
  contract: evaluationContract,
  counted: {
    evaluationPlans,
    evaluationPlanItems,
    evaluationAssignments,
    /** Template versions, the shipped ones included once asked for. */
    evaluationTemplates,
    evaluations,
    /** Scored leaves of those evaluations. */
    evaluationScores,
  },
  stage: { name: 'evaluation', label: '绩效评价' },
  records: evaluationExchange,
});
