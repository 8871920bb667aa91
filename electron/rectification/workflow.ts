// 整改问责: the notices monitoring, self-evaluations and spot checks (and later the evaluations) open, the
// units' feedback along the chain, and the 问责 list.
import { accountabilityMeasures, rectificationRounds, rectifications } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { rectificationContract } from './contract';
import { rectificationExchange } from './exchange';

export const rectificationWorkflow = declareWorkflow({
  name: 'rectification',
  contract: rectificationContract,
  counted: { rectifications, rectificationRounds, accountabilityMeasures },
  stage: { name: 'rectification', label: '整改' },
  records: rectificationExchange,
});
