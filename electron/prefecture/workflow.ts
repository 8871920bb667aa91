// 州级审核与汇总: the review of what came up from below and the prefecture's summary of its counties; it
// keeps no tables of its own and reads each workflow through its public entry.
import { declareWorkflow } from '../workflow';
import { prefectureContract } from './contract';

export const prefectureWorkflow = declareWorkflow({ name: 'prefecture', contract: prefectureContract });
