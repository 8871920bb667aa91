// One project's whole cycle (全过程): every workflow that keeps records of a project tells its own steps
// (its plug in electron/plugs.ts names its `cycle`), and this file only puts them in the order of the one
// list of workflows, which is the order of the budget year (目标 → 监控 → 自评 → 评价 → 结果应用 → 整改 →
// 资金 → 公开 → 上报). It names no other workflow's table, so a new workflow adds its stage by its own line.
import type { Db } from '../../db/open';
import type { Actor } from '../audit/audit';
import { findUnit, refuseOtherDepartmentsProject, requireInstallation } from '../registry';
import { WORKFLOW_LABELS, type WorkflowState } from '../domain/workflow';
import { getProject } from './projects';

/** How a step stands: done (通过, 已公开 …), attention (退回, 红灯, 逾期 …), pending (草稿, 已送审 …). */
export type CycleTone = 'done' | 'attention' | 'pending';

/** One thing that happened to the project, linked to the record it happened on. */
export interface CycleStep {
  /** ISO date (YYYY-MM-DD), or null for a record not yet dated (a draft never submitted). */
  date: string | null;
  /** What the record is, e.g. 2020年8月监控表. */
  title: string;
  /** What happened on it, one line, e.g. 预算执行率 45.00% · 项目绿灯. */
  detail: string;
  status: string;
  tone: CycleTone;
  /** The hash route of the record's page, as its parts (#/monitoring/sheet/<id> → ['monitoring', 'sheet', id]). */
  route: string[];
}

/** What a workflow contributes to the cycle page: its stage's name and its steps for one project. */
export interface CycleSource {
  stage: string;
  /** What the page says when the project has no record of this stage yet. */
  empty: string;
  steps(db: Db, projectId: string): CycleStep[];
}

export interface CycleStage {
  workflow: string;
  stage: string;
  empty: string;
  steps: CycleStep[];
}

export interface ProjectFacts {
  id: string;
  year: number;
  code: string;
  name: string;
  unitCode: string;
  unitName: string;
  departmentCode: string;
  departmentName: string;
  adjustedFen: number;
  keyProject: boolean;
  povertyFund: boolean;
  confidential: boolean;
  category: string;
  attribute: string;
}

export interface ProjectCycle {
  project: ProjectFacts;
  stages: CycleStage[];
}

/** Undated steps after the dated ones; equal dates keep the order the workflow gave (the sort is stable). */
const dateKey = (step: CycleStep) => step.date ?? '9999-12-31';
const byDate = (a: CycleStep, b: CycleStep) => dateKey(a).localeCompare(dateKey(b));

function projectFacts(db: Db, projectId: string): ProjectFacts {
  const project = getProject(db, projectId);
  const region = requireInstallation(db).region.code;
  const unit = findUnit(db, region, project.unitCode);
  const department = findUnit(db, region, project.departmentCode);
  return {
    id: project.id,
    year: project.year,
    code: project.code,
    name: project.name,
    unitCode: project.unitCode,
    unitName: unit?.name ?? project.unitCode,
    departmentCode: project.departmentCode,
    departmentName: department?.name ?? project.departmentCode,
    adjustedFen: project.totals.adjustedFen,
    keyProject: project.keyProject,
    povertyFund: project.povertyFund,
    confidential: project.confidential,
    category: project.category,
    attribute: project.attribute,
  };
}

/** The project's facts and each workflow's stage with its steps, in the order of `sources`. */
export function projectCycle(db: Db, actor: Actor, projectId: string, sources: ProjectCycleSources): ProjectCycle {
  const project = projectFacts(db, projectId);
  refuseOtherDepartmentsProject(db, actor, projectId, '项目');
  return {
    project,
    stages: sources.map(({ workflow, source }) => ({ workflow, stage: source.stage, empty: source.empty, steps: source.steps(db, projectId).sort(byDate) })),
  };
}

/** The day of a stored timestamp ('2020-05-10 09:30:00' → '2020-05-10'). */
export const dayOf = (at: string | null | undefined): string | null => (at ? at.slice(0, 10) : null);

const WORKFLOW_TONES: Record<WorkflowState, CycleTone> = { draft: 'pending', submitted: 'pending', approved: 'done', returned: 'attention' };

/** The status of a record under the maker/checker workflow (§11), as a step shows it. */
export const reviewStatus = (state: WorkflowState): Pick<CycleStep, 'status' | 'tone'> => ({ status: WORKFLOW_LABELS[state], tone: WORKFLOW_TONES[state] });

/** The workflows' parts of the cycle, in the order the page shows them. */
export type ProjectCycleSources = readonly { workflow: string; source: CycleSource }[];
