// Channels of 整改问责. Notices are opened where their source is (monitoring.openRectification for a
// warned sheet, selfEvaluation.openRectification for a self-evaluation or a spot check); what is done to
// a notice itself lives here.
import { z } from 'zod';
import { ACCOUNTABILITY_MEASURES, RECTIFICATION_SOURCES, RECTIFICATION_STATUSES } from '../domain/rectification';
import type { AttachmentInfo } from '../attachments';
import { file, isoDate, returns, text, uuid, version, year, type ContractPart, type FilePayload } from '../ipc/schema';
import type { Rectification } from './notices';
import type { AccountabilityItem, NoticeDetail, NoticeList } from './views';
export type { NoticeText, Rectification } from './notices';
export type { AccountabilityItem, FeedbackRound, MeasureRecord, NoticeDetail, NoticeList, NoticeListItem } from './views';
export type { AttachmentInfo } from '../attachments';

const notice = { id: uuid, version };

export const rectificationContract = {
  'rectification.list': {
    permission: 'view',
    input: z
      .object({ year: year.optional(), status: z.enum(RECTIFICATION_STATUSES).optional(), source: z.enum(RECTIFICATION_SOURCES).optional(), unitCode: text(20).optional(), overdue: z.boolean().optional() })
      .strict(),
    output: returns<NoticeList>(),
  },
  'rectification.get': { permission: 'view', input: z.object({ id: uuid }).strict(), output: returns<NoticeDetail>() },
  'rectification.issue': { permission: 'review', input: z.object(notice).strict(), output: returns<Rectification>() },
  'rectification.forward': { permission: 'review.chained', input: z.object({ ...notice, note: text(2000) }).strict(), output: returns<Rectification>() },
  'rectification.answer': { permission: 'enter', input: z.object({ ...notice, feedback: text(5000) }).strict(), output: returns<Rectification>() },
  'rectification.decide': {
    permission: 'review.chained',
    input: z.object({ ...notice, action: z.enum(['approve', 'return']), opinion: text(2000) }).strict(),
    output: returns<Rectification>(),
  },
  'rectification.attach': { permission: 'enter', input: z.object({ id: uuid, file }).strict(), output: returns<AttachmentInfo>() },
  'rectification.removeAttachment': { permission: 'enter', input: z.object({ attachmentId: uuid }).strict(), output: returns<null>() },
  'rectification.downloadAttachment': { permission: 'view', input: z.object({ attachmentId: uuid }).strict(), output: returns<FilePayload>() },
  'rectification.accountability': { permission: 'view', input: z.object({ year: year.optional() }).strict(), output: returns<AccountabilityItem[]>() },
  'rectification.recordMeasure': {
    permission: 'review',
    input: z.object({ id: uuid, measure: z.enum(ACCOUNTABILITY_MEASURES), detail: text(1000), takenOn: isoDate }).strict(),
    output: returns<AccountabilityItem>(),
  },
} as const satisfies ContractPart;
