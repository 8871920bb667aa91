// 结果应用: planned (domain.md); declared so the navigation shows what it will do.
import { declareWorkflow } from '../workflow';

export const resultsWorkflow = declareWorkflow({ name: 'results' });
