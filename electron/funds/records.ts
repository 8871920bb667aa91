// 衔接资金 records: fund documents with their allocation to projects, a project's category and
// beneficiaries, and its payments. Only projects carrying the fund flag take part; every change is in the
// audit log under the record's natural key.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { fundAllocations, fundDocuments, fundPayments, fundProjects, projects, sqlNow } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import {
  beneficiaryProblems,
  documentProblems,
  overAllocationWarning,
  paymentProblems,
  type Beneficiaries,
  type DocumentDraft,
  type FundCategory,
  type FundLevel,
  type PayeeType,
  type PaymentDraft,
} from '../domain/funds';
import { formatWanYuan, parseWanYuan, type Fen } from '../domain/money';
import { AppError } from '../errors';
import { requireInstallation } from '../registry';

export interface FundProjectRef {
  id: string;
  regionCode: string;
  year: number;
  code: string;
  name: string;
  unitCode: string;
}

/** A project of the fund, or the refusal that says where to flag it. */
export function requireFundProject(db: Db, projectId: string): FundProjectRef {
  const row = db.select().from(projects).where(and(eq(projects.id, projectId), eq(projects.deleted, false))).get();
  if (!row) throw new AppError('NOT_FOUND', '该项目不存在或已删除，请刷新后重试');
  if (!row.povertyFund) throw new AppError('INVALID_INPUT', `项目“${row.name}”（${row.code}）未标记为衔接资金项目，请先在“单位与项目”中编辑该项目并勾选“衔接资金”`);
  return { id: row.id, regionCode: row.regionCode, year: row.year, code: row.code, name: row.name, unitCode: row.unitCode };
}

const refuse = (problems: object): void => {
  const messages = Object.values(problems) as string[];
  if (messages.length) throw new AppError('INVALID_INPUT', messages.join('；'));
};

const wan = (text: string): Fen => {
  const parsed = parseWanYuan(text);
  if (!parsed.ok) throw new AppError('INVALID_INPUT', parsed.message);
  return parsed.fen;
};

// ---- documents --------------------------------------------------------------------------------------

export interface AllocationInput {
  projectId: string;
  /** 万元 as typed. */
  amount: string;
}

export interface DocumentInput extends DocumentDraft {
  year: number;
  allocations: AllocationInput[];
}

export interface FundDocument {
  id: string;
  version: number;
  year: number;
  docNumber: string;
  level: FundLevel;
  issuedOn: string;
  amountFen: Fen;
  allocations: { projectId: string; projectCode: string; projectName: string; amountFen: Fen }[];
}

const documentKey = (row: { regionCode: string; year: number; docNumber: string }) => `${row.regionCode}/${row.year}/${row.docNumber}`;

function allocationsOf(db: Db, documentIds: readonly string[]) {
  if (documentIds.length === 0) return [];
  return db
    .select({ documentId: fundAllocations.documentId, projectId: fundAllocations.projectId, projectCode: projects.code, projectName: projects.name, amountFen: fundAllocations.amountFen })
    .from(fundAllocations)
    .innerJoin(projects, eq(projects.id, fundAllocations.projectId))
    .where(inArray(fundAllocations.documentId, [...documentIds]))
    .orderBy(asc(projects.code))
    .all();
}

/** The year's documents of the region, by date, each with its allocation to projects. */
export function listDocuments(db: Db, year: number): FundDocument[] {
  const { region } = requireInstallation(db);
  const rows = db
    .select()
    .from(fundDocuments)
    .where(and(eq(fundDocuments.regionCode, region.code), eq(fundDocuments.year, year), eq(fundDocuments.deleted, false)))
    .orderBy(asc(fundDocuments.issuedOn), asc(fundDocuments.docNumber))
    .all();
  const allocations = allocationsOf(db, rows.map((r) => r.id));
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    year: row.year,
    docNumber: row.docNumber,
    level: row.level,
    issuedOn: row.issuedOn,
    amountFen: row.amountFen,
    allocations: allocations.filter((a) => a.documentId === row.id).map(({ documentId: _d, ...a }) => a),
  }));
}

/** Each allocation to a fund project of the document's year, once per project, together within the document's amount. */
function checkedAllocations(db: Db, year: number, amountFen: Fen, allocations: readonly AllocationInput[]) {
  const seen = new Set<string>();
  const checked = allocations.map((a) => {
    const project = requireFundProject(db, a.projectId);
    if (project.year !== year) throw new AppError('INVALID_INPUT', `项目“${project.name}”属于 ${project.year} 年，不能分配 ${year} 年文件的资金`);
    if (seen.has(project.id)) throw new AppError('INVALID_INPUT', `项目“${project.name}”在本文件中分配了两次，请合并为一行`);
    seen.add(project.id);
    const fen = wan(a.amount);
    if (fen <= 0) throw new AppError('INVALID_INPUT', `项目“${project.name}”的分配金额应大于 0`);
    return { projectId: project.id, amountFen: fen };
  });
  const total = checked.reduce((sum, a) => sum + a.amountFen, 0);
  if (total > amountFen) throw new AppError('INVALID_INPUT', `分配到项目的资金合计 ${formatWanYuan(total)} 万元 超过文件金额 ${formatWanYuan(amountFen)} 万元，请核对`);
  return checked;
}

/** Records a fund document and its allocation; a 文号 the region's year already has is refused. */
export function createDocument(db: Db, actor: Actor, input: DocumentInput): FundDocument {
  const { region } = requireInstallation(db);
  refuse(documentProblems(input, input.year));
  const docNumber = input.docNumber.trim();
  const amountFen = wan(input.amount);
  return db.transaction((tx) => {
    const allocations = checkedAllocations(tx, input.year, amountFen, input.allocations);
    const holder = tx
      .select({ id: fundDocuments.id, deleted: fundDocuments.deleted })
      .from(fundDocuments)
      .where(and(eq(fundDocuments.regionCode, region.code), eq(fundDocuments.year, input.year), eq(fundDocuments.docNumber, docNumber)))
      .get();
    if (holder && !holder.deleted) throw new AppError('CONFLICT', `${input.year} 年已登记文号为“${docNumber}”的资金文件，请勿重复登记；如需修改请在列表中编辑该文件`);
    const values = { level: input.level as FundLevel, issuedOn: input.issuedOn, amountFen };
    // A 文号 deleted before is registered again on its own row (its tombstone revived): one record per 文号 wherever it travelled.
    const id = holder?.id ?? randomUUID();
    if (holder) {
      tx.update(fundDocuments).set({ ...values, deleted: false, version: sql`${fundDocuments.version} + 1`, updatedAt: sqlNow }).where(eq(fundDocuments.id, id)).run();
      tx.delete(fundAllocations).where(eq(fundAllocations.documentId, id)).run();
    } else {
      tx.insert(fundDocuments).values({ id, regionCode: region.code, year: input.year, docNumber, ...values }).run();
    }
    for (const a of allocations) tx.insert(fundAllocations).values({ documentId: id, ...a }).run();
    const created = requireDocument(tx, id);
    recordAudit(tx, actor, { entity: 'fund-document', naturalKey: documentKey({ regionCode: region.code, year: input.year, docNumber }), action: '登记资金文件', after: created });
    return created;
  });
}

/** Changes a document's level, date, amount and allocation (the 文号 is its key and stays). */
export function updateDocument(db: Db, actor: Actor, input: DocumentInput & { id: string; version: number }): FundDocument {
  refuse(documentProblems(input, input.year));
  const amountFen = wan(input.amount);
  return db.transaction((tx) => {
    const before = requireDocument(tx, input.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', '该资金文件已被他人修改，请刷新后重新编辑');
    if (before.docNumber !== input.docNumber.trim() || before.year !== input.year) throw new AppError('INVALID_INPUT', '资金文件的文号和年度不能修改；如文号有误，请另行登记');
    const allocations = checkedAllocations(tx, input.year, amountFen, input.allocations);
    tx.update(fundDocuments)
      .set({ level: input.level as FundLevel, issuedOn: input.issuedOn, amountFen, version: sql`${fundDocuments.version} + 1`, updatedAt: sqlNow })
      .where(eq(fundDocuments.id, before.id))
      .run();
    tx.delete(fundAllocations).where(eq(fundAllocations.documentId, before.id)).run();
    for (const a of allocations) tx.insert(fundAllocations).values({ documentId: before.id, ...a }).run();
    const after = requireDocument(tx, before.id);
    const { region } = requireInstallation(tx);
    recordAudit(tx, actor, { entity: 'fund-document', naturalKey: documentKey({ regionCode: region.code, year: before.year, docNumber: before.docNumber }), action: '修改资金文件', before, after });
    return after;
  });
}

/**
 * Deletes a document registered by mistake (a tombstone, so the deletion travels); refused while payments
 * draw on it, since they would lose the document they were paid from.
 */
export function deleteDocument(db: Db, actor: Actor, input: { id: string; version: number }): void {
  db.transaction((tx) => {
    const before = requireDocument(tx, input.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', '该资金文件已被他人修改，请刷新后重试');
    const drawing = tx.select({ n: sql<number>`count(*)` }).from(fundPayments).where(and(eq(fundPayments.documentId, before.id), eq(fundPayments.deleted, false))).get()!.n;
    if (drawing > 0) throw new AppError('CONFLICT', `资金文件“${before.docNumber}”已有 ${drawing} 笔支付记录注明依据该文件，不能删除；请先删除这些支付记录，或确认文件无误后保留`);
    tx.update(fundDocuments).set({ deleted: true, version: sql`${fundDocuments.version} + 1`, updatedAt: sqlNow }).where(eq(fundDocuments.id, before.id)).run();
    const { region } = requireInstallation(tx);
    recordAudit(tx, actor, { entity: 'fund-document', naturalKey: documentKey({ regionCode: region.code, year: before.year, docNumber: before.docNumber }), action: '删除资金文件', before });
  });
}

function requireDocument(db: Db, id: string): FundDocument {
  const row = db.select().from(fundDocuments).where(and(eq(fundDocuments.id, id), eq(fundDocuments.deleted, false))).get();
  if (!row) throw new AppError('NOT_FOUND', '该资金文件不存在或已删除，请刷新后重试');
  const allocations = allocationsOf(db, [row.id]).map(({ documentId: _d, ...a }) => a);
  return { id: row.id, version: row.version, year: row.year, docNumber: row.docNumber, level: row.level, issuedOn: row.issuedOn, amountFen: row.amountFen, allocations };
}

// ---- category and beneficiaries ---------------------------------------------------------------------

export interface FundProjectDetails extends Beneficiaries {
  projectId: string;
  /** 0 until the details were saved once. */
  version: number;
  category: FundCategory | null;
}

const NO_BENEFICIARIES: Beneficiaries = { households: 0, people: 0, povertyHouseholds: 0, povertyPeople: 0, monitoredHouseholds: 0, monitoredPeople: 0 };

export function projectDetails(db: Db, projectId: string): FundProjectDetails {
  const row = db.select().from(fundProjects).where(eq(fundProjects.projectId, projectId)).get();
  if (!row || row.deleted) return { projectId, version: row?.version ?? 0, category: null, ...NO_BENEFICIARIES };
  const { id: _id, updatedAt: _u, deleted: _d, ...details } = row;
  return details;
}

/** Saves a fund project's category and beneficiaries; `version` 0 for the first save. */
export function saveProjectDetails(db: Db, actor: Actor, input: FundProjectDetails): FundProjectDetails {
  refuse(beneficiaryProblems(input));
  return db.transaction((tx) => {
    const project = requireFundProject(tx, input.projectId);
    const before = projectDetails(tx, project.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', '该项目的衔接资金信息已被他人修改，请刷新后重新编辑');
    const { projectId: _p, version: _v, ...values } = input;
    if (before.version === 0) tx.insert(fundProjects).values({ ...values, id: randomUUID(), projectId: project.id }).run();
    else tx.update(fundProjects).set({ ...values, deleted: false, version: sql`${fundProjects.version} + 1`, updatedAt: sqlNow }).where(eq(fundProjects.projectId, project.id)).run();
    const after = projectDetails(tx, project.id);
    recordAudit(tx, actor, { entity: 'fund-project', naturalKey: `${project.regionCode}/${project.year}/${project.code}`, action: '保存衔接资金类别与受益对象', before, after });
    return after;
  });
}

// ---- payments ---------------------------------------------------------------------------------------

export interface PaymentInput extends PaymentDraft {
  projectId: string;
  documentId: string | null;
}

export interface FundPayment {
  id: string;
  projectId: string;
  documentId: string | null;
  paidOn: string;
  amountFen: Fen;
  payeeType: PayeeType;
  voucher: string;
  note: string;
}

export interface PaymentSaved {
  payment: FundPayment;
  /** Paid beyond the allocation: recorded, and said. */
  warning: string | null;
}

/** The project's allocation and payments so far, in 分. */
export function projectTotals(db: Db, projectId: string): { allocatedFen: Fen; paidFen: Fen } {
  const allocated = db.select({ n: sql<number>`coalesce(sum(${fundAllocations.amountFen}), 0)` }).from(fundAllocations).innerJoin(fundDocuments, eq(fundDocuments.id, fundAllocations.documentId)).where(and(eq(fundAllocations.projectId, projectId), eq(fundDocuments.deleted, false))).get()!.n;
  const paid = db.select({ n: sql<number>`coalesce(sum(${fundPayments.amountFen}), 0)` }).from(fundPayments).where(and(eq(fundPayments.projectId, projectId), eq(fundPayments.deleted, false))).get()!.n;
  return { allocatedFen: allocated, paidFen: paid };
}

export const duplicateVoucherMessage = (voucher: string, project: { name: string }) => `凭证号“${voucher}”已登记在项目“${project.name}”的支付记录中，同一凭证不能重复登记`;

/** A voucher recorded on the project and not deleted (a deleted one may be recorded again). */
export function voucherTaken(db: Db, projectId: string, voucher: string): boolean {
  return db.select({ id: fundPayments.id }).from(fundPayments).where(and(eq(fundPayments.projectId, projectId), eq(fundPayments.voucher, voucher), eq(fundPayments.deleted, false))).get() !== undefined;
}

export function listPayments(db: Db, projectId: string): FundPayment[] {
  return db
    .select({ id: fundPayments.id, projectId: fundPayments.projectId, documentId: fundPayments.documentId, paidOn: fundPayments.paidOn, amountFen: fundPayments.amountFen, payeeType: fundPayments.payeeType, voucher: fundPayments.voucher, note: fundPayments.note })
    .from(fundPayments)
    .where(and(eq(fundPayments.projectId, projectId), eq(fundPayments.deleted, false)))
    .orderBy(asc(fundPayments.paidOn), asc(fundPayments.voucher))
    .all();
}

function checkedDocument(db: Db, documentId: string | null, projectId: string): string | null {
  if (documentId === null) return null;
  const allocated = db.select({ id: fundAllocations.documentId }).from(fundAllocations).where(and(eq(fundAllocations.documentId, documentId), eq(fundAllocations.projectId, projectId))).get();
  if (!allocated) throw new AppError('INVALID_INPUT', '所选资金文件没有分配给该项目，请选择分配了资金的文件，或不选文件');
  return documentId;
}

/** Records a payment of a fund project; a voucher the project has already is refused, paying beyond the allocation is warned. */
export function addPayment(db: Db, actor: Actor, input: PaymentInput): PaymentSaved {
  return db.transaction((tx) => {
    const project = requireFundProject(tx, input.projectId);
    refuse(paymentProblems(input, project.year));
    const voucher = input.voucher.trim();
    if (voucherTaken(tx, project.id, voucher)) throw new AppError('CONFLICT', duplicateVoucherMessage(voucher, project));
    const values = { documentId: checkedDocument(tx, input.documentId, project.id), paidOn: input.paidOn, amountFen: wan(input.amount), payeeType: input.payeeType as PayeeType, note: input.note.trim() };
    // A voucher deleted before comes back on its own row (its tombstone revived), keeping one record per voucher.
    const tombstone = tx.select({ id: fundPayments.id }).from(fundPayments).where(and(eq(fundPayments.projectId, project.id), eq(fundPayments.voucher, voucher))).get();
    const id = tombstone?.id ?? randomUUID();
    if (tombstone) tx.update(fundPayments).set({ ...values, deleted: false, version: sql`${fundPayments.version} + 1`, updatedAt: sqlNow }).where(eq(fundPayments.id, id)).run();
    else tx.insert(fundPayments).values({ id, projectId: project.id, voucher, ...values }).run();
    const payment = listPayments(tx, project.id).find((p) => p.id === id)!;
    recordAudit(tx, actor, { entity: 'fund-payment', naturalKey: `${project.regionCode}/${project.year}/${project.code}/${voucher}`, action: '登记资金支付', after: payment });
    const totals = projectTotals(tx, project.id);
    return { payment, warning: overAllocationWarning(totals.paidFen, totals.allocatedFen) };
  });
}

/** Deletes a payment recorded by mistake (a tombstone, so the deletion travels); its voucher may then be recorded again. */
export function deletePayment(db: Db, actor: Actor, input: { id: string }): void {
  db.transaction((tx) => {
    const row = tx.select().from(fundPayments).where(and(eq(fundPayments.id, input.id), eq(fundPayments.deleted, false))).get();
    if (!row) throw new AppError('NOT_FOUND', '该支付记录不存在或已删除，请刷新后重试');
    const project = requireFundProject(tx, row.projectId);
    const before = listPayments(tx, project.id).find((p) => p.id === row.id);
    tx.update(fundPayments).set({ deleted: true, version: sql`${fundPayments.version} + 1`, updatedAt: sqlNow }).where(eq(fundPayments.id, row.id)).run();
    recordAudit(tx, actor, { entity: 'fund-payment', naturalKey: `${project.regionCode}/${project.year}/${project.code}/${row.voucher}`, action: '删除资金支付', before });
  });
}
