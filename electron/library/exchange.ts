// Library updates travel down in a package kind of their own (指标库更新包): the prefecture issues its
// accepted indicators to its counties. An applied update opens a library version on the county's side,
// recording the prefecture as its source and the prefecture's own number.
import { eq, inArray, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/open';
import { libraryIndicators, libraryVersions, mandatoryIndicators, projectTypes } from '../../db/schema';
import type { Actor } from '../audit/audit';
import { OPERATORS } from '../domain/indicators';
import { MANDATORY_OPERATORS, MANDATORY_SCOPES } from '../domain/mandatoryIndicators';
import { type AppliedRecord, type DeclaredEntity, type PackageOrigin, MAX_COUNTER_STEP, PackageRefusal, recordRow } from '../exchange/exchange';
import { openLibraryVersion } from './versions';

/** The issuer's number may only move forward by a sane step: one far ahead would make every later update look old. */
function requireSaneStep(db: Db, origin: PackageOrigin, issued: number | null): void {
  if (issued === null) return;
  const last = db.select({ v: max(libraryVersions.sourceVersion) }).from(libraryVersions).where(eq(libraryVersions.source, origin.sender)).get()?.v ?? 0;
  if (issued > last + MAX_COUNTER_STEP) {
    throw new PackageRefusal(
      'BAD_DATA',
      `${origin.senderName}的指标库版本号 ${issued} 比本机已导入的版本号（${last}）超前 ${MAX_COUNTER_STEP} 以上，不是正常的版本号，已拒绝整个数据包。请电话与对方核实`,
    );
  }
}

function recordLibraryUpdate(db: Db, actor: Actor, applied: readonly AppliedRecord[], origin: PackageOrigin): void {
  const ids = applied.map((a) => a.id);
  const issued = db.select({ v: max(libraryIndicators.libraryVersion) }).from(libraryIndicators).where(inArray(libraryIndicators.id, ids)).get()?.v ?? null;
  requireSaneStep(db, origin, issued);
  const version = openLibraryVersion(db, actor, {
    note: `${origin.senderName}下发的指标库更新（数据包序号 ${origin.sequence}，${applied.length} 条指标）`,
    source: origin.sender,
    sourceVersion: issued,
  });
  // The indicators now belong to the local version just opened, as if confirmed here.
  db.update(libraryIndicators).set({ libraryVersion: version }).where(inArray(libraryIndicators.id, ids)).run();
}

/** A changed mandatory set changes what the library publishes: it opens a version, like changed indicators. */
function recordMandatoryUpdate(db: Db, actor: Actor, applied: readonly AppliedRecord[], origin: PackageOrigin): void {
  openLibraryVersion(db, actor, { note: `${origin.senderName}下发的固化指标更新（数据包序号 ${origin.sequence}，${applied.length} 条）`, source: origin.sender, sourceVersion: null });
}

export const libraryExchange: readonly DeclaredEntity[] = [
  {
    name: 'project-type',
    label: '项目类型',
    table: 'project_types',
    row: recordRow(projectTypes),
    naturalKey: ['code'],
    stages: ['library'],
    directions: ['down'],
    scope: '1 = 1',
  },
  {
    name: 'library-indicator',
    label: '指标库指标',
    table: 'library_indicators',
    row: recordRow(libraryIndicators, { operator: z.enum(OPERATORS) }),
    naturalKey: ['code'],
    stages: ['library'],
    parents: ['project-type'],
    directions: ['down'],
    scope: "status IN ('accepted', 'retired')",
    statusColumn: 'status',
    // Library versions are numbered by each installation; the prefecture's number is kept as source_version.
    localColumns: ['library_version'],
    afterApply: recordLibraryUpdate,
  },
  {
    // 固化指标 go down with the indicators they name; a removal travels as a tombstone.
    name: 'mandatory-indicator',
    label: '固化指标',
    table: 'mandatory_indicators',
    row: recordRow(mandatoryIndicators, { scope: z.enum(MANDATORY_SCOPES), operator: z.enum(MANDATORY_OPERATORS) }),
    naturalKey: ['scope', 'scope_code', 'indicator_code'],
    stages: ['library'],
    directions: ['down'],
    scope: '1 = 1',
    afterApply: recordMandatoryUpdate,
  },
];
