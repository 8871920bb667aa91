// 上级通知: what the prefecture writes to its counties, with files; the county marks it read.
import { notices } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { noticesContract } from './contract';
import { noticesExchange } from './exchange';

export const noticesWorkflow = declareWorkflow({
  name: 'notices',
  contract: noticesContract,
  counted: { notices },
  stage: { name: 'notices', label: '上级通知' },
  records: noticesExchange,
});
