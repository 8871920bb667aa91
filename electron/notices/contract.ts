// Channels of 上级通知: the prefecture writes and lists its notices; a county lists what came from above,
// downloads the files and marks a notice read.
import { z } from 'zod';
import { file, isoDate, regionCode, returns, text, uuid, version, year, type ContractPart, type FilePayload } from '../ipc/schema';
import type { Notice } from './notices';

export type { Notice } from './notices';

export const noticesContract = {
  'notices.issue': {
    permission: 'review',
    input: z
      .object({
        year,
        title: text(120),
        body: text(10_000),
        issuedOn: isoDate,
        counties: z.array(regionCode).max(100).optional(),
        files: z.array(file).max(10),
      })
      .strict(),
    output: returns<Notice[]>(),
  },
  'notices.issued': { permission: 'view', input: z.object({ year }).strict(), output: returns<Notice[]>() },
  'notices.fromAbove': { permission: 'view', input: z.object({ year: year.optional() }).strict(), output: returns<Notice[]>() },
  'notices.unread': { permission: 'view', input: z.object({}).strict(), output: returns<number>() },
  'notices.markRead': { permission: 'enter', input: z.object({ id: uuid, version }).strict(), output: returns<Notice>() },
  'notices.file': { permission: 'view', input: z.object({ attachmentId: uuid }).strict(), output: returns<FilePayload>() },
} as const satisfies ContractPart;
