// 整改问责: the notices monitoring (and later the evaluations) open, and the units' feedback.
import { rectifications } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { rectificationContract } from './contract';
import { rectificationExchange } from './exchange';

export const rectificationWorkflow = declareWorkflow({
  name: 'rectification',
  contract: rectificationContract,
  counted: { rectifications },
  stage: { name: 'rectification', label: '整改' },
  records: rectificationExchange,
});
