// 绩效公开: the published target, project and department tables.
import { disclosures } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { disclosureContract } from './contract';

export const disclosureWorkflow = declareWorkflow({ name: 'disclosure', contract: disclosureContract, counted: { disclosures } });
