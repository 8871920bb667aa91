// Channels of 绩效目标: project and department-wide targets, their review, adjustments, the reviewer's
// inbox and the Excel template round trip.
import { z } from 'zod';
import { chainedActionPermission } from '../domain/permissions';
import type { AuditRow } from '../audit/audit';
import { ACCRUALS, OPERATORS } from '../domain/indicators';
import { REVIEW_GRADES, type TargetIndicator } from '../domain/targets';
import { WORKFLOW_ACTIONS } from '../domain/workflow';
import { fen, file, returns, signedFen, text, uuid, version, year, type ContractPart, type FilePayload } from '../ipc/schema';
import type { Adjustment } from './adjustments';
import type { DepartmentTarget } from './department';
import type { TargetRow } from './store';
import type { InboxItem, ProjectTarget, TargetOverview } from './targets';
import type { TargetImportPreview, TargetImportResult } from './excel';
import type { CheckedDepartmentTarget, CheckedProjectTarget } from './quality';
export type { Adjustment } from './adjustments';
export type { DepartmentTarget } from './department';
export type { DepartmentTargetRow, InboxItem, ProjectTarget, ProjectTargetRow } from './targets';
export type { CheckedDepartmentTarget, CheckedProjectTarget } from './quality';
export type { ProjectTypeOption } from './librarySource';
export type { TargetState } from './store';
export type { TargetImportPreview, TemplateProject } from './excel';


const indicator = z
  .object({
    level1: text(20),
    level2: text(30),
    name: text(200),
    operator: z.enum([...OPERATORS, '']),
    value: text(200),
    unit: text(20),
    definition: text(1000),
    basis: text(20),
    weight: text(12),
    accrual: z.enum(ACCRUALS, { error: '累计方式应为“累计型”（cumulative）或“状态型”（level）' }),
    libraryCode: text(40).nullable(),
    scoringStandard: text(500).optional(),
  })
  .strict();

const split = z.object({ fiscalFen: fen, otherFen: fen }).strict().nullable();

/** 88号 annex 1: the 中期 parts, the funds split, 立项依据, 实施进度计划 and contact of a project target. */
const annex = z
  .object({
    midtermGoal: text(2000),
    midtermIndicators: z.array(indicator).max(200, '中期指标最多 200 个'),
    midtermFunds: split,
    annualFunds: split,
    projectBasis: text(2000),
    schedule: z.array(z.object({ period: text(100), work: text(500) }).strict()).max(50, '实施进度计划最多 50 行'),
    contactPerson: text(60),
    contactPhone: text(40),
  })
  .strict();

const content = {
  overallGoal: text(2000),
  annualGoals: z.array(text(2000)).max(20, '年度目标最多 20 项'),
  indicators: z.array(indicator).max(200, '指标最多 200 个'),
};

const task = z
  .object({
    function: text(200),
    task: text(500),
    content: text(1000).optional(),
    projectCodes: z.array(text(40)).max(100),
    amountFen: signedFen,
    fiscalFen: fen.nullable().optional(),
    otherFen: fen.nullable().optional(),
  })
  .strict();

export const targetsContract = {
  'targets.overview': { permission: 'view', input: z.object({ year }).strict(), output: returns<TargetOverview>() },
  /** The target with its 固化指标 and its quality warnings (and what the form needs to recompute them). */
  'targets.forProject': { permission: 'view', input: z.object({ projectId: uuid }).strict(), output: returns<CheckedProjectTarget>() },
  'targets.save': {
    permission: 'enter',
    input: z.object({ projectId: uuid, version: version.nullable(), ...content, annex: annex.optional() }).strict(),
    output: returns<ProjectTarget>(),
  },
  'targets.department': { permission: 'view', input: z.object({ year, unitCode: text(20) }).strict(), output: returns<CheckedDepartmentTarget>() },
  'targets.saveDepartment': {
    permission: 'enter',
    input: z
      .object({
        year,
        unitCode: text(20),
        version: version.nullable(),
        basicFen: signedFen,
        projectFen: signedFen,
        fiscalFen: signedFen,
        otherFen: signedFen,
        functions: text(2000),
        tasks: z.array(task).max(100, '年度任务最多 100 项'),
        ...content,
      })
      .strict(),
    output: returns<DepartmentTarget>(),
  },
  'targets.transition': {
    // Targets may pass their 主管部门 first: who acts at which step is the review chain's (the service checks).
    permission: chainedActionPermission,
    input: z
      .object({ id: uuid, version, action: z.enum(WORKFLOW_ACTIONS), grade: z.enum(REVIEW_GRADES).nullable().optional(), opinion: text(1000).nullable().optional() })
      .strict(),
    output: returns<TargetRow>(),
  },
  'targets.history': { permission: 'view', input: z.object({ id: uuid }).strict(), output: returns<AuditRow[]>() },
  'targets.inbox': { permission: 'view', input: z.object({ year }).strict(), output: returns<InboxItem[]>() },
  'targets.suggestions': { permission: 'view', input: z.object({ projectTypeCode: text(40) }).strict(), output: returns<TargetIndicator[]>() },

  'targets.adjustments': { permission: 'view', input: z.object({ targetId: uuid }).strict(), output: returns<Adjustment[]>() },
  'targets.proposeAdjustment': {
    permission: 'enter',
    input: z.object({ targetId: uuid, targetVersion: version, reason: text(1000), proposed: z.object(content).strict() }).strict(),
    output: returns<Adjustment>(),
  },
  'targets.decideAdjustment': {
    // An adjustment of a unit's target passes its 主管部门 first, as the target did (the service checks who).
    permission: chainedActionPermission,
    input: z.object({ id: uuid, version, action: z.enum(['approve', 'return']), opinion: text(1000).nullable().optional() }).strict(),
    output: returns<Adjustment>(),
  },

  /** The target as its 88号 annex (1 for a project, 2 for a department) in xlsx. */
  'targets.annexWorkbook': { permission: 'view', input: z.object({ id: uuid }).strict(), output: returns<FilePayload>() },
  'targets.template': { permission: 'view', input: z.object({ year, unitCode: text(20) }).strict(), output: returns<FilePayload>() },
  'targets.importPreview': { permission: 'enter', input: file.extend({ year }).strict(), output: returns<TargetImportPreview>() },
  'targets.importCommit': { permission: 'enter', input: file.extend({ year }).strict(), output: returns<TargetImportResult>() },
} as const satisfies ContractPart;
