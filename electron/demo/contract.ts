// Channels of the sample data: the first-run choice to generate it, and whether it is present (banner).
import { z } from 'zod';
import { none, returns, year, type ContractPart } from '../ipc/schema';
import type { DemoStatus, DemoSummary } from './generate';

export const demoContract = {
  'demo.status': { permission: 'view', input: none, output: returns<DemoStatus>() },
  'demo.generate': { permission: 'enter', input: z.object({ year }).strict(), output: returns<DemoSummary>() },
} as const satisfies ContractPart;
