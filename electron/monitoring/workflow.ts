// 绩效监控: monitoring rounds and each project's sheet in them.
import { monitoringRounds, monitoringSheets } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { monitoringContract } from './contract';
import { monitoringExchange } from './exchange';

export const monitoringWorkflow = declareWorkflow({
  name: 'monitoring',
  contract: monitoringContract,
  counted: { monitoringRounds, monitoringSheets },
  stage: { name: 'monitoring', label: '绩效监控' },
  records: monitoringExchange,
});
