// 演示数据: the sample county generator.
import { declareWorkflow } from '../workflow';

export const demoWorkflow = declareWorkflow({ name: 'demo' });
