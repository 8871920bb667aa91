// Channels of 指标库: project types, the instant search, drafts, the propose/confirm mechanism, Excel,
// and the library's versions (updates from the prefecture arrive as signed packages, through 数据交换).
import { z } from 'zod';
import { ACCRUALS, OPERATORS } from '../domain/indicators';
import { LIBRARY_STATUSES } from '../domain/library';
import { MANDATORY_OPERATORS, MANDATORY_SCOPES } from '../domain/mandatoryIndicators';
import type { AuditRow } from '../audit/audit';
import { file, none, returns, text, uuid, version, type ContractPart, type FilePayload } from '../ipc/schema';
import type { LibraryIndicator, IndicatorSearchResult } from './indicators';
import type { LibraryImportPreview, LibraryImportResult } from './excel';
import type { ProjectType, ProjectTypeSummary } from './projectTypes';
import type { ConfirmResult } from './review';
import type { SeedResult } from './starter';
import type { LibraryVersion } from './versions';
import type { MandatoryEntry } from './mandatory';

// The types the renderer shows, so that it sees this workflow only through its contract.
export type { LibraryIndicator, LibraryIndicatorRow } from './indicators';
export type { PackageChange, PackagePreview, Tally } from './package';
export type { ProjectTypeSummary } from './projectTypes';
export type { LibraryVersion } from './versions';
export type { LibraryImportRow } from './excel';
export type { MandatoryEntry } from './mandatory';

const typeCode = text(12).min(1, '请选择项目类型');
const opinion = text(500);

const projectTypeDraft = z
  .object({ code: typeCode, name: text(40), sector: text(20), description: text(200) })
  .strict();

const indicatorDraft = z
  .object({
    projectTypeCode: typeCode,
    level1: text(20),
    level2: text(20),
    name: text(200),
    operator: z.union([z.enum(OPERATORS), z.literal('')]),
    referenceValue: text(100),
    unit: text(40),
    definition: text(1000),
    basis: text(10),
    accrual: z.enum(ACCRUALS, { error: '累计方式应为“累计型”（cumulative）或“状态型”（level）' }).optional(),
    proposingUnitCode: text(20).nullable().optional(),
  })
  .strict();

export const libraryContract = {
  /** Loads the shipped starter library into an empty library; does nothing to one with content. */
  'library.seedStarter': { permission: 'library.confirm', input: none, output: returns<SeedResult>() },

  'library.projectTypes': { permission: 'view', input: none, output: returns<ProjectTypeSummary[]>() },
  'library.createProjectType': { permission: 'library.confirm', input: projectTypeDraft, output: returns<ProjectType>() },
  'library.updateProjectType': { permission: 'library.confirm', input: projectTypeDraft.extend({ id: uuid, version }).strict(), output: returns<ProjectType>() },

  'library.search': {
    permission: 'view',
    input: z
      .object({
        text: text(100).optional(),
        projectTypeCode: text(12).nullable().optional(),
        status: z.enum(LIBRARY_STATUSES).nullable().optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
    output: returns<IndicatorSearchResult>(),
  },
  /** One indicator whole, as its form opens it from a row of the search. */
  'library.get': { permission: 'view', input: z.object({ id: uuid }).strict(), output: returns<LibraryIndicator>() },
  /** The accepted indicators of a project type: where a target form starts. */
  'library.suggested': { permission: 'view', input: z.object({ projectTypeCode: typeCode }).strict(), output: returns<LibraryIndicator[]>() },
  'library.history': { permission: 'view', input: z.object({ code: text(40) }).strict(), output: returns<AuditRow[]>() },

  'library.create': { permission: 'enter', input: indicatorDraft, output: returns<LibraryIndicator>() },
  'library.update': { permission: 'enter', input: indicatorDraft.extend({ id: uuid, version }).strict(), output: returns<LibraryIndicator>() },
  'library.propose': { permission: 'enter', input: z.object({ id: uuid, proposingUnitCode: text(20).nullable().optional() }).strict(), output: returns<LibraryIndicator>() },
  'library.confirm': {
    permission: 'library.confirm',
    input: z.object({ ids: z.array(uuid).min(1, '请选择要确认入库的指标').max(10_000), note: opinion.optional() }).strict(),
    output: returns<ConfirmResult>(),
  },
  'library.reject': { permission: 'library.confirm', input: z.object({ id: uuid, opinion: opinion.min(1, '退回时必须填写退回意见') }).strict(), output: returns<LibraryIndicator>() },
  'library.retire': { permission: 'library.confirm', input: z.object({ id: uuid, reason: opinion.optional() }).strict(), output: returns<LibraryIndicator>() },
  'library.restore': { permission: 'library.confirm', input: z.object({ id: uuid }).strict(), output: returns<LibraryIndicator>() },

  'library.importPreview': { permission: 'enter', input: file, output: returns<LibraryImportPreview>() },
  'library.importCommit': { permission: 'enter', input: file, output: returns<LibraryImportResult>() },
  'library.export': { permission: 'view', input: none, output: returns<FilePayload>() },
  'library.template': { permission: 'view', input: none, output: returns<FilePayload>() },

  'library.versions': { permission: 'view', input: none, output: returns<LibraryVersion[]>() },

  /** 固化指标: the sets of mandatory indicators per project type and fund kind. */
  'library.mandatory': { permission: 'view', input: none, output: returns<MandatoryEntry[]>() },
  'library.addMandatory': {
    permission: 'library.confirm',
    input: z
      .object({
        scope: z.enum(MANDATORY_SCOPES, { error: '请选择按项目类型或按资金类型设定' }),
        scopeCode: text(12).min(1, '请选择项目类型或资金类型'),
        indicatorCode: text(40).min(1, '请选择指标'),
        operator: z.enum(MANDATORY_OPERATORS, { error: '指标性质应为 ≥、>、=、<、≤、定性 之一，或留空沿用指标库' }),
      })
      .strict(),
    output: returns<MandatoryEntry>(),
  },
  'library.removeMandatory': { permission: 'library.confirm', input: z.object({ id: uuid, version }).strict(), output: returns<null>() },
} as const satisfies ContractPart;
