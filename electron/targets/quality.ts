// 目标质量提示 for a project's target (domain/targetQuality.ts): what the checks need beside the form —
// the bureau's thresholds, the project's 固化指标 and, for a continuing project, last year's approved
// target with its self-evaluation's actual values and its last monitoring round's lights — sent with the
// target in one call, so the form previews the same warnings while typing and the reviewer sees them.
// It reads monitoring and self-evaluation, which read targets' public entry: so only the handlers load it.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { targets } from '../../db/schema';
import type { Actor } from '../audit/audit';
import { assessSheet, sheetRules, type Light } from '../domain/monitoring';
import { targetQualityWarnings, type PreviousIndicator, type PreviousYear, type QualityContext, type QualitySettings, type QualityWarning } from '../domain/targetQuality';
import { getSheet, lastSheetOf } from '../monitoring';
import { projectsWithFunds, type Project } from '../projects';
import { listSelfEvaluations, selfEvaluationResults } from '../selfEvaluation';
import { settingValue } from '../settings';
import { departmentTarget, type DepartmentTarget } from './department';
import { frameworkFor, readContent } from './store';
import { projectTarget, type ProjectTarget } from './targets';

export interface CheckedProjectTarget extends ProjectTarget {
  /** What the quality checks read beside the form (the form runs them again while typing). */
  quality: QualityContext;
  /** The warnings on the target as stored (or as started, before its first save). */
  warnings: QualityWarning[];
}

const qualitySettings = (db: Db): QualitySettings => ({
  qualitativeShareMax: settingValue<string>(db, 'targets.qualitativeShareMax'),
  budgetGrowthFrom: settingValue<string>(db, 'targets.budgetGrowthFrom'),
});

export interface CheckedDepartmentTarget extends DepartmentTarget {
  quality: QualityContext;
  warnings: QualityWarning[];
}

/** A unit's department-wide target with the checks that need no last year (wording, shares, duplicates). */
export function checkedDepartmentTarget(db: Db, year: number, unitCode: string, viewer?: Actor): CheckedDepartmentTarget {
  const target = departmentTarget(db, year, unitCode, viewer);
  const quality: QualityContext = { settings: qualitySettings(db), adjustedFen: target.basicFen + target.projectFen, previous: null, mandatory: [] };
  return { ...target, quality, warnings: targetQualityWarnings(target, frameworkFor(db, year), quality) };
}

/** A project's target with its quality context and warnings: what the editor and the reviewer open. */
export function checkedProjectTarget(db: Db, projectId: string, viewer?: Actor): CheckedProjectTarget {
  const target = projectTarget(db, projectId, viewer);
  const quality: QualityContext = {
    settings: qualitySettings(db),
    adjustedFen: target.project.totals.adjustedFen,
    previous: previousYearOf(db, target.project),
    mandatory: target.mandatory,
  };
  return { ...target, quality, warnings: targetQualityWarnings(target, frameworkFor(db, target.year), quality) };
}

/** Last year's approved target of a continuing (延续) project with the same code, or null. */
export function previousYearOf(db: Db, project: Project): PreviousYear | null {
  if (project.attribute !== '延续') return null;
  const year = project.year - 1;
  const [before] = projectsWithFunds(db, year, { codes: [project.code] });
  if (!before) return null;
  const row = db
    .select()
    .from(targets)
    .where(and(eq(targets.projectId, before.id), eq(targets.kind, 'project'), eq(targets.status, 'approved'), eq(targets.deleted, false)))
    .get();
  if (!row) return null;
  const actuals = actualsOf(db, year, before);
  const lights = lightsOf(db, before.id);
  const indicators = readContent(db, row).indicators.map(
    (i): PreviousIndicator => ({
      libraryCode: i.libraryCode,
      name: i.name,
      operator: i.operator,
      value: i.value,
      unit: i.unit,
      actual: actuals.get(i.name) || null,
      light: lights.get(i.name) ?? null,
    }),
  );
  return { year, adjustedFen: before.totals.adjustedFen, indicators };
}

/** 实际完成值 by indicator name from last year's self-evaluation of the project, if one was started. */
function actualsOf(db: Db, year: number, project: Project): Map<string, string> {
  const started = listSelfEvaluations(db, { year, unitCode: project.unitCode }).find((r) => r.projectId === project.id && r.id !== null);
  const [result] = started ? selfEvaluationResults(db, [started.id!]) : [];
  return new Map((result?.indicators ?? []).map((i) => [i.name, i.actual.trim()]));
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
