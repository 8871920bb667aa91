// 绩效公开's part of a project's whole cycle (全过程): each publication that listed the project, as the
// audit entry written with the record keeps the published project codes.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { disclosures, projects } from '../../db/schema';
import { listAudit } from '../audit/audit';
import { TABLE_LAYOUTS } from '../domain/disclosure';
import { dayOf, type CycleSource, type CycleStep } from '../projects';

/** The publications of the project's year whose audit entry lists its code. */
function publishedWith(db: Db, project: { year: number; code: string }) {
  const listing = new Set(
    listAudit(db, { entity: 'disclosure', limit: 10_000 }).flatMap((row) => {
      const after = row.after ? (JSON.parse(row.after) as { id?: string; codes?: string[] }) : {};
      return after.id && after.codes?.includes(project.code) ? [after.id] : [];
    }),
  );
  return db.select().from(disclosures).where(eq(disclosures.year, project.year)).all().filter((d) => listing.has(d.id));
}

function disclosureSteps(db: Db, projectId: string): CycleStep[] {
  const project = db.select({ year: projects.year, code: projects.code }).from(projects).where(eq(projects.id, projectId)).get();
  if (!project) return [];
  return publishedWith(db, project).map((d) => ({
    date: dayOf(d.publishedAt),
    title: `公开${TABLE_LAYOUTS[d.kind].title}`,
    detail: `${d.scope === '*' ? '全县' : `单位 ${d.scope}`} · 共 ${d.recordCount} 项 · ${d.publishedBy} 记录 · ${d.fileName}`,
    status: '已公开',
    tone: 'done',
    route: ['disclosure'],
  }));
}

export const disclosureCycle: CycleSource = { stage: '绩效公开', empty: '尚未公开', steps: disclosureSteps };
