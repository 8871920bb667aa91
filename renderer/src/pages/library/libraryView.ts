// What the 指标库 page shows, kept apart from the components so it can be tested without a browser.
import { LIBRARY_STATUSES, LOCAL_SOURCE, SECTORS, STARTER_SOURCE, type LibraryStatus } from '../../../../electron/domain/library';
import type { ProjectTypeSummary, LibraryVersion } from '../../../../electron/library/contract';

export interface SectorGroup {
  sector: string;
  types: ProjectTypeSummary[];
}

/** Project types under their sectors, in the order of the sector list; unknown sectors last. */
export function groupBySector(types: readonly ProjectTypeSummary[]): SectorGroup[] {
  const order = (sector: string) => {
    const at = (SECTORS as readonly string[]).indexOf(sector);
    return at < 0 ? SECTORS.length : at;
  };
  const groups = new Map<string, ProjectTypeSummary[]>();
  for (const type of types) groups.set(type.sector, [...(groups.get(type.sector) ?? []), type]);
  return [...groups].map(([sector, list]) => ({ sector, types: list })).sort((a, b) => order(a.sector) - order(b.sector));
}

/** Indicators per status, of one type or (typeCode null) of the whole library. */
export function statusCounts(types: readonly ProjectTypeSummary[], typeCode: string | null): Record<LibraryStatus, number> {
  const counts = Object.fromEntries(LIBRARY_STATUSES.map((s) => [s, 0])) as Record<LibraryStatus, number>;
  for (const type of types) {
    if (typeCode !== null && type.code !== typeCode) continue;
    for (const status of LIBRARY_STATUSES) counts[status] += type.counts[status];
  }
  return counts;
}

/** Where a version came from, in words: this installation, the software, or an issuing prefecture and its number. */
export function versionSource(version: Pick<LibraryVersion, 'source' | 'sourceVersion'>, regionName: (code: string) => string | undefined): string {
  if (version.source === LOCAL_SOURCE) return '本机确认';
  if (version.source === STARTER_SOURCE) return '随软件提供的初始指标库';
  const issuer = regionName(version.source) ?? version.source;
  return version.sourceVersion ? `${issuer}下发（第 ${version.sourceVersion} 版）` : `${issuer}下发`;
}
