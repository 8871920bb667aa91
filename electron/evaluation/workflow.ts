// 部门评价 and 财政评价 (domain.md §6): their plans (评价计划, electron/evaluation/plans/), templates, tables
// and stage. The units' self-evaluations are a workflow of their own (electron/selfEvaluation/).
import { evaluationAssignments, evaluationPlanItems, evaluationPlans } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { evaluationContract } from './contract';

export const evaluationWorkflow = declareWorkflow({
  name: 'evaluation',
  contract: evaluationContract,
  counted: { evaluationPlans, evaluationPlanItems, evaluationAssignments },
});
