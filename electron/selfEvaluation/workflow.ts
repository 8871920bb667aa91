// 绩效自评: for now the review (自评复核) of tables that units filled outside the program.
import { selfEvaluationReviews } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { selfEvaluationContract } from './contract';

export const selfEvaluationWorkflow = declareWorkflow({
  name: 'selfEvaluation',
  contract: selfEvaluationContract,
  counted: { selfEvaluationReviews },
});
