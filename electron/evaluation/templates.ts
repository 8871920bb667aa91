// 评价模板: the templates by version. The shipped defaults are written the first time the templates are
// asked for; a version is edited in place until an evaluation uses it, then frozen, and saving a frozen
// version makes the next version of the same template (另存为新版本), so an evaluation keeps the tree it
// was scored on.
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { evaluations, evaluationTemplates, sqlNow } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { DEFAULT_TEMPLATES, TEMPLATE_KIND_LABELS, validateTemplate, type TemplateKind, type TemplateNode } from '../domain/evaluation';
import { AppError } from '../errors';
import { requirePermission } from '../registry';
import { templateTree } from './treeSchema';

const ENTITY = 'evaluation-template';

export interface TemplateVersion {
  id: string;
  kind: TemplateKind;
  name: string;
  version: number;
  frozen: boolean;
  tree: TemplateNode[];
  /** How many evaluations are scored on this version. */
  usedBy: number;
  updatedAt: string;
}

const templateKey = (t: { kind: string; name: string; version: number }) => `${t.kind}/${t.name}/v${t.version}`;

/** The tree of a stored row, refused by name when the row does not hold a valid template. */
function treeOf(row: typeof evaluationTemplates.$inferSelect): TemplateNode[] {
  const parsed = templateTree.safeParse(JSON.parse(row.tree));
  // The rules read a leaf's numbers as valid: a row that fails validation would score nonsense.
  if (!parsed.success || validateTemplate(row.kind, parsed.data).length > 0) {
    throw new AppError('INVALID_INPUT', `评价模板“${row.name}”第 ${row.version} 版的内容已损坏，请从备份恢复或另建模板`);
  }
  return parsed.data;
}

/** Writes the shipped templates once, into a database that has none. */
export function seedDefaultTemplates(db: Db): void {
  if (db.select({ n: count() }).from(evaluationTemplates).get()!.n > 0) return;
  for (const template of DEFAULT_TEMPLATES) {
    db.insert(evaluationTemplates).values({ id: randomUUID(), kind: template.kind, name: template.name, version: 1, tree: JSON.stringify(template.tree), createdBy: '系统' }).run();
  }
}

export function listTemplates(db: Db): TemplateVersion[] {
  db.transaction((tx) => seedDefaultTemplates(tx));
  const used = new Map(
    db.select({ templateId: evaluations.templateId, n: count() }).from(evaluations).where(eq(evaluations.deleted, false)).groupBy(evaluations.templateId).all().map((r) => [r.templateId, r.n]),
  );
  return db
    .select()
    .from(evaluationTemplates)
    .orderBy(asc(evaluationTemplates.kind), asc(evaluationTemplates.name), desc(evaluationTemplates.version))
    .all()
    .map((row) => ({ id: row.id, kind: row.kind, name: row.name, version: row.version, frozen: row.frozen, tree: treeOf(row), usedBy: used.get(row.id) ?? 0, updatedAt: row.updatedAt }));
}

export function requireTemplate(db: Db, id: string): TemplateVersion {
  const row = db.select().from(evaluationTemplates).where(eq(evaluationTemplates.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', '该评价模板不存在，请刷新后重试');
  const usedBy = db.select({ n: count() }).from(evaluations).where(and(eq(evaluations.templateId, id), eq(evaluations.deleted, false))).get()!.n;
  return { id: row.id, kind: row.kind, name: row.name, version: row.version, frozen: row.frozen, tree: treeOf(row), usedBy, updatedAt: row.updatedAt };
}

export interface TemplateSaveInput {
  /** The version edited; absent for a new template. */
  id?: string;
  kind: TemplateKind;
  name: string;
  tree: TemplateNode[];
}

function refuseInvalid(kind: TemplateKind, tree: readonly TemplateNode[]): void {
  const problems = validateTemplate(kind, tree);
  if (problems.length === 0) return;
  const more = problems.length > 5 ? `等 ${problems.length} 处` : '';
  throw new AppError('INVALID_INPUT', `评价模板没有保存，请先改正：${problems.slice(0, 5).map((p) => p.message).join('；')}${more}`);
}

const nextVersion = (db: Db, kind: TemplateKind, name: string): number =>
  (db.select({ v: max(evaluationTemplates.version) }).from(evaluationTemplates).where(and(eq(evaluationTemplates.kind, kind), eq(evaluationTemplates.name, name))).get()?.v ?? 0) + 1;

/**
 * Saves a template: a new one (or one under a new name) as version 1, an unfrozen version in place, a
 * frozen one as the next version of its name (the frozen one stays as it was). Refused, nothing written, while the tree has a problem.
 */
export function saveTemplate(db: Db, actor: Actor, input: TemplateSaveInput): TemplateVersion {
  requirePermission(db, actor, 'review');
  const name = input.name.trim();
  if (name === '') throw new AppError('INVALID_INPUT', '请填写模板名称');
  refuseInvalid(input.kind, input.tree);
  const id = db.transaction((tx) => {
    const before = input.id ? requireTemplate(tx, input.id) : null;
    if (before && before.kind !== input.kind) throw new AppError('INVALID_INPUT', `模板类型不能改变：“${before.name}”是${TEMPLATE_KIND_LABELS[before.kind]}模板`);
    const tree = JSON.stringify(input.tree);
    if (before && !before.frozen && before.name === name) {
      tx.update(evaluationTemplates).set({ tree, updatedAt: sqlNow }).where(eq(evaluationTemplates.id, before.id)).run();
      recordAudit(tx, actor, { entity: ENTITY, naturalKey: templateKey(before), action: '修改评价模板', before: before.tree, after: input.tree });
      return before.id;
    }
    const renamed = !before || before.name !== name;
    if (renamed && tx.select({ id: evaluationTemplates.id }).from(evaluationTemplates).where(and(eq(evaluationTemplates.kind, input.kind), eq(evaluationTemplates.name, name))).get()) {
      throw new AppError('CONFLICT', `已有名为“${name}”的${TEMPLATE_KIND_LABELS[input.kind]}评价模板，请换一个名称，或打开它另存为新版本`);
    }
    const created = { id: randomUUID(), kind: input.kind, name, version: nextVersion(tx, input.kind, name), tree, createdBy: actor.name };
    tx.insert(evaluationTemplates).values(created).run();
    recordAudit(tx, actor, { entity: ENTITY, naturalKey: templateKey(created), action: renamed ? '新建评价模板' : '另存为新版本', after: input.tree });
    return created.id;
  });
  return requireTemplate(db, id);
}

/** An evaluation scored on a version freezes it: its tree never changes under a score again. */
export function freezeTemplate(db: Db, id: string): void {
  db.update(evaluationTemplates).set({ frozen: true }).where(eq(evaluationTemplates.id, id)).run();
}
