// Channels of 专家库 and 第三方机构: experts with their conflicts and Excel round trip, firms with their
// engagements per year and ratings.
import { z } from 'zod';
import { file, fen, isoDate, none, returns, text, uuid, version, year, type ContractPart, type FilePayload } from '../ipc/schema';
import type { ExpertImportPreview, ExpertImportResult } from './excel';
import type { Expert } from './experts';
import type { Engagement, Firm } from './firms';

export type { ExpertImportPreview, ExpertImportRow } from './excel';
export type { Expert, ExpertConflict } from './experts';
export type { Engagement, Firm } from './firms';

const expertDraft = {
  name: text(60),
  field: text(60),
  title: text(60),
  organisation: text(100),
  unitCode: text(20).nullable(),
  contact: text(100),
  available: z.boolean(),
  notes: text(1000),
};
const firmDraft = { name: text(100), creditCode: text(30), qualifications: text(1000), contact: text(100) };

export const expertsContract = {
  'experts.list': { permission: 'view', input: none, output: returns<Expert[]>() },
  'experts.create': { permission: 'enter', input: z.object(expertDraft).strict(), output: returns<Expert>() },
  'experts.update': { permission: 'enter', input: z.object({ ...expertDraft, id: uuid, version }).strict(), output: returns<Expert>() },
  'experts.declareConflict': { permission: 'enter', input: z.object({ expertId: uuid, unitCode: text(20), reason: text(200) }).strict(), output: returns<Expert>() },
  'experts.removeConflict': { permission: 'enter', input: z.object({ id: uuid }).strict(), output: returns<null>() },
  'experts.importPreview': { permission: 'enter', input: file, output: returns<ExpertImportPreview>() },
  'experts.importCommit': { permission: 'enter', input: file, output: returns<ExpertImportResult>() },
  'experts.export': { permission: 'view', input: none, output: returns<FilePayload>() },
  'experts.template': { permission: 'view', input: none, output: returns<FilePayload>() },

  'firms.list': { permission: 'view', input: none, output: returns<Firm[]>() },
  'firms.create': { permission: 'enter', input: z.object(firmDraft).strict(), output: returns<Firm>() },
  'firms.update': { permission: 'enter', input: z.object({ ...firmDraft, id: uuid, version }).strict(), output: returns<Firm>() },
  'firms.engagements': { permission: 'view', input: z.object({ year: year.optional(), firmId: uuid.optional() }).strict(), output: returns<Engagement[]>() },
  'firms.addEngagement': {
    permission: 'enter',
    input: z.object({ firmId: uuid, year, subject: text(200), planItemId: uuid.nullable().optional(), contractFen: fen, feeFen: fen, startDate: isoDate, endDate: isoDate }).strict(),
    output: returns<Engagement>(),
  },
  'firms.rate': { permission: 'enter', input: z.object({ id: uuid, rating: z.number().int(), comment: text(500) }).strict(), output: returns<Engagement>() },
} as const satisfies ContractPart;
