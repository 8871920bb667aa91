// The record kinds and stages packages carry, derived from the workflows' declarations (electron/workflows.ts):
// a workflow joins packages by declaring its records and stage; the engine itself does not change.
import { AppError } from '../errors';
import type { WorkflowDeclaration } from '../workflow';
import { declaredRecords, declaredStages, WORKFLOWS } from '../workflows';
import { ALL_STAGES, ALL_STAGES_LABEL, resolveStages, type ExchangeEntity, type Stage } from './entities';

export interface StageOption {
  value: Stage;
  label: string;
  /** Whether anything of the stage travels up, so that a county or unit may report it. */
  upward: boolean;
}

/** The record kinds of these workflows, in dependency order (a record's parents come first). */
export const exchangeEntitiesOf = (workflows: readonly WorkflowDeclaration[]): ExchangeEntity[] => resolveStages(declaredRecords(workflows));

/** The stages of these workflows, then the one carrying everything. */
export function stageOptionsOf(workflows: readonly WorkflowDeclaration[]): StageOption[] {
  const entities = exchangeEntitiesOf(workflows);
  const upward = (stage: Stage) => entities.some((e) => e.directions.includes('up') && (stage === ALL_STAGES || e.stages.includes(stage)));
  return [...declaredStages(workflows), { name: ALL_STAGES, label: ALL_STAGES_LABEL }].map(({ name, label }) => ({ value: name, label, upward: upward(name) }));
}

export const EXCHANGE_ENTITIES: readonly ExchangeEntity[] = exchangeEntitiesOf(WORKFLOWS);
export const STAGE_OPTIONS: readonly StageOption[] = stageOptionsOf(WORKFLOWS);
export const STAGES = STAGE_OPTIONS.map((option) => option.value) as [Stage, ...Stage[]];
export const STAGE_LABELS: Readonly<Record<Stage, string>> = Object.fromEntries(STAGE_OPTIONS.map((option) => [option.value, option.label]));

export function exchangeEntity(name: string): ExchangeEntity | undefined {
  return EXCHANGE_ENTITIES.find((e) => e.name === name);
}

/** A stage the workflows declare; another name is refused, naming those there are. */
export function requireStage(stage: string): Stage {
  if (!STAGES.includes(stage)) throw new AppError('INVALID_INPUT', `数据交换阶段“${stage}”不存在，可选：${STAGES.join('、')}`);
  return stage;
}
