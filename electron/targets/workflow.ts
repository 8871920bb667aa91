// 绩效目标: project and department-wide targets, their indicators and adjustments.
import { targetAdjustments, targetIndicators, targets } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { targetsContract } from './contract';
import { targetExchange } from './exchange';

export const targetsWorkflow = declareWorkflow({
  name: 'targets',
  contract: targetsContract,
  counted: {
    /** Project and department-wide targets. */
    targets,
    /** Indicator rows of those targets. */
    targetIndicators,
    targetAdjustments,
  },
  stage: { name: 'targets', label: '绩效目标' },
  records: targetExchange,
});
