// 第三方机构: the firms the bureau engages for finance evaluations, their engagements per year (contract
// and fee in 分, dates) and the quality rating the bureau gives after each job.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { firmEngagements, firms, sqlNow } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { checkFirm, ratingProblem, type FirmDraft } from '../domain/experts';
import type { Fen } from '../domain/money';
import { hasErrors } from '../domain/validation';
import { AppError } from '../errors';
import { requireInstallation, requirePermission } from '../registry';

export interface Firm extends FirmDraft {
  id: string;
  version: number;
  /** Jobs over all years, and the mean rating of those rated (one decimal), for the list. */
  engagementCount: number;
  averageRating: string | null;
}

export interface Engagement {
  id: string;
  firmId: string;
  firmName: string;
  year: number;
  subject: string;
  planItemId: string | null;
  contractFen: Fen;
  feeFen: Fen;
  startDate: string;
  endDate: string;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: string | null;
  ratedBy: string | null;
}

const firmKey = (regionCode: string, creditCode: string) => `${regionCode}/第三方机构/${creditCode}`;

/** The mean of 1–5 ratings to one decimal, in integers so that 4.25 reads 4.3 everywhere. */
const averageOf = (ratings: readonly number[]): string | null => {
  if (ratings.length === 0) return null;
  const tenths = Math.round((ratings.reduce((a, b) => a + b, 0) * 10) / ratings.length);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
};

export function listEngagements(db: Db, filter: { year?: number; firmId?: string } = {}): Engagement[] {
  const { region } = requireInstallation(db);
  return db
    .select({
      id: firmEngagements.id,
      firmId: firmEngagements.firmId,
      firmName: firms.name,
      year: firmEngagements.year,
      subject: firmEngagements.subject,
      planItemId: firmEngagements.planItemId,
      contractFen: firmEngagements.contractFen,
      feeFen: firmEngagements.feeFen,
      startDate: firmEngagements.startDate,
      endDate: firmEngagements.endDate,
      rating: firmEngagements.rating,
      ratingComment: firmEngagements.ratingComment,
      ratedAt: firmEngagements.ratedAt,
      ratedBy: firmEngagements.ratedBy,
    })
    .from(firmEngagements)
    .innerJoin(firms, eq(firms.id, firmEngagements.firmId))
    .where(
      and(
        eq(firms.regionCode, region.code),
        filter.year === undefined ? undefined : eq(firmEngagements.year, filter.year),
        filter.firmId === undefined ? undefined : eq(firmEngagements.firmId, filter.firmId),
      ),
    )
    .orderBy(desc(firmEngagements.year), asc(firmEngagements.startDate), asc(firms.name))
    .all();
}

export function listFirms(db: Db): Firm[] {
  const { region } = requireInstallation(db);
  const jobs = listEngagements(db);
  return db
    .select()
    .from(firms)
    .where(eq(firms.regionCode, region.code))
    .orderBy(asc(firms.name))
    .all()
    .map(({ regionCode: _r, updatedAt: _u, ...firm }) => {
      const own = jobs.filter((j) => j.firmId === firm.id);
      return { ...firm, engagementCount: own.length, averageRating: averageOf(own.flatMap((j) => (j.rating === null ? [] : [j.rating]))) };
    });
}

export function getFirm(db: Db, id: string): Firm {
  const firm = listFirms(db).find((f) => f.id === id);
  if (!firm) throw new AppError('NOT_FOUND', '该第三方机构未登记，请刷新后重试');
  return firm;
}

function checkedFirm(db: Db, draft: FirmDraft, id: string | null): FirmDraft {
  const errors = checkFirm(draft);
  if (hasErrors(errors)) throw new AppError('INVALID_INPUT', Object.values(errors)[0]!);
  const creditCode = draft.creditCode.trim().toUpperCase();
  const { region } = requireInstallation(db);
  const twin = db
    .select({ name: firms.name })
    .from(firms)
    .where(and(eq(firms.regionCode, region.code), eq(firms.creditCode, creditCode), id ? ne(firms.id, id) : undefined))
    .get();
  if (twin) throw new AppError('CONFLICT', `统一社会信用代码 ${creditCode} 已登记为“${twin.name}”，同一机构不要重复登记`);
  return { name: draft.name.trim(), creditCode, qualifications: draft.qualifications.trim(), contact: draft.contact.trim() };
}

export function createFirm(db: Db, actor: Actor, draft: FirmDraft): Firm {
  requirePermission(db, actor, 'enter');
  const { region } = requireInstallation(db);
  const values = checkedFirm(db, draft, null);
  const id = randomUUID();
  db.transaction((tx) => {
    tx.insert(firms).values({ id, regionCode: region.code, ...values }).run();
    recordAudit(tx, actor, { entity: 'firm', naturalKey: firmKey(region.code, values.creditCode), action: '登记第三方机构', after: values });
  });
  return getFirm(db, id);
}

export function updateFirm(db: Db, actor: Actor, input: FirmDraft & { id: string; version: number }): Firm {
  requirePermission(db, actor, 'enter');
  const { region } = requireInstallation(db);
  const before = getFirm(db, input.id);
  if (before.version !== input.version) throw new AppError('CONFLICT', '该机构的信息已被他人修改，请关闭后重新打开再改');
  const values = checkedFirm(db, input, input.id);
  db.transaction((tx) => {
    tx.update(firms).set({ ...values, version: before.version + 1, updatedAt: sqlNow }).where(eq(firms.id, input.id)).run();
    recordAudit(tx, actor, { entity: 'firm', naturalKey: firmKey(region.code, values.creditCode), action: '修改第三方机构', before: { name: before.name, creditCode: before.creditCode }, after: values });
  });
  return getFirm(db, input.id);
}

export interface EngagementInput {
  firmId: string;
  year: number;
  subject: string;
  planItemId?: string | null;
  contractFen: Fen;
  feeFen: Fen;
  startDate: string;
  endDate: string;
}

export function engagementProblem(input: EngagementInput): string | null {
  if (input.subject.trim() === '') return '请填写委托内容，如“2020 年重点项目财政评价（5 个项目）”';
  if (input.feeFen > input.contractFen) return '已付费用不能超过合同金额';
  if (input.endDate < input.startDate) return '结束日期不能早于开始日期';
  if (Number(input.startDate.slice(0, 4)) > input.year + 1) return `开始日期 ${input.startDate} 晚于评价年度 ${input.year} 的次年，请核对年度`;
  return null;
}

/** Records a firm's job; the plan's assignment of a firm calls it too, so every job is on the firm's list. */
export function addEngagement(db: Db, actor: Actor, input: EngagementInput): Engagement {
  requirePermission(db, actor, 'enter');
  const { region } = requireInstallation(db);
  const firm = getFirm(db, input.firmId);
  const problem = engagementProblem(input);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  const id = randomUUID();
  db.transaction((tx) => {
    tx.insert(firmEngagements).values({ id, ...input, subject: input.subject.trim(), planItemId: input.planItemId ?? null }).run();
    recordAudit(tx, actor, { entity: 'firm', naturalKey: firmKey(region.code, firm.creditCode), action: '登记委托业务', after: { year: input.year, subject: input.subject.trim(), contractFen: input.contractFen, feeFen: input.feeFen } });
  });
  return listEngagements(db, { firmId: firm.id }).find((e) => e.id === id)!;
}

/** The bureau's quality rating after the job (1–5, with a comment); a later rating replaces it, logged. */
export function rateEngagement(db: Db, actor: Actor, input: { id: string; rating: number; comment: string }): Engagement {
  requirePermission(db, actor, 'enter');
  const { region } = requireInstallation(db);
  const problem = ratingProblem(input.rating, input.comment);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  const job = db.select().from(firmEngagements).where(eq(firmEngagements.id, input.id)).get();
  if (!job) throw new AppError('NOT_FOUND', '该委托业务不存在，请刷新后重试');
  const firm = getFirm(db, job.firmId);
  db.transaction((tx) => {
    tx.update(firmEngagements).set({ rating: input.rating, ratingComment: input.comment.trim(), ratedAt: sqlNow, ratedBy: actor.name }).where(eq(firmEngagements.id, input.id)).run();
    recordAudit(tx, actor, {
      entity: 'firm',
      naturalKey: firmKey(region.code, firm.creditCode),
      action: '评价第三方机构工作质量',
      before: job.rating === null ? undefined : { rating: job.rating, comment: job.ratingComment },
      after: { subject: job.subject, rating: input.rating },
      opinion: input.comment.trim(),
    });
  });
  return listEngagements(db, { firmId: firm.id }).find((e) => e.id === input.id)!;
}
