// 项目库: the county's projects per year with their funds by source. The project code is the join key
// with the budget system, so it is unique per region and year.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { projectFunds, projects, projectTypes, sqlNow, targets, units } from '../../db/schema';
import {
  checkFunds,
  checkProject,
  checkProjectUnits,
  FUND_SOURCES,
  fundTotals,
  type FundRow,
  type FundTotals,
  type ProjectDraft,
  type ProjectProblems,
  type UnitRef,
} from '../domain/projects';
import type { WorkflowState } from '../domain/workflow';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';
import { requireInstallation, listUnits, unitChoice, type UnitChoice } from '../registry';

export interface Project extends ProjectDraft {
  id: string;
  year: number;
  version: number;
  updatedAt: string;
  /** By source, in the order of FUND_SOURCES. */
  funds: FundRow[];
  totals: FundTotals;
}

export interface ProjectInput extends ProjectDraft {
  year: number;
  funds: FundRow[];
}

export interface ProjectUpdate extends ProjectInput {
  id: string;
  /** The version the user edited, so a concurrent change is not silently overwritten. */
  version: number;
}

/**
 * A row of the project list, only what it shows (the form reads the whole project when it opens): the
 * implementing unit's name joined in, the two budget totals and where the project's target stands.
 */
export interface ProjectListRow {
  id: string;
  version: number;
  code: string;
  name: string;
  unitCode: string;
  unitName: string;
  keyProject: boolean;
  povertyFund: boolean;
  confidential: boolean;
  totals: Pick<FundTotals, 'initialFen' | 'adjustedFen'>;
  targetStatus: WorkflowState | null;
}

const headerColumns = {
  id: projects.id,
  year: projects.year,
  version: projects.version,
  updatedAt: projects.updatedAt,
  code: projects.code,
  name: projects.name,
  departmentCode: projects.departmentCode,
  unitCode: projects.unitCode,
  category: projects.category,
  attribute: projects.attribute,
  keyProject: projects.keyProject,
  povertyFund: projects.povertyFund,
  confidential: projects.confidential,
  projectTypeCode: projects.projectTypeCode,
  startDate: projects.startDate,
  endDate: projects.endDate,
  personInCharge: projects.personInCharge,
};

export const projectKey = (regionCode: string, year: number, code: string) => `${regionCode}/${year}/${code}`;

const sourceOrder = (source: string) => (FUND_SOURCES as readonly string[]).indexOf(source);
const bySource = (a: FundRow, b: FundRow) => sourceOrder(a.source) - sourceOrder(b.source);

function fundsByProject(db: Db, ids: readonly string[]): Map<string, FundRow[]> {
  const result = new Map<string, FundRow[]>(ids.map((id) => [id, []]));
  // In chunks, well inside SQLite's limit on bound parameters.
  for (let start = 0; start < ids.length; start += 500) {
    const rows = db
      .select({ projectId: projectFunds.projectId, source: projectFunds.source, initialFen: projectFunds.initialFen, additionFen: projectFunds.additionFen, cutFen: projectFunds.cutFen })
      .from(projectFunds)
      .where(inArray(projectFunds.projectId, ids.slice(start, start + 500)))
      .all();
    for (const { projectId, ...fund } of rows) result.get(projectId)?.push(fund);
  }
  for (const funds of result.values()) funds.sort(bySource);
  return result;
}

/** All live projects of a year (of this region), by code, with funds and the status of their targets. */
export function listProjects(db: Db, year: number): ProjectListRow[] {
  const { region } = requireInstallation(db);
  const rows = db
    .select({
      id: projects.id,
      version: projects.version,
      code: projects.code,
      name: projects.name,
      unitCode: projects.unitCode,
      unitName: sql<string>`coalesce(${units.name}, ${projects.unitCode})`,
      keyProject: projects.keyProject,
      povertyFund: projects.povertyFund,
      confidential: projects.confidential,
      targetStatus: targets.status,
    })
    .from(projects)
    .leftJoin(units, and(eq(units.regionCode, projects.regionCode), eq(units.code, projects.unitCode)))
    .leftJoin(targets, and(eq(targets.projectId, projects.id), eq(targets.kind, 'project'), eq(targets.deleted, false)))
    .where(and(eq(projects.regionCode, region.code), eq(projects.year, year), eq(projects.deleted, false)))
    .orderBy(asc(projects.code))
    .all();
  const funds = fundsByProject(db, rows.map((r) => r.id));
  return rows.map((row) => {
    const { initialFen, adjustedFen } = fundTotals(funds.get(row.id) ?? []);
    return { ...row, totals: { initialFen, adjustedFen } };
  });
}

/** Several projects with their funds, e.g. the projects of one unit for a template. */
export function projectsWithFunds(db: Db, year: number, filter: { unitCode?: string; codes?: readonly string[] } = {}): Project[] {
  const { region } = requireInstallation(db);
  const conditions = [eq(projects.regionCode, region.code), eq(projects.year, year), eq(projects.deleted, false)];
  if (filter.unitCode) conditions.push(eq(projects.unitCode, filter.unitCode));
  if (filter.codes) conditions.push(inArray(projects.code, [...filter.codes]));
  const rows = db.select(headerColumns).from(projects).where(and(...conditions)).orderBy(asc(projects.code)).all();
  const funds = fundsByProject(db, rows.map((r) => r.id));
  return rows.map((row) => {
    const own = funds.get(row.id) ?? [];
    return { ...row, funds: own, totals: fundTotals(own) };
  });
}

export function findProject(db: Db, id: string): Project | undefined {
  const row = db.select(headerColumns).from(projects).where(and(eq(projects.id, id), eq(projects.deleted, false))).get();
  if (!row) return undefined;
  const funds = fundsByProject(db, [row.id]).get(row.id) ?? [];
  return { ...row, funds, totals: fundTotals(funds) };
}

export function getProject(db: Db, id: string): Project {
  const project = findProject(db, id);
  if (!project) throw new AppError('NOT_FOUND', '该项目不存在或已删除，请刷新列表');
  return project;
}

/** A project as its form edits it: its implementing unit comes named, so the form needs no units list. */
export interface ProjectForEditing extends Project {
  /** Null when the unit is no longer in the register (the form then asks for another). */
  unit: UnitChoice | null;
}

export function projectForEditing(db: Db, id: string): ProjectForEditing {
  const project = getProject(db, id);
  return { ...project, unit: unitChoice(db, project.unitCode) };
}

/** The units as the project rules see them, looked up by code. */
export function unitLookup(db: Db): (code: string) => UnitRef | undefined {
  const byCode = new Map(listUnits(db).map((u) => [u.code, u]));
  return (code) => byCode.get(code);
}

/** Trimmed text and empty optional fields as null, the way the store keeps them. */
export function normaliseDraft(draft: ProjectDraft): ProjectDraft {
  return {
    ...draft,
    code: draft.code.trim(),
    name: draft.name.trim(),
    departmentCode: draft.departmentCode.trim(),
    unitCode: draft.unitCode.trim(),
    projectTypeCode: draft.projectTypeCode?.trim() || null,
    startDate: draft.startDate?.trim() || null,
    endDate: draft.endDate?.trim() || null,
    personInCharge: draft.personInCharge.trim(),
  };
}

function refuseProblems(problems: ProjectProblems, funds: FundRow[]): void {
  const messages = [...Object.values(problems), ...checkFunds(funds).map((p) => p.message)];
  if (messages.length) throw new AppError('INVALID_INPUT', messages.join('；'));
}

function validate(db: Db, input: ProjectInput): ProjectDraft {
  const draft = normaliseDraft(input);
  refuseProblems({ ...checkProject(draft), ...checkProjectUnits(draft, unitLookup(db)) }, input.funds);
  if (draft.projectTypeCode) {
    const known = db.select({ code: projectTypes.code }).from(projectTypes).where(and(eq(projectTypes.code, draft.projectTypeCode), eq(projectTypes.deleted, false))).get();
    if (!known) throw new AppError('INVALID_INPUT', `项目类型 ${draft.projectTypeCode} 不在指标库中，请重新选择`);
  }
  return draft;
}

function codeHolder(db: Db, regionCode: string, year: number, code: string) {
  return db
    .select({ id: projects.id, deleted: projects.deleted })
    .from(projects)
    .where(and(eq(projects.regionCode, regionCode), eq(projects.year, year), eq(projects.code, code)))
    .get();
}

function replaceFunds(db: Db, projectId: string, funds: readonly FundRow[]): void {
  db.delete(projectFunds).where(eq(projectFunds.projectId, projectId)).run();
  for (const fund of funds) db.insert(projectFunds).values({ projectId, ...fund, source: fund.source as (typeof FUND_SOURCES)[number] }).run();
}

export function createProject(db: Db, actor: Actor, input: ProjectInput): Project {
  const { region } = requireInstallation(db);
  const draft = validate(db, input);
  return db.transaction((tx) => {
    const holder = codeHolder(tx, region.code, input.year, draft.code);
    if (holder && !holder.deleted) throw new AppError('CONFLICT', `${input.year} 年已有项目编码为 ${draft.code} 的项目，请检查是否重复录入`);
    let id: string;
    if (holder) {
      // A deleted project with this code comes back as a new version, keeping its identity for exchange.
      id = holder.id;
      tx.update(projects).set({ ...draft, deleted: false, version: sql`${projects.version} + 1`, updatedAt: sqlNow }).where(eq(projects.id, id)).run();
    } else {
      id = randomUUID();
      tx.insert(projects).values({ id, regionCode: region.code, year: input.year, ...draft }).run();
    }
    replaceFunds(tx, id, input.funds);
    const created = getProject(tx, id);
    recordAudit(tx, actor, { entity: 'project', naturalKey: projectKey(region.code, input.year, draft.code), action: '新增项目', after: created });
    return created;
  });
}

export function updateProject(db: Db, actor: Actor, input: ProjectUpdate): Project {
  const { region } = requireInstallation(db);
  const draft = validate(db, input);
  return db.transaction((tx) => {
    const before = findProject(tx, input.id);
    if (!before) throw new AppError('NOT_FOUND', '该项目不存在或已删除，请刷新列表');
    if (before.version !== input.version) throw new AppError('CONFLICT', '该项目已被他人修改，请刷新后重新编辑');
    if (before.year !== input.year) throw new AppError('INVALID_INPUT', '项目的年度不能修改；如属另一年度，请在该年度新增');
    if (draft.code !== before.code) {
      if (codeHolder(tx, region.code, before.year, draft.code)) throw new AppError('CONFLICT', `${before.year} 年已有项目编码为 ${draft.code} 的项目`);
      if (targetOf(tx, before.id)) throw new AppError('CONFLICT', '该项目已填报绩效目标，项目编码不能再修改（目标按项目编码与预算系统对应）');
    }
    tx.update(projects).set({ ...draft, version: before.version + 1, updatedAt: sqlNow }).where(eq(projects.id, input.id)).run();
    replaceFunds(tx, input.id, input.funds);
    const after = getProject(tx, input.id);
    recordAudit(tx, actor, { entity: 'project', naturalKey: projectKey(region.code, before.year, after.code), action: '修改项目', before, after });
    return after;
  });
}

function targetOf(db: Db, projectId: string) {
  return db
    .select({ id: targets.id, status: targets.status, version: targets.version })
    .from(targets)
    .where(and(eq(targets.projectId, projectId), eq(targets.kind, 'project'), eq(targets.deleted, false)))
    .get();
}

/** Deletes (tombstones) a project and its draft targets; a project whose targets were submitted stays. */
export function deleteProject(db: Db, actor: Actor, input: { id: string; version: number }): void {
  const { region } = requireInstallation(db);
  db.transaction((tx) => {
    const before = findProject(tx, input.id);
    if (!before) throw new AppError('NOT_FOUND', '该项目不存在或已删除，请刷新列表');
    if (before.version !== input.version) throw new AppError('CONFLICT', '该项目已被他人修改，请刷新后再删除');
    const target = targetOf(tx, input.id);
    if (target && (target.status === 'submitted' || target.status === 'approved')) {
      throw new AppError('CONFLICT', `该项目的绩效目标${target.status === 'approved' ? '已审核通过' : '正在审核'}，不能删除项目`);
    }
    if (target) tx.update(targets).set({ deleted: true, version: target.version + 1, updatedAt: sqlNow }).where(eq(targets.id, target.id)).run();
    tx.update(projects).set({ deleted: true, version: before.version + 1, updatedAt: sqlNow }).where(eq(projects.id, input.id)).run();
    recordAudit(tx, actor, { entity: 'project', naturalKey: projectKey(region.code, before.year, before.code), action: '删除项目', before });
  });
}

/** How many live projects a region has for a year (the prefecture's summary of a county). */
export function countyProjectCount(db: Db, region: string, year: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(projects).where(and(eq(projects.regionCode, region), eq(projects.year, year), eq(projects.deleted, false))).get()?.n ?? 0;
}

/**
 * The years that have live projects, newest first. A prefecture holds tens of thousands of projects over
 * few years: each step looks up the next year down the index led by year instead of reading every project.
 */
export function projectYears(db: Db): number[] {
  const below = db
    .select({ year: projects.year })
    .from(projects)
    .where(and(eq(projects.deleted, false), sql`${projects.year} < ${sql.placeholder('below')}`))
    .orderBy(sql`${projects.year} DESC`)
    .limit(1)
    .prepare();
  const years: number[] = [];
  // Above the highest year a project may have (the schema's CHECK: 2000–2100).
  for (let next = below.get({ below: 2101 }); next; next = below.get({ below: next.year })) years.push(next.year);
  return years;
}
