// 单位与项目's register: the installation's regions, years, budget units and operators, and the audit log.
import { auditLog, fiscalYears, operators, regions, units } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { registryContract, registryPublicChannels } from './contract';
import { unitExchange } from './exchange';

export const registryWorkflow = declareWorkflow({
  name: 'registry',
  contract: registryContract, publicChannels: registryPublicChannels,
  counted: { regions, fiscalYears, units, operators, auditLog },
  records: unitExchange,
});
