// Channels of 数据交换.
import { z } from 'zod';
import { file, none, regionCode, returns, uuid, year, type ContractPart, type FilePayload } from '../ipc/schema';

/**
 * A package stage by name. Which stages exist is declared by the workflows in the list this contract is
 * part of, so the engine checks the name against them (exchange/registry.ts requireStage).
 */
const stage = z.string().regex(/^[a-z][a-z-]{0,39}$/, '阶段名称应为小写英文字母，如 targets');

export const unitCode = z.string().regex(/^[0-9A-Za-z]{3,20}$/, '单位编码应为 3–20 位数字或字母');
import type { IdentityView, PackageHistoryRow, PeerRow } from './history';
import type { ImportSummary } from './incoming';
import type { ExchangeOptions } from './options';
import type { WrittenPackage } from './outgoing';

// The types the renderer shows, so that it sees this workflow only through its contract.
export type { Stage } from './entities';
export type { PackageHistoryRow, PeerRow } from './history';
export type { ImportSummary, PlannedRecord, RecordAction } from './incoming';
export type { ExchangeOptions } from './options';
export type { WrittenPackage } from './outgoing';

export const exchangeContract = {
  'exchange.identity': { permission: 'view', input: none, output: returns<IdentityView>() },
  /** Labels and years for the 数据交换 page. */
  'exchange.options': { permission: 'view', input: none, output: returns<ExchangeOptions>() },
  'exchange.history': { permission: 'view', input: z.object({ direction: z.enum(['out', 'in']).optional() }).strict(), output: returns<PackageHistoryRow[]>() },
  'exchange.peers': { permission: 'view', input: none, output: returns<PeerRow[]>() },
  'exchange.exportPreview': {
    permission: 'view',
    input: z.object({ year, stage, full: z.boolean(), county: regionCode.optional(), unit: unitCode.optional() }).strict(),
    output: returns<Record<string, number>>(),
  },
  'exchange.export': {
    permission: 'enter',
    input: z.object({ year, stage, full: z.boolean(), county: regionCode.optional(), unit: unitCode.optional() }).strict(),
    output: returns<{ written: WrittenPackage; file: FilePayload }>(),
  },
  /** Verifies and dry-runs an uploaded package: what would be created, updated, deleted, in conflict. */
  'exchange.preview': { permission: 'enter', input: z.object({ file, trust: z.boolean() }).strict(), output: returns<ImportSummary>() },
  // Trusting an unknown sender's key on first contact is what lets its packages in from then on.
  'exchange.import': { permission: (input: { trust: boolean }) => (input.trust ? 'peers.trust' : 'enter'), input: z.object({ file, trust: z.boolean() }).strict(), output: returns<ImportSummary>() },
  'exchange.receipt': { permission: 'enter', input: z.object({ packageId: uuid }).strict(), output: returns<{ written: WrittenPackage; file: FilePayload }>() },
} as const satisfies ContractPart;
