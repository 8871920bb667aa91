// The IPC contract: one table of channel → input schema → output type, assembled from the contract part
// each workflow declares in the one list (electron/workflows.ts). Electron main, the web bridge and the
// renderer's client all derive from it; the renderer imports its types only.
import type { z } from 'zod';
import type { ContractOf, WorkflowDeclaration } from '../workflow';
import { WORKFLOWS } from '../workflows';
import type { ContractPart } from './schema';

export type { FilePayload } from './schema';
export type { WorkflowName } from '../workflows';

type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

/** Every channel of these workflows: the union of their parts, typed as one table. */
export type ContractOfList<W extends readonly WorkflowDeclaration[]> = UnionToIntersection<ContractOf<W[number]>>;

/** The channels of these workflows; two workflows claiming one channel is a mistake caught at start. */
export function contractOf<const W extends readonly WorkflowDeclaration[]>(workflows: W): ContractOfList<W> {
  const assembled: ContractPart = {};
  for (const workflow of workflows) {
    for (const [channel, spec] of Object.entries(workflow.contract ?? {})) {
      if (Object.hasOwn(assembled, channel)) throw new Error(`接口“${channel}”被不止一个业务模块声明（${workflow.name}）`);
      assembled[channel] = spec;
    }
  }
  return assembled as ContractOfList<W>;
}

/** Channels usable before anyone has signed in, as the workflows declare them. */
export const publicChannelsOf = (workflows: readonly WorkflowDeclaration[]): ReadonlySet<string> =>
  new Set(workflows.flatMap((workflow) => workflow.publicChannels ?? []));

export const contract = contractOf(WORKFLOWS);

/** The workflow each channel belongs to, for the installation's check (WORKFLOW_INSTALLATIONS). */
export const workflowsOfChannels = <W extends readonly WorkflowDeclaration[]>(workflows: W): ReadonlyMap<string, W[number]['name']> =>
  new Map(workflows.flatMap((workflow) => Object.keys(workflow.contract ?? {}).map((channel) => [channel, workflow.name] as const)));

export const CHANNEL_WORKFLOWS = workflowsOfChannels(WORKFLOWS);

/** Channels usable before anyone has signed in. */
export const PUBLIC_CHANNELS = publicChannelsOf(WORKFLOWS);

export type Contract = typeof contract;
export type Channel = keyof Contract & string;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
