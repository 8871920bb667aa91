// The one reader of last year's target, for the 申报表's 上年目标值 / 上年实际值 columns and the target-quality
// checks alike. Its rules (the stricter of the two readers it replaces):
// - only a continuing (延续) project has a last year: a 新增 project reusing a code continues nothing;
// - last year's project is the one with the same project code, implemented by the same unit, the year
//   before (the lineage the budget system and the sample keep: a 延续 project carries its code on); a code
//   another unit used last year is another project;
// - only last year's approved target counts: a draft or a returned one was never the year's target;
// - 上年实际值 is the 实际完成值 of that target's approved self-evaluation; while there is none, the value reached
//   on its latest approved monitoring sheet, marked with the month (上年实际值（监控至8月）); a self-evaluation
//   still in draft or review gives nothing;
// - each indicator's light is that of last year's last monitoring round (the blue-light check).
// It reads monitoring and self-evaluation, which read targets' public entry: so only quality.ts (loaded by
// the handlers alone) calls it.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { targets } from '../../db/schema';
import { assessSheet, sheetRules, type Light } from '../domain/monitoring';
import type { LastYearActualSource, LastYearTarget } from '../domain/targetAnnex';
import { getSheet, lastSheetOf } from '../monitoring';
import { projectsWithFunds, type Project } from '../projects';
import { listSelfEvaluations, selfEvaluationResults } from '../selfEvaluation';
import { readIndicators } from './store';

/** Last year's approved target of a continuing project, with its actual values and lights; null when it had none. */
export function lastYearTarget(db: Db, project: Project): LastYearTarget | null {
  if (project.attribute !== '延续') return null;
  const year = project.year - 1;
  const before = projectsWithFunds(db, year, { unitCode: project.unitCode, codes: [project.code] })[0];
  if (!before) return null;
  const row = db
    .select({ id: targets.id })
    .from(targets)
    .where(and(eq(targets.projectId, before.id), eq(targets.kind, 'project'), eq(targets.status, 'approved'), eq(targets.deleted, false)))
    .get();
  if (!row) return null;
  const indicators = readIndicators(db, row.id);
  const actuals = evaluatedActuals(db, before, row.id) ?? monitoredActuals(db, before.id);
  const lights = lightsOf(db, before.id);
  return {
    year,
    adjustedFen: before.totals.adjustedFen,
    actualSource: actuals?.source ?? null,
    indicators: indicators.map((i, index) => ({
      libraryCode: i.libraryCode,
      name: i.name,
      operator: i.operator,
      value: i.value,
      unit: i.unit,
      actual: actuals?.of(i.name, index) ?? null,
      light: lights.get(i.name) ?? null,
    })),
  };
}

interface Actuals {
  source: LastYearActualSource;
  /** The actual of the indicator at `index` of last year's target, named `name`; null where none was recorded. */
  of: (name: string, index: number) => string | null;
}

const recorded = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/** 实际完成值 of the target's approved self-evaluation, or null while it has none. */
function evaluatedActuals(db: Db, project: Project, targetId: string): Actuals | null {
  const evaluation = listSelfEvaluations(db, { year: project.year, status: 'approved', unitCode: project.unitCode }).find((s) => s.targetId === targetId);
  const [result] = evaluation?.id ? selfEvaluationResults(db, [evaluation.id]) : [];
  if (!result) return null;
  // Its rows are the approved indicators in their order; a name finds a row moved since.
  const rows = result.indicators;
  return {
    source: { kind: 'selfEvaluation' },
    of: (name, index) => recorded((rows[index]?.name === name ? rows[index] : rows.find((r) => r.name === name))?.actual),
  };
}

/** The values reached by the month of the project's latest approved monitoring sheet, or null without one. */
function monitoredActuals(db: Db, projectId: string): Actuals | null {
  const sheetId = lastSheetOf(db, projectId, { approvedOnly: true });
  if (!sheetId) return null;
  const sheet = getSheet(db, sheetId);
  const reached = new Map(sheet.indicators.map((i) => [i.name, i.reached]));
  return { source: { kind: 'monitoring', month: sheet.round.month }, of: (name) => recorded(reached.get(name) ?? undefined) };
}

/** Each indicator's light in the project's last monitoring round of its year, by indicator name. */
function lightsOf(db: Db, projectId: string): Map<string, Light> {
  const sheetId = lastSheetOf(db, projectId);
  if (!sheetId) return new Map();
  const sheet = getSheet(db, sheetId);
  const assessment = assessSheet(
    { funds: sheet.funds, submitted: sheet.submittedAt !== null, budget: sheet.budget, indicators: sheet.indicators },
    sheetRules(sheet.rules),
  );
  return new Map(sheet.indicators.map((i, n) => [i.name, assessment.indicators[n]!.light]));
}
