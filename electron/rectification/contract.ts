// Channels of 整改问责. Notices are opened where their source is (monitoring.openRectification for a
// warned sheet); what is done to a notice itself lives here.
import { z } from 'zod';
import { returns, uuid, version, type ContractPart } from '../ipc/schema';
import type { Rectification } from './notices';

export const rectificationContract = {
  'rectification.issue': { permission: 'review', input: z.object({ id: uuid, version }).strict(), output: returns<Rectification>() },
} as const satisfies ContractPart;
