// Library updates travel down: the prefecture issues its accepted indicators to its counties. An applied
// update opens a library version on the county's side, recording the prefecture as its source.
import { inArray, max } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { libraryIndicators } from '../../db/schema';
import type { Actor } from '../audit/audit';
import type { AppliedRecord, ExchangeEntity, PackageOrigin } from '../exchange';
import { openLibraryVersion } from './versions';

function recordLibraryUpdate(db: Db, actor: Actor, applied: readonly AppliedRecord[], origin: PackageOrigin): void {
  const ids = applied.map((a) => a.id);
  const issued = db.select({ v: max(libraryIndicators.libraryVersion) }).from(libraryIndicators).where(inArray(libraryIndicators.id, ids)).get()?.v ?? null;
  const version = openLibraryVersion(db, actor, {
    note: `${origin.senderName}下发的指标库更新（数据包序号 ${origin.sequence}，${applied.length} 条指标）`,
    source: origin.sender,
    sourceVersion: issued,
  });
  // The indicators now belong to the local version just opened, as if confirmed here.
  db.update(libraryIndicators).set({ libraryVersion: version }).where(inArray(libraryIndicators.id, ids)).run();
}

export const libraryExchange: readonly ExchangeEntity[] = [
  {
    name: 'project-type',
    label: '项目类型',
    table: 'project_types',
    naturalKey: ['code'],
    stages: ['library'],
    directions: ['down'],
    scope: '1 = 1',
  },
  {
    name: 'library-indicator',
    label: '指标库指标',
    table: 'library_indicators',
    naturalKey: ['code'],
    stages: ['library'],
    directions: ['down'],
    scope: "status IN ('accepted', 'retired')",
    statusColumn: 'status',
    // Library versions are numbered by each installation; the prefecture's number is kept as source_version.
    localColumns: ['library_version'],
    afterApply: recordLibraryUpdate,
  },
];
