// 项目类型: the groups of the library (e.g. 农村公路建设), each with its indicators counted by status.
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { libraryRecordId } from './ids';
import { libraryIndicators, projectTypes, sqlNow } from '../../db/schema';
import { checkProjectType, LIBRARY_STATUSES, type LibraryStatus, type ProjectTypeDraft } from '../domain/library';
import { hasErrors } from '../domain/validation';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';

export interface ProjectType extends ProjectTypeDraft {
  id: string;
  version: number;
}

export interface ProjectTypeSummary extends ProjectType {
  /** Indicators of the type per status. */
  counts: Record<LibraryStatus, number>;
}

const columns = {
  id: projectTypes.id,
  code: projectTypes.code,
  name: projectTypes.name,
  sector: projectTypes.sector,
  description: projectTypes.description,
  version: projectTypes.version,
};

const emptyCounts = (): Record<LibraryStatus, number> => Object.fromEntries(LIBRARY_STATUSES.map((s) => [s, 0])) as Record<LibraryStatus, number>;

/** Every project type in code order (codes group the sectors), with its indicator counts. */
export function listProjectTypes(db: Db): ProjectTypeSummary[] {
  const tally = db
    .select({ type: libraryIndicators.projectTypeCode, status: libraryIndicators.status, n: count() })
    .from(libraryIndicators)
    .where(eq(libraryIndicators.deleted, false))
    .groupBy(libraryIndicators.projectTypeCode, libraryIndicators.status)
    .all();
  const counts = new Map<string, Record<LibraryStatus, number>>();
  for (const { type, status, n } of tally) {
    const entry = counts.get(type) ?? emptyCounts();
    entry[status] = n;
    counts.set(type, entry);
  }
  return db
    .select(columns)
    .from(projectTypes)
    .where(eq(projectTypes.deleted, false))
    .orderBy(asc(projectTypes.code))
    .all()
    .map((t) => ({ ...t, counts: counts.get(t.code) ?? emptyCounts() }));
}

function normalise(input: ProjectTypeDraft): ProjectTypeDraft {
  const draft = { ...input, code: input.code.trim().toUpperCase() };
  const problems = checkProjectType(draft);
  if (hasErrors(problems)) throw new AppError('INVALID_INPUT', Object.values(problems).join('；'));
  return { code: draft.code, name: draft.name.trim(), sector: draft.sector, description: draft.description.trim() };
}

const findType = (db: Db, where: ReturnType<typeof eq>) => db.select(columns).from(projectTypes).where(and(where, eq(projectTypes.deleted, false))).get();

export function createProjectType(db: Db, actor: Actor, input: ProjectTypeDraft): ProjectType {
  const draft = normalise(input);
  return db.transaction((tx) => {
    if (tx.select({ id: projectTypes.id }).from(projectTypes).where(eq(projectTypes.code, draft.code)).get()) {
      throw new AppError('CONFLICT', `项目类型编码 ${draft.code} 已被使用，请换一个编码`);
    }
    const id = libraryRecordId('project-type', draft.code);
    tx.insert(projectTypes).values({ id, ...draft }).run();
    const created = findType(tx, eq(projectTypes.id, id))!;
    recordAudit(tx, actor, { entity: 'project_type', naturalKey: draft.code, action: '新增项目类型', after: created });
    return created;
  });
}

/** Renames or re-describes a type; its code stays, because the indicators' codes are built from it. */
export function updateProjectType(db: Db, actor: Actor, input: ProjectTypeDraft & { id: string; version: number }): ProjectType {
  const draft = normalise(input);
  return db.transaction((tx) => {
    const before = findType(tx, eq(projectTypes.id, input.id));
    if (!before) throw new AppError('NOT_FOUND', '该项目类型不存在，请刷新列表');
    if (before.version !== input.version) throw new AppError('CONFLICT', '该项目类型已被他人修改，请刷新后重新编辑');
    if (draft.code !== before.code) throw new AppError('INVALID_INPUT', '项目类型编码不能修改（指标编码由它编排）');
    tx.update(projectTypes)
      .set({ name: draft.name, sector: draft.sector, description: draft.description, version: before.version + 1, updatedAt: sqlNow })
      .where(eq(projectTypes.id, before.id))
      .run();
    const after = findType(tx, eq(projectTypes.id, before.id))!;
    recordAudit(tx, actor, { entity: 'project_type', naturalKey: before.code, action: '修改项目类型', before, after });
    return after;
  });
}
