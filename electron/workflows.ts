// The one list of workflows, in the order staff meet them in a budget year (the navigation follows it).
// Adding a workflow: its folder with its workflow.ts, its schema file, its page folder, and a line here.
// The package stages, the record kinds the exchange engine carries and the tables `stats` counts are
// derived from these declarations.
import { demoWorkflow } from './demo/workflow';
import { disclosureWorkflow } from './disclosure/workflow';
import { evaluationWorkflow } from './evaluation/workflow';
import { exchangeWorkflow } from './exchange/workflow';
import { expertsWorkflow } from './experts/workflow';
import { fundsWorkflow } from './funds/workflow';
import { libraryWorkflow } from './library/workflow';
import { monitoringWorkflow } from './monitoring/workflow';
import { noticesWorkflow } from './notices/workflow';
import { prefectureWorkflow } from './prefecture/workflow';
import { projectsWorkflow } from './projects/workflow';
import { rectificationWorkflow } from './rectification/workflow';
import { registryWorkflow } from './registry/workflow';
import { resultsWorkflow } from './results/workflow';
import { selfEvaluationWorkflow } from './selfEvaluation/workflow';
import { settingsWorkflow } from './settings/workflow';
import { targetsWorkflow } from './targets/workflow';
import type { StageDeclaration, WorkflowDeclaration } from './workflow';

export const WORKFLOWS = [
  registryWorkflow,
  libraryWorkflow,
  projectsWorkflow,
  targetsWorkflow,
  monitoringWorkflow,
  selfEvaluationWorkflow,
  evaluationWorkflow,
  expertsWorkflow,
  resultsWorkflow,
  rectificationWorkflow,
  fundsWorkflow,
  disclosureWorkflow,
  noticesWorkflow,
  exchangeWorkflow,
  prefectureWorkflow,
  demoWorkflow,
  settingsWorkflow,
] as const satisfies readonly WorkflowDeclaration[];

export type WorkflowName = (typeof WORKFLOWS)[number]['name'];

/** The stages the workflows own, in list order. */
export const declaredStages = (workflows: readonly WorkflowDeclaration[]): StageDeclaration[] =>
  workflows.flatMap((workflow) => (workflow.stage ? [workflow.stage] : []));

/** Every record kind the workflows put into packages, parents first. */
export const declaredRecords = (workflows: readonly WorkflowDeclaration[]) => workflows.flatMap((workflow) => workflow.records ?? []);

/** Name in `stats` counts → table, for every workflow. */
export const countedTables = (workflows: readonly WorkflowDeclaration[]) =>
  Object.fromEntries(workflows.flatMap((workflow) => Object.entries(workflow.counted ?? {})));
