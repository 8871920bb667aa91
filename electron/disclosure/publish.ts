// 记录公开: what was published, for which scope and year, when and by whom (domain.md §9). The record and
// its audit entry (with the published project codes) are written together.
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { disclosures, units } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { TABLE_LAYOUTS } from '../domain/disclosure';
import { AppError } from '../errors';
import { requireInstallation } from '../registry';
import { disclosureFileName } from './targetSheet';
import { disclosureTable, type DisclosureQuery } from './targetTable';

/** The scope column: a unit code, or '*' for the whole county. */
const COUNTY_SCOPE = '*';

export type Disclosure = typeof disclosures.$inferSelect;

export function publishDisclosure(db: Db, actor: Actor, query: DisclosureQuery): Disclosure {
  const { region } = requireInstallation(db);
  return db.transaction((tx) => {
    const table = disclosureTable(tx, query);
    if (table.count === 0) {
      throw new AppError('INVALID_INPUT', `${table.scopeName}${query.year}年度没有可公开的${TABLE_LAYOUTS[query.kind].title}内容（${table.exclusionNote}），未记录公开`);
    }
    const record: Disclosure = {
      id: randomUUID(),
      year: query.year,
      kind: query.kind,
      scope: query.unitCode ?? COUNTY_SCOPE,
      recordCount: table.count,
      fileName: disclosureFileName(table),
      publishedAt: new Date().toISOString(),
      publishedBy: actor.name,
    };
    tx.insert(disclosures).values(record).run();
    recordAudit(tx, actor, {
      entity: 'disclosure',
      naturalKey: `${region.code}/${query.year}/${query.kind}/${record.scope}`,
      action: '记录绩效公开',
      after: { ...record, codes: [...table.targets, ...table.selfEvaluations, ...table.evaluations].map((t) => t.code), excluded: table.excluded },
    });
    return record;
  });
}

/** A publication as 公开记录 lists it: its scope named (全县, or the unit's name), so the page needs no units list. */
export interface ListedDisclosure extends Disclosure {
  scopeName: string;
}

/** Publications of a year, newest first. */
export function listDisclosures(db: Db, year: number): ListedDisclosure[] {
  const { region } = requireInstallation(db);
  return db
    .select({ disclosure: disclosures, unitName: units.name })
    .from(disclosures)
    .leftJoin(units, and(eq(units.regionCode, region.code), eq(units.code, disclosures.scope), eq(units.deleted, false)))
    .where(eq(disclosures.year, year))
    .orderBy(desc(disclosures.publishedAt))
    .all()
    .map(({ disclosure, unitName }) => ({ ...disclosure, scopeName: disclosure.scope === COUNTY_SCOPE ? '全县' : (unitName ?? disclosure.scope) }));
}
