// Channels of 绩效公开 and the 首页 coverage of targets.
import { z } from 'zod';
import { DISCLOSURE_KINDS } from '../domain/disclosure';
import { none, returns, text, year, type ContractPart, type FilePayload } from '../ipc/schema';
import type { TargetCoverage } from './coverage';
import type { Disclosure, ListedDisclosure } from './publish';
import type { DisclosureTable } from './targetTable';

// The types the renderer shows, so that it sees this workflow only through its contract.
export type { Disclosure, ListedDisclosure } from './publish';
export type { DisclosureTable } from './targetTable';

const scope = z
  .object({ year, unitCode: text(20).min(1, '请选择单位').nullable(), kind: z.enum(DISCLOSURE_KINDS).default('projectTargets') })
  .strict();

export const disclosureContract = {
  'disclosure.table': { permission: 'view', input: scope, output: returns<DisclosureTable>() },
  'disclosure.export': { permission: 'view', input: scope, output: returns<FilePayload>() },
  'disclosure.publish': { permission: 'review', input: scope, output: returns<Disclosure>() },
  'disclosure.list': { permission: 'view', input: z.object({ year }).strict(), output: returns<ListedDisclosure[]>() },
  'disclosure.years': { permission: 'view', input: none, output: returns<number[]>() },
  'coverage.targets': { permission: 'view', input: z.object({ year }).strict(), output: returns<TargetCoverage>() },
} as const satisfies ContractPart;
