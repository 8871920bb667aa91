// 数据交换: the package engine; the records it carries are declared by the other workflows.
import { declareWorkflow } from '../workflow';
import { exchangeContract } from './contract';

export const exchangeWorkflow = declareWorkflow({ name: 'exchange', contract: exchangeContract });
