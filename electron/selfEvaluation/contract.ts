// Channels of 绩效自评. For now the part of 自评复核 (review/contract.ts).
import { selfEvaluationReviewContract } from './review/contract';
export type { ExternalReviewDetail, ExternalReviewRow, ReviewedIndicatorRow, ReviewImportPreview, ReviewImportRow } from './review/contract';

export const selfEvaluationContract = { ...selfEvaluationReviewContract } as const;
