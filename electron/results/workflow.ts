// 结果应用: next year's budget proposals from the year's grades, and the budget section's decisions on them.
import { resultLists, resultProposals } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { resultsContract } from './contract';
import { resultsExchange } from './exchange';

export const resultsWorkflow = declareWorkflow({
  name: 'results',
  contract: resultsContract,
  counted: {
    /** One generated list per year. */
    resultLists,
    /** Its proposals, with the budget section's decisions. */
    resultProposals,
  },
  stage: { name: 'results', label: '结果应用' },
  records: resultsExchange,
});
