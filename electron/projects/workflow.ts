// 项目: each year's projects with their funds by source.
import { projects } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { projectsContract } from './contract';
import { projectExchange } from './exchange';

export const projectsWorkflow = declareWorkflow({ name: 'projects', contract: projectsContract, counted: { projects }, records: projectExchange });
