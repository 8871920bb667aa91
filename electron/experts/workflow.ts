// 专家库 and 第三方机构: the evaluators a plan assigns (electron/evaluation/plans/), kept apart so that the
// pool serves every kind of evaluation and outlives each year's plans.
import { expertConflicts, experts, firmEngagements, firms } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { expertsContract } from './contract';

export const expertsWorkflow = declareWorkflow({
  name: 'experts',
  contract: expertsContract,
  counted: { experts, expertConflicts, firms, firmEngagements },
});
