// 部门评价 and 财政评价 (domain.md §6): their templates, tables and stage come with their pages. The
// units' self-evaluations are a workflow of their own (electron/selfEvaluation/).
import { declareWorkflow } from '../workflow';

export const evaluationWorkflow = declareWorkflow({ name: 'evaluation' });
