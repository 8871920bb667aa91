// The IPC contract: one table of channel → input schema → output type, assembled from each workflow's
// own part. Electron main, the web bridge and the renderer's client all derive from it; the renderer
// imports its types only.
import type { z } from 'zod';
import { demoContract } from '../demo/contract';
import { disclosureContract } from '../disclosure/contract';
import { exchangeContract } from '../exchange/contract';
import { libraryContract } from '../library/contract';
import { monitoringContract } from '../monitoring/contract';
import { prefectureContract } from '../prefecture/contract';
import { projectsContract } from '../projects/contract';
import { rectificationContract } from '../rectification/contract';
import { selfEvaluationContract } from '../selfEvaluation/contract';
import { targetsContract } from '../targets/contract';
import { registryContract, registryPublicChannels } from '../registry/contract';
import { settingsContract, settingsPublicChannels } from '../settings/contract';

export type { FilePayload } from './schema';
export type { WorkflowName } from '../workflows';

export const contract = {
  ...settingsContract,
  ...registryContract,
  ...disclosureContract,
  ...demoContract,
  ...exchangeContract,
  ...libraryContract,
  ...monitoringContract,
  ...rectificationContract,
  ...selfEvaluationContract,
  ...prefectureContract,
  ...projectsContract,
  ...targetsContract,
} as const;

/** Channels usable before anyone has signed in. */
export const PUBLIC_CHANNELS: ReadonlySet<string> = new Set<string>([...settingsPublicChannels, ...registryPublicChannels]);

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
