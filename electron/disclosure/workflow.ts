// 绩效公开: the published target, project and department tables.
import { disclosures } from '../../db/schema';
import { declareWorkflow } from '../workflow';

export const disclosureWorkflow = declareWorkflow({ name: 'disclosure', counted: { disclosures } });
