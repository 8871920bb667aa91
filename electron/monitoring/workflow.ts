// 绩效监控: monitoring rounds and each project's sheet in them.
import { monitoringRounds, monitoringSheets } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { monitoringExchange } from './exchange';

export const monitoringWorkflow = declareWorkflow({
  name: 'monitoring',
  counted: { monitoringRounds, monitoringSheets },
  stage: { name: 'monitoring', label: '绩效监控' },
  records: monitoringExchange,
});
