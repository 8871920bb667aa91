// 绩效评价: so far its calculations on the command line; its tables and stage come with its pages.
import { declareWorkflow } from '../workflow';

export const evaluationWorkflow = declareWorkflow({ name: 'evaluation' });
