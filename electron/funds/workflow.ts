// 衔接资金: the closed loop of the poverty-alleviation / rural-revitalisation funds (domain.md §10).
import { fundDocuments, fundPayments, fundProjects } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { fundsContract } from './contract';
import { fundsExchange } from './exchange';

export const fundsWorkflow = declareWorkflow({
  name: 'funds',
  contract: fundsContract,
  counted: { fundDocuments, fundProjects, fundPayments },
  stage: { name: 'funds', label: '衔接资金' },
  records: fundsExchange,
});
