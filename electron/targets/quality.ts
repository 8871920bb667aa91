// 目标质量提示 for a project's target (domain/targetQuality.ts): what the checks need beside the form —
// the bureau's thresholds, the project's 固化指标 and, for a continuing project, last year's approved
// target with its actual values and its last monitoring round's lights (lastYear.ts, which the 申报表's
// 上年 columns show too) — sent with the target in one call, so the form previews the same warnings while
// typing and the reviewer sees them.
// It reads monitoring and self-evaluation, which read targets' public entry: so only the handlers load it
// (and annexWorkbook.ts, which only the handlers load).
import type { Db } from '../../db/open';
import type { Actor } from '../audit/audit';
import { targetQualityWarnings, type QualityContext, type QualitySettings, type QualityWarning } from '../domain/targetQuality';
import { settingValue } from '../settings';
import { departmentTarget, type DepartmentTarget } from './department';
import { lastYearTarget } from './lastYear';
import { frameworkFor } from './store';
import { projectTarget, type ProjectTarget } from './targets';

export interface CheckedProjectTarget extends ProjectTarget {
  /**
   * What the quality checks read beside the form (the form runs them again while typing); its `previous` is
   * last year's approved target with its actual values (lastYear.ts), which the 申报表's 上年 columns show too.
   */
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
  const previous = lastYearTarget(db, target.project);
  const quality: QualityContext = { settings: qualitySettings(db), adjustedFen: target.project.totals.adjustedFen, previous, mandatory: target.mandatory };
  return { ...target, quality, warnings: targetQualityWarnings(target, frameworkFor(db, target.year), quality) };
}
