// What a project target carries for 财预〔2015〕88号 annex 1 beside its goals and annual indicators (the
// 中期 parts, the funds split, 立项依据, 实施进度计划, contact), last year's target and actual value of each
// indicator of a continuing project.
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { projects, targetMidtermIndicators, targets } from '../../db/schema';
import { displayTarget } from '../domain/indicators';
import type { ProjectAnnex, LastYearIndicator, ScheduleStep } from '../domain/targetAnnex';
import { listSelfEvaluations, selfEvaluationResults } from '../selfEvaluation';
import { indicatorOf, normaliseIndicator, readIndicators, type TargetRow } from './store';

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

/** Last year's target of the same project code with each indicator's actual value, as a continuing project shows it. */
export interface LastYearTarget {
  year: number;
  status: string;
  /** Whether an approved self-evaluation gave the actual values. */
  evaluated: boolean;
  indicators: LastYearIndicator[];
}

/**
 * Last year's target of the project code, matched in the same region, and the actual values of its
 * approved self-evaluation (the selfEvaluation workflow's results); null when last year had no target.
 */
export function lastYearTarget(db: Db, regionCode: string, year: number, projectCode: string): LastYearTarget | null {
  const previous = db
    .select()
    .from(targets)
    .where(and(eq(targets.regionCode, regionCode), eq(targets.year, year - 1), eq(targets.kind, 'project'), eq(targets.ownerCode, projectCode), eq(targets.deleted, false)))
    .get();
  if (!previous) return null;
  // Only that project's unit's tables: the whole county's year would be read on every opening of a form.
  const unit = previous.projectId ? db.select({ code: projects.unitCode }).from(projects).where(eq(projects.id, previous.projectId)).get() : undefined;
  const evaluation = unit
    ? listSelfEvaluations(db, { year: year - 1, status: 'approved', unitCode: unit.code }).find((s) => s.targetId === previous.id)
    : undefined;
  const [result] = evaluation?.id ? selfEvaluationResults(db, [evaluation.id]) : [];
  // The self-evaluation rows are the approved indicators in their order; a name finds a row moved since.
  const actualOf = (name: string, index: number) => {
    const rows = result?.indicators ?? [];
    const row = rows[index]?.name === name ? rows[index] : rows.find((r) => r.name === name);
    return row?.actual ? row.actual : null;
  };
  return {
    year: previous.year,
    status: previous.status,
    evaluated: result !== undefined,
    indicators: readIndicators(db, previous.id).map((i, index) => ({
      libraryCode: i.libraryCode,
      name: i.name,
      operator: i.operator,
      value: i.value,
      unit: i.unit,
      actual: actualOf(i.name, index),
    })),
  };
}

/** 上年目标值 as the form shows it: ≥12公里. */
export const lastYearTargetText = (indicator: LastYearIndicator) => displayTarget({ operator: indicator.operator as never, value: indicator.value, unit: indicator.unit });
