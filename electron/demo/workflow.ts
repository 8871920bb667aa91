// 演示数据: the sample county generator.
import { declareWorkflow } from '../workflow';
import { demoContract } from './contract';

export const demoWorkflow = declareWorkflow({ name: 'demo', contract: demoContract });
