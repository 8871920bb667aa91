// What a project target carries for 财预〔2015〕88号 annex 1 beside its goals and annual indicators (the
// 中期 parts, the funds split, 立项依据, 实施进度计划, contact); last year's target beside it is lastYear.ts's.
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { targetMidtermIndicators, targets } from '../../db/schema';
import type { ProjectAnnex, ScheduleStep } from '../domain/targetAnnex';
import { indicatorOf, normaliseIndicator, type TargetRow } from './store';

export function readAnnex(db: Db, row: TargetRow): ProjectAnnex {
  const split = (fiscalFen: number | null, otherFen: number | null) => (fiscalFen === null && otherFen === null ? null : { fiscalFen: fiscalFen ?? 0, otherFen: otherFen ?? 0 });
  return {
    midtermGoal: row.midtermGoal,
    midtermIndicators: db.select().from(targetMidtermIndicators).where(eq(targetMidtermIndicators.targetId, row.id)).orderBy(asc(targetMidtermIndicators.seq)).all().map(indicatorOf),
    midtermFunds: split(row.midtermFiscalFen, row.midtermOtherFen),
    annualFunds: split(row.annualFiscalFen, row.annualOtherFen),
    projectBasis: row.projectBasis,
    schedule: JSON.parse(row.schedule) as ScheduleStep[],
    contactPerson: row.contactPerson,
    contactPhone: row.contactPhone,
  };
}

/** Trimmed text, as the store keeps it; empty schedule rows are dropped. */
export function normaliseAnnex(annex: ProjectAnnex): ProjectAnnex {
  return {
    ...annex,
    midtermGoal: annex.midtermGoal.trim(),
    midtermIndicators: annex.midtermIndicators.map(normaliseIndicator),
    projectBasis: annex.projectBasis.trim(),
    schedule: annex.schedule.map((s) => ({ period: s.period.trim(), work: s.work.trim() })).filter((s) => s.period !== '' || s.work !== ''),
    contactPerson: annex.contactPerson.trim(),
    contactPhone: annex.contactPhone.replace(/\s/g, ''),
  };
}

/** Writes the annex onto a saved target row; the 中期 indicator rows are replaced. */
export function writeAnnex(db: Db, targetId: string, annex: ProjectAnnex): void {
  db.update(targets)
    .set({
      midtermGoal: annex.midtermGoal,
      midtermFiscalFen: annex.midtermFunds?.fiscalFen ?? null,
      midtermOtherFen: annex.midtermFunds?.otherFen ?? null,
      annualFiscalFen: annex.annualFunds?.fiscalFen ?? null,
      annualOtherFen: annex.annualFunds?.otherFen ?? null,
      projectBasis: annex.projectBasis,
      schedule: JSON.stringify(annex.schedule),
      contactPerson: annex.contactPerson,
      contactPhone: annex.contactPhone,
    })
    .where(eq(targets.id, targetId))
    .run();
  db.delete(targetMidtermIndicators).where(eq(targetMidtermIndicators.targetId, targetId)).run();
  annex.midtermIndicators.forEach((indicator, index) => {
    db.insert(targetMidtermIndicators)
      .values({ id: randomUUID(), targetId, seq: index + 1, ...indicator, scoringStandard: indicator.scoringStandard ?? '' })
      .run();
  });
}
