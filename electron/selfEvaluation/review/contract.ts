// Channels of 自评复核: import self-evaluation tables filled outside the program (preview, commit), the
// template per unit, the list, one table recomputed, and the reviewer's 通过 / 退回.
import { z } from 'zod';
import { file, returns, text, uuid, version, year, type ContractPart, type FilePayload } from '../../ipc/schema';
import type { ExternalReviewDetail, ExternalReviewRow, ReviewImportPreview, ReviewImportResult } from './reviews';
export type { ExternalReviewDetail, ExternalReviewRow, ReviewedIndicatorRow, ReviewImportPreview, ReviewImportRow } from './reviews';

const importFile = file.extend({ year }).strict();
const decision = { id: uuid, version, opinion: text(4000).optional() };

export const selfEvaluationReviewContract = {
  'selfEvaluationReview.importPreview': { permission: 'enter', input: importFile, output: returns<ReviewImportPreview>() },
  'selfEvaluationReview.importCommit': { permission: 'enter', input: importFile, output: returns<ReviewImportResult>() },
  'selfEvaluationReview.template': { permission: 'view', input: z.object({ year, unitCode: text(40).min(1, '请选择预算单位') }).strict(), output: returns<FilePayload>() },
  'selfEvaluationReview.list': { permission: 'view', input: z.object({ year }).strict(), output: returns<ExternalReviewRow[]>() },
  'selfEvaluationReview.get': { permission: 'view', input: z.object({ id: uuid }).strict(), output: returns<ExternalReviewDetail>() },
  'selfEvaluationReview.accept': { permission: 'review', input: z.object(decision).strict(), output: returns<ExternalReviewRow>() },
  'selfEvaluationReview.return': { permission: 'review', input: z.object({ ...decision, opinion: text(4000).min(1, '请填写退回意见') }).strict(), output: returns<ExternalReviewRow>() },
} as const satisfies ContractPart;
