// Channels of 绩效评价: each part's channels, spread here (评价计划 in plans/).
import type { ContractPart } from '../ipc/schema';
import { evaluationPlansContract } from './plans/contract';

export const evaluationContract = { ...evaluationPlansContract } as const satisfies ContractPart;
