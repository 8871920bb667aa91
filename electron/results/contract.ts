// Channels of 结果应用: the year's proposals, generating them, the budget section's decisions, the export.
import { z } from 'zod';
import { DECISIONS } from '../domain/results';
import { fen, returns, text, uuid, year, type ContractPart, type FilePayload } from '../ipc/schema';
import type { Regeneration, ResultLine, ResultsView } from './proposals';

// The types the renderer shows, so that it sees this workflow only through its contract.
export type { Regeneration, ResultLine, ResultsView } from './proposals';

export const resultsContract = {
  'results.view': { permission: 'view', input: z.object({ year }).strict(), output: returns<ResultsView>() },
  'results.preview': { permission: 'view', input: z.object({ year }).strict(), output: returns<Regeneration>() },
  'results.generate': { permission: 'review', input: z.object({ year, replace: z.boolean() }).strict(), output: returns<ResultsView>() },
  'results.decide': {
    permission: 'enter',
    input: z.object({ id: uuid, decision: z.enum(DECISIONS), amountFen: fen.nullable(), reason: text(500) }).strict(),
    output: returns<ResultLine>(),
  },
  'results.export': { permission: 'view', input: z.object({ year }).strict(), output: returns<FilePayload>() },
} as const satisfies ContractPart;
