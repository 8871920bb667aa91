// What both published target tables read the same way: the scope (county, a 主管部门 with its units, or
// one unit), unit names, and indicator rows in dictionary order as 指标值 text.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { targetIndicators, units } from '../../db/schema';
import type { DisclosedIndicator } from '../domain/disclosure';
import { displayTarget, type Framework, type IndicatorOperator } from '../domain/indicators';
import { AppError } from '../errors';
import { requireInstallation } from '../registry';
import { frameworkFor } from '../targets';

/**
 * What is left out. Project tables: 涉密 projects, and projects whose targets are not approved (or not
 * filled in). Department tables: units without an approved target, and tasks tied to 涉密 projects.
 */
export interface Excluded {
  confidential: number;
  notApproved: number;
}

export interface Scope {
  regionCode: string;
  regionName: string;
  /** 全县 or the unit's name. */
  scopeName: string;
  /** Whether a project or unit with this implementing unit and 主管部门 falls in the scope. */
  includes: (unitCode: string, departmentCode: string | null) => boolean;
  unitName: (code: string) => string;
}

/** A 主管部门's scope includes its subordinate units; a unit's only itself. */
export function scopeOf(db: Db, unitCode: string | null): Scope {
  const { region } = requireInstallation(db);
  const rows = db.select({ code: units.code, name: units.name }).from(units).where(and(eq(units.regionCode, region.code), eq(units.deleted, false))).all();
  const names = new Map(rows.map((u) => [u.code, u.name]));
  const scopeName = unitCode === null ? '全县' : names.get(unitCode);
  if (scopeName === undefined) throw new AppError('NOT_FOUND', `单位编码 ${unitCode} 不存在，请从单位列表中选择`);
  return {
    regionCode: region.code,
    regionName: region.name,
    scopeName,
    includes: (code, departmentCode) => unitCode === null || code === unitCode || departmentCode === unitCode,
    unitName: (code) => names.get(code) ?? code,
  };
}

/** Dictionary order (产出 before 效益 before 满意度, 数量 before 质量…), so equal levels sit together and merge. */
function dictionaryRank(fw: Framework): (level1: string, level2: string) => number {
  return (level1, level2) => {
    const l1 = fw.level1.findIndex((l) => l.name === level1);
    if (l1 < 0) return 10_000;
    const l2 = fw.level1[l1]!.level2.indexOf(level2);
    return l1 * 100 + (l2 < 0 ? 99 : l2);
  };
}

export function indicatorsByTarget(db: Db, year: number, targetIds: string[]): Map<string, DisclosedIndicator[]> {
  const result = new Map<string, DisclosedIndicator[]>();
  if (targetIds.length === 0) return result;
  const rank = dictionaryRank(frameworkFor(db, year));
  const rows = db
    .select()
    .from(targetIndicators)
    .where(inArray(targetIndicators.targetId, targetIds))
    .orderBy(asc(targetIndicators.targetId), asc(targetIndicators.seq))
    .all()
    // Array.sort is stable: within one level the form's own order (seq) is kept.
    .sort((a, b) => rank(a.level1, a.level2) - rank(b.level1, b.level2));
  for (const row of rows) {
    const list = result.get(row.targetId) ?? [];
    list.push({ level1: row.level1, level2: row.level2, name: row.name, target: displayTarget({ ...row, operator: row.operator as IndicatorOperator }) });
    result.set(row.targetId, list);
  }
  return result;
}
