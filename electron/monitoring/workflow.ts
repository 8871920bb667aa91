// 绩效监控: monitoring rounds, each project's sheet in them and each unit's 部门整体 sheet.
import { monitoringDepartmentSheets, monitoringRounds, monitoringSheets } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { monitoringContract } from './contract';
import { monitoringExchange } from './exchange';

export const monitoringWorkflow = declareWorkflow({
  name: 'monitoring',
  contract: monitoringContract,
  counted: { monitoringRounds, monitoringSheets, monitoringDepartmentSheets },
  stage: { name: 'monitoring', label: '绩效监控' },
  records: monitoringExchange,
});
