// 专家库: the county's evaluation experts, their availability and their declared conflicts of interest.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { expertConflicts, experts, sqlNow, units } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { checkExpert, type ExpertDraft } from '../domain/experts';
import { hasErrors } from '../domain/validation';
import { AppError } from '../errors';
import { findUnit, requireInstallation, requirePermission } from '../registry';

export interface ExpertConflict {
  id: string;
  unitCode: string;
  /** The unit's name from the register (its code if it has left it), so no page needs the units list. */
  unitName: string;
  reason: string;
  recordedAt: string;
  recordedBy: string;
}

export interface Expert extends ExpertDraft {
  id: string;
  version: number;
  conflicts: ExpertConflict[];
}

export const expertKey = (regionCode: string, name: string) => `${regionCode}/专家/${name}`;

export function listExperts(db: Db): Expert[] {
  const { region } = requireInstallation(db);
  const conflicts = db
    .select({
      expertId: expertConflicts.expertId,
      id: expertConflicts.id,
      unitCode: expertConflicts.unitCode,
      unitName: sql<string>`coalesce(${units.name}, ${expertConflicts.unitCode})`,
      reason: expertConflicts.reason,
      recordedAt: expertConflicts.recordedAt,
      recordedBy: expertConflicts.recordedBy,
    })
    .from(expertConflicts)
    .leftJoin(units, and(eq(units.regionCode, region.code), eq(units.code, expertConflicts.unitCode), eq(units.deleted, false)))
    .orderBy(asc(expertConflicts.unitCode))
    .all();
  return db
    .select()
    .from(experts)
    .where(eq(experts.regionCode, region.code))
    .orderBy(asc(experts.name), asc(experts.id))
    .all()
    .map(({ regionCode: _region, updatedAt: _updated, ...expert }) => ({
      ...expert,
      conflicts: conflicts.filter((c) => c.expertId === expert.id).map(({ expertId: _expert, ...c }) => c),
    }));
}

export function getExpert(db: Db, id: string): Expert {
  const expert = listExperts(db).find((e) => e.id === id);
  if (!expert) throw new AppError('NOT_FOUND', '该专家不在专家库中，请刷新后重试');
  return expert;
}

/** The draft as stored: trimmed, and refused with the first problem when the form's check fails. */
export function checkedExpert(db: Db, draft: ExpertDraft): ExpertDraft {
  const errors = checkExpert(draft);
  if (hasErrors(errors)) throw new AppError('INVALID_INPUT', Object.values(errors)[0]!);
  const unitCode = draft.unitCode?.trim() || null;
  const { region } = requireInstallation(db);
  const unit = unitCode ? findUnit(db, region.code, unitCode) : null;
  if (unitCode && !unit) throw new AppError('INVALID_INPUT', `单位编码 ${unitCode} 未登记，请先在“单位与项目”中登记该单位，或清空单位编码只填工作单位名称`);
  return {
    name: draft.name.trim(),
    field: draft.field.trim(),
    title: draft.title.trim(),
    // A registered unit's name is the organisation, so the list and the printed plan name it the same way.
    organisation: draft.organisation.trim() || unit!.name,
    unitCode,
    contact: draft.contact.trim(),
    available: draft.available,
    notes: draft.notes.trim(),
  };
}

export function createExpert(db: Db, actor: Actor, draft: ExpertDraft): Expert {
  requirePermission(db, actor, 'enter');
  const { region } = requireInstallation(db);
  const values = checkedExpert(db, draft);
  const id = randomUUID();
  db.transaction((tx) => {
    tx.insert(experts).values({ id, regionCode: region.code, ...values }).run();
    recordAudit(tx, actor, { entity: 'expert', naturalKey: expertKey(region.code, values.name), action: '新增专家', after: values });
  });
  return getExpert(db, id);
}

export function updateExpert(db: Db, actor: Actor, input: ExpertDraft & { id: string; version: number }): Expert {
  requirePermission(db, actor, 'enter');
  const before = getExpert(db, input.id);
  if (before.version !== input.version) throw new AppError('CONFLICT', '该专家的信息已被他人修改，请关闭后重新打开再改');
  const { id: _id, version: _version, ...draft } = input;
  const values = checkedExpert(db, draft);
  const { region } = requireInstallation(db);
  db.transaction((tx) => {
    tx.update(experts).set({ ...values, version: before.version + 1, updatedAt: sqlNow }).where(eq(experts.id, input.id)).run();
    const { id: _i, version: _v, conflicts: _c, ...old } = before;
    recordAudit(tx, actor, { entity: 'expert', naturalKey: expertKey(region.code, values.name), action: values.available === before.available ? '修改专家' : values.available ? '恢复专家可用' : '暂停专家', before: old, after: values });
  });
  return getExpert(db, input.id);
}

export interface ConflictInput {
  expertId: string;
  unitCode: string;
  reason: string;
}

/** Records a conflict the expert declared with a unit (a relative works there, a past contract…). */
export function declareConflict(db: Db, actor: Actor, input: ConflictInput): Expert {
  requirePermission(db, actor, 'enter');
  const { region } = requireInstallation(db);
  const expert = getExpert(db, input.expertId);
  const unit = findUnit(db, region.code, input.unitCode.trim());
  if (!unit) throw new AppError('INVALID_INPUT', `单位编码 ${input.unitCode.trim()} 未登记，请选择已登记的单位`);
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('INVALID_INPUT', '请写明利益冲突的原因，如“配偶在该单位任职”');
  if (expert.conflicts.some((c) => c.unitCode === unit.code)) throw new AppError('CONFLICT', `专家${expert.name}与${unit.name}的利益冲突已登记过`);
  db.transaction((tx) => {
    tx.insert(expertConflicts).values({ id: randomUUID(), expertId: expert.id, unitCode: unit.code, reason, recordedBy: actor.name }).run();
    recordAudit(tx, actor, { entity: 'expert', naturalKey: expertKey(region.code, expert.name), action: '登记利益冲突', after: { unit: unit.code, reason } });
  });
  return getExpert(db, expert.id);
}

export function removeConflict(db: Db, actor: Actor, input: { id: string }): void {
  requirePermission(db, actor, 'enter');
  const { region } = requireInstallation(db);
  const conflict = db.select().from(expertConflicts).where(eq(expertConflicts.id, input.id)).get();
  if (!conflict) throw new AppError('NOT_FOUND', '该利益冲突记录不存在，请刷新后重试');
  const expert = getExpert(db, conflict.expertId);
  db.transaction((tx) => {
    tx.delete(expertConflicts).where(and(eq(expertConflicts.id, input.id))).run();
    recordAudit(tx, actor, { entity: 'expert', naturalKey: expertKey(region.code, expert.name), action: '撤销利益冲突登记', before: { unit: conflict.unitCode, reason: conflict.reason } });
  });
}
