// 绩效自评: a unit's self-evaluation of each approved project target, with its indicator rows, the
// bureau's spot checks, and the review (自评复核) of tables filled outside the program.
import { selfEvaluationIndicators, selfEvaluationReviews, selfEvaluations, selfEvaluationSpotChecks } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { selfEvaluationContract } from './contract';
import { selfEvaluationExchange } from './exchange';

export const selfEvaluationWorkflow = declareWorkflow({
  name: 'selfEvaluation',
  contract: selfEvaluationContract,
  counted: {
    selfEvaluations,
    /** Indicator rows of those self-evaluations. */
    selfEvaluationIndicators,
    /** Tables drawn for 抽查, with the bureau's adjusted scores. */
    selfEvaluationSpotChecks,
    /** Tables filled outside the program, imported for 自评复核. */
    selfEvaluationReviews,
  },
  stage: { name: 'self-evaluation', label: '绩效自评' },
  records: selfEvaluationExchange,
});
