// 绩效自评: a unit's self-evaluation of each approved project target, with its indicator rows.
import { selfEvaluationIndicators, selfEvaluations, selfEvaluationSpotChecks } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { selfEvaluationExchange } from './exchange';

export const selfEvaluationWorkflow = declareWorkflow({
  name: 'selfEvaluation',
  counted: {
    selfEvaluations,
    /** Indicator rows of those self-evaluations. */
    selfEvaluationIndicators,
    /** Tables drawn for 抽查, with the bureau's adjusted scores. */
    selfEvaluationSpotChecks,
  },
  stage: { name: 'self-evaluation', label: '绩效自评' },
  records: selfEvaluationExchange,
});
