// The composition root: the code each workflow plugs into the application, by the name it has in the one
// list (electron/workflows.ts): the handlers of the channels its declaration lists, and its CLI commands.
// They live apart from the declarations because handlers and commands load the services and the
// exchange engine, and the engine reads the list: a workflow's contract needs no line here, its handlers
// do, and the compiler refuses a workflow with channels but without this line (or with a handler missing).
import type { CommandTable } from './cli/command';
import { demoCommands } from './demo/commands';
import { demoHandlers } from './demo/handlers';
import { disclosureCycle } from './disclosure';
import { disclosureHandlers } from './disclosure/handlers';
import { evaluationCycle } from './evaluation';
import { evaluationCommands } from './evaluation/commands';
import { evaluationHandlers } from './evaluation/handlers';
import { exchangeCycle } from './exchange';
import { exchangeCommands } from './exchange/commands';
import { exchangeHandlers } from './exchange/handlers';
import { expertsHandlers } from './experts/handlers';
import { fundsCycle } from './funds';
import { fundsCommands } from './funds/commands';
import { fundsHandlers } from './funds/handlers';
import type { ContractOfList } from './ipc/contract';
import type { ContractPart } from './ipc/schema';
import type { HandlersFor } from './ipc/router';
import { libraryCommands } from './library/commands';
import { libraryHandlers } from './library/handlers';
import { monitoringCycle } from './monitoring';
import { monitoringCommands } from './monitoring/commands';
import { monitoringHandlers } from './monitoring/handlers';
import { prefectureCommands } from './prefecture/commands';
import { noticesHandlers } from './notices/handlers';
import { prefectureHandlers } from './prefecture/handlers';
import type { CycleSource, ProjectCycleSources } from './projects';
import { projectsHandlers } from './projects/handlers';
import { rectificationCycle } from './rectification';
import { rectificationCommands } from './rectification/commands';
import { rectificationHandlers } from './rectification/handlers';
import { resultsCycle } from './results';
import { resultsCommands } from './results/commands';
import { resultsHandlers } from './results/handlers';
import { registryCommands } from './registry/commands';
import { registryHandlers } from './registry/handlers';
import { selfEvaluationCycle } from './selfEvaluation';
import { selfEvaluationCommands } from './selfEvaluation/commands';
import { selfEvaluationHandlers } from './selfEvaluation/handlers';
import { settingsHandlers } from './settings/handlers';
import { targetsCycle } from './targets';
import { targetsHandlers } from './targets/handlers';
import type { ContractOf, WorkflowDeclaration } from './workflow';
import { WORKFLOWS } from './workflows';

/**
 * A workflow's code: the handler of each of its channels (when it has any), its CLI commands, and, when it keeps
 * records of projects, its part of a project's whole cycle (全过程).
 */
export type Plug<C> = (keyof C extends never ? { handlers?: never } : { handlers: HandlersOfPart<C> }) & { commands?: CommandTable; cycle?: CycleSource };

type HandlersOfPart<C> = C extends ContractPart ? HandlersFor<C> : never;

type WithChannels<D> = keyof ContractOf<D> extends never ? never : D extends { name: infer N extends string } ? N : never;

/** The plugs of a list: required for every workflow that declares channels, optional for the others. */
export type PlugsOf<W extends readonly WorkflowDeclaration[]> = { [D in W[number] as WithChannels<D>]: Plug<ContractOf<D>> } & {
  [D in W[number] as Exclude<D['name'], WithChannels<D>>]?: Plug<ContractOf<D>>;
};

/** Plugs by workflow name, loosely typed, for assembling a list built elsewhere (a test's). */
export type AnyPlugs = Readonly<Record<string, { handlers?: object; commands?: CommandTable; cycle?: CycleSource } | undefined>>;

export const PLUGS = {
  registry: { handlers: registryHandlers, commands: registryCommands },
  library: { handlers: libraryHandlers, commands: libraryCommands },
  projects: { handlers: projectsHandlers((): ProjectCycleSources => cyclesOf(WORKFLOWS, PLUGS as AnyPlugs)) },
  targets: { handlers: targetsHandlers, cycle: targetsCycle },
  monitoring: { handlers: monitoringHandlers, commands: monitoringCommands, cycle: monitoringCycle },
  selfEvaluation: { handlers: selfEvaluationHandlers, commands: selfEvaluationCommands, cycle: selfEvaluationCycle },
  evaluation: { handlers: evaluationHandlers, commands: evaluationCommands, cycle: evaluationCycle },
  experts: { handlers: expertsHandlers },
  results: { handlers: resultsHandlers, commands: resultsCommands, cycle: resultsCycle },
  rectification: { handlers: rectificationHandlers, commands: rectificationCommands, cycle: rectificationCycle },
  funds: { handlers: fundsHandlers, commands: fundsCommands, cycle: fundsCycle },
  disclosure: { handlers: disclosureHandlers, cycle: disclosureCycle },
  notices: { handlers: noticesHandlers },
  exchange: { handlers: exchangeHandlers, commands: exchangeCommands, cycle: exchangeCycle },
  prefecture: { handlers: prefectureHandlers, commands: prefectureCommands },
  demo: { handlers: demoHandlers, commands: demoCommands },
  settings: { handlers: settingsHandlers },
} as const satisfies PlugsOf<typeof WORKFLOWS>;

/** Gathers one kind of part in list order; a name two workflows claim is a mistake caught at start. */
function gathered<T>(workflows: readonly WorkflowDeclaration[], partOf: (name: string) => Readonly<Record<string, T>> | undefined, what: string): Record<string, T> {
  const all: Record<string, T> = {};
  for (const workflow of workflows) {
    for (const [name, part] of Object.entries(partOf(workflow.name) ?? {})) {
      if (Object.hasOwn(all, name)) throw new Error(`${what}“${name}”被不止一个业务模块声明（${workflow.name}）`);
      all[name] = part;
    }
  }
  return all;
}

/** The handler of every channel of these workflows. */
export const handlersOf = <const W extends readonly WorkflowDeclaration[]>(workflows: W, plugs: AnyPlugs): HandlersOfPart<ContractOfList<W>> =>
  gathered(workflows, (name) => plugs[name]?.handlers as Record<string, unknown> | undefined, '接口') as HandlersOfPart<ContractOfList<W>>;

/** Every CLI command of these workflows, in list order (the order `jixiao --help` shows them). */
export const commandsOf = (workflows: readonly WorkflowDeclaration[], plugs: AnyPlugs): CommandTable =>
  gathered(workflows, (name) => plugs[name]?.commands, '命令');

/**
 * Each workflow's part of a project's whole cycle (全过程), in list order, which is the budget year's. The
 * projects handler asks for it at call time: PLUGS holds that handler, so it cannot be read while built.
 */
export const cyclesOf = (workflows: readonly WorkflowDeclaration[], plugs: AnyPlugs): ProjectCycleSources =>
  workflows.flatMap((workflow) => {
    const source = plugs[workflow.name]?.cycle;
    return source ? [{ workflow: workflow.name, source }] : [];
  });
