// Channels of 项目库: the year's projects with their funds, the budget system's Excel export, and one
// project's whole cycle across the workflows.
import { z } from 'zod';
import { FUND_SOURCES, PROJECT_ATTRIBUTES, PROJECT_CATEGORIES } from '../domain/projects';
import { file, none, returns, signedFen, text, uuid, version, year, type ContractPart, type FilePayload } from '../ipc/schema';
import type { ProjectTypeOption } from '../targets';
import type { ProjectImportPreview, ProjectImportResult } from './excel';
import type { ProjectCycle } from './cycle';
import type { Project, ProjectForEditing, ProjectListRow } from './projects';
export type { CycleStage, CycleStep, CycleTone, ProjectCycle, ProjectFacts } from './cycle';
export type { Project, ProjectForEditing, ProjectListRow } from './projects';
export type { ProjectImportPreview, ProjectImportRow } from './excel';

const fund = z.object({ source: z.enum(FUND_SOURCES), initialFen: signedFen, additionFen: signedFen, cutFen: signedFen }).strict();
const date = text(10).nullable();

const projectInput = z
  .object({
    year,
    code: text(40),
    name: text(100),
    departmentCode: text(20),
    unitCode: text(20),
    category: z.enum(PROJECT_CATEGORIES),
    attribute: z.enum(PROJECT_ATTRIBUTES),
    keyProject: z.boolean(),
    povertyFund: z.boolean(),
    confidential: z.boolean(),
    projectTypeCode: text(40).nullable(),
    startDate: date,
    endDate: date,
    personInCharge: text(30),
    funds: z.array(fund).max(FUND_SOURCES.length, '资金来源最多 8 项'),
  })
  .strict();

const yearFile = file.extend({ year }).strict();

export const projectsContract = {
  'projects.list': { permission: 'view', input: z.object({ year }).strict(), output: returns<ProjectListRow[]>() },
  /** The project with its unit named, for the project form. */
  'projects.get': { permission: 'view', input: z.object({ id: uuid }).strict(), output: returns<ProjectForEditing>() },
  'projects.create': { permission: 'enter', input: projectInput, output: returns<Project>() },
  'projects.update': { permission: 'enter', input: projectInput.extend({ id: uuid, version }).strict(), output: returns<Project>() },
  'projects.delete': { permission: 'enter', input: z.object({ id: uuid, version }).strict(), output: returns<null>() },
  'projects.types': { permission: 'view', input: none, output: returns<ProjectTypeOption[]>() },
  'projects.importPreview': { permission: 'enter', input: yearFile, output: returns<ProjectImportPreview>() },
  'projects.importCommit': { permission: 'enter', input: yearFile, output: returns<ProjectImportResult>() },
  'projects.export': { permission: 'view', input: z.object({ year }).strict(), output: returns<FilePayload>() },
  'projects.template': { permission: 'view', input: none, output: returns<FilePayload>() },
  /** One project's whole cycle (全过程): each workflow's steps on it, in the budget year's order. */
  'projects.cycle': { permission: 'view', input: z.object({ projectId: uuid }).strict(), output: returns<ProjectCycle>() },
} as const satisfies ContractPart;
