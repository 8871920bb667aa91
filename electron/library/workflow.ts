// 指标库: project types and their indicators, issued by the prefecture in library updates.
import { libraryIndicators, mandatoryIndicators, projectTypes } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { libraryContract } from './contract';
import { libraryExchange } from './exchange';

export const libraryWorkflow = declareWorkflow({
  name: 'library',
  contract: libraryContract,
  counted: {
    projectTypes,
    /** Level-3 indicators of the library, whatever their status. */
    libraryIndicators,
    /** 固化指标 entries of the project types' and fund kinds' sets. */
    mandatoryIndicators,
  },
  stage: { name: 'library', label: '指标库' },
  records: libraryExchange,
});
