// The publishable 项目支出绩效目标表 of a year (domain.md §9): approved project targets of the whole
// county or of one unit, never a 涉密 project, in the standard layout of electron/domain/disclosure.ts.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { fiscalYears, projectFunds, projects, targetIndicators, targets, units } from '../../db/schema';
import { isFiscalSource, type DisclosedIndicator, type DisclosedProject } from '../domain/disclosure';
import { displayTarget, framework, type Framework, type IndicatorOperator } from '../domain/indicators';
import { AppError } from '../errors';
import { requireInstallation } from '../registry/setup';

export interface DisclosureQuery {
  year: number;
  /** A unit or 主管部门 code; null for the whole county. A 主管部门 includes its subordinate units' projects. */
  unitCode: string | null;
}

export interface DisclosureTable {
  year: number;
  unitCode: string | null;
  /** 全县 or the unit's name. */
  scopeName: string;
  title: string;
  projects: DisclosedProject[];
  /** Projects in scope that are left out, and why: 涉密, or targets not (yet) approved. */
  excluded: { confidential: number; notApproved: number };
  /** The exclusions in a sentence for the page and the sheet, e.g. “未列入 3 个项目：涉密 1 个…”. */
  exclusionNote: string;
}

function unitNames(db: Db, regionCode: string): Map<string, string> {
  const rows = db.select({ code: units.code, name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.deleted, false))).all();
  return new Map(rows.map((u) => [u.code, u.name]));
}

function yearFramework(db: Db, year: number): Framework {
  return framework(db.select({ framework: fiscalYears.framework }).from(fiscalYears).where(eq(fiscalYears.year, year)).get()?.framework ?? 'classic');
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

function indicatorsByTarget(db: Db, targetIds: string[], fw: Framework): Map<string, DisclosedIndicator[]> {
  const result = new Map<string, DisclosedIndicator[]>();
  if (targetIds.length === 0) return result;
  const rank = dictionaryRank(fw);
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

function fundsByProject(db: Db, projectIds: string[]): Map<string, { fiscalFen: number; otherFen: number }> {
  const result = new Map<string, { fiscalFen: number; otherFen: number }>();
  if (projectIds.length === 0) return result;
  for (const fund of db.select().from(projectFunds).where(inArray(projectFunds.projectId, projectIds)).all()) {
    const sums = result.get(fund.projectId) ?? { fiscalFen: 0, otherFen: 0 };
    // 年度资金总额 is the adjusted budget: initial + additions − cuts (equal to the initial one at budget time).
    const adjusted = fund.initialFen + fund.additionFen - fund.cutFen;
    if (isFiscalSource(fund.source)) sums.fiscalFen += adjusted;
    else sums.otherFen += adjusted;
    result.set(fund.projectId, sums);
  }
  return result;
}

export function exclusionNote(excluded: DisclosureTable['excluded']): string {
  const parts = [
    excluded.confidential ? `涉密项目 ${excluded.confidential} 个（不公开）` : '',
    excluded.notApproved ? `绩效目标尚未审核通过的项目 ${excluded.notApproved} 个` : '',
  ].filter(Boolean);
  const total = excluded.confidential + excluded.notApproved;
  return total === 0 ? '范围内的项目均已列入。' : `未列入 ${total} 个项目：${parts.join('，')}。`;
}

/** The publishable project target table of a year for the county or one unit. */
export function disclosureTable(db: Db, query: DisclosureQuery): DisclosureTable {
  const { region } = requireInstallation(db);
  const names = unitNames(db, region.code);
  const scopeName = query.unitCode === null ? '全县' : names.get(query.unitCode);
  if (scopeName === undefined) throw new AppError('NOT_FOUND', `单位编码 ${query.unitCode} 不存在，请从单位列表中选择`);

  const inScope = db
    .select({ project: projects, target: targets })
    .from(projects)
    .leftJoin(targets, and(eq(targets.projectId, projects.id), eq(targets.kind, 'project'), eq(targets.deleted, false)))
    .where(and(eq(projects.regionCode, region.code), eq(projects.year, query.year), eq(projects.deleted, false)))
    .orderBy(asc(projects.departmentCode), asc(projects.unitCode), asc(projects.code))
    .all()
    .filter(({ project }) => query.unitCode === null || project.unitCode === query.unitCode || project.departmentCode === query.unitCode);

  const confidential = inScope.filter(({ project }) => project.confidential).length;
  const published = inScope.filter(({ project, target }) => !project.confidential && target?.status === 'approved');
  const indicators = indicatorsByTarget(db, published.map(({ target }) => target!.id), yearFramework(db, query.year));
  const funds = fundsByProject(db, published.map(({ project }) => project.id));
  const excluded = { confidential, notApproved: inScope.length - confidential - published.length };

  return {
    year: query.year,
    unitCode: query.unitCode,
    scopeName,
    title: `${query.unitCode === null ? region.name : scopeName}${query.year}年度项目支出绩效目标表`,
    projects: published.map(({ project, target }) => {
      const { fiscalFen, otherFen } = funds.get(project.id) ?? { fiscalFen: 0, otherFen: 0 };
      return {
        code: project.code,
        name: project.name,
        departmentName: names.get(project.departmentCode) ?? project.departmentCode,
        unitName: names.get(project.unitCode) ?? project.unitCode,
        totalFen: fiscalFen + otherFen,
        fiscalFen,
        otherFen,
        overallGoal: target!.overallGoal,
        indicators: indicators.get(target!.id) ?? [],
      };
    }),
    excluded,
    exclusionNote: exclusionNote(excluded),
  };
}
