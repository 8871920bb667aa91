// 自评复核 services: import tables filled outside the program (preview, then commit in one
// transaction), list them, show one recomputed by the rules (on every read, never stored), and accept or
// return it. The importer is never its reviewer (the separation of duties the targets use).
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { projects, selfEvaluationReviews, units } from '../../../db/schema';
import { sqlNow } from '../../../db/schema/common';
import { recordAudit, type Actor } from '../../audit/audit';
import { percent, toFixed } from '../../domain/ratio';
import {
  BUDGET_FLAG_LABELS,
  EXTERNAL_REVIEW_STATUS_LABELS,
  INDICATOR_FLAG_LABELS,
  returnOpinion,
  reviewSelfEvaluation,
  scoringSettingsFrom,
  type Difference,
  type ExternalReviewStatus,
  type ReviewResult,
} from '../../domain/selfEvaluation';
import { AppError } from '../../errors';
import { refuseSelfReview, requireInstallation, requirePermission } from '../../registry';
import { settingValue } from '../../settings';
import { summarise, type ImportAction, type ImportPreview, type ImportResult, type RowProblem } from '../../xlsx/importKit';
import { readSelfEvaluationTables, type FoundTable } from './excel';
import { reviewInputOf, writtenTableSchema, type WrittenIndicatorRow, type WrittenTable } from './table';

export interface ReviewImportRow {
  sheet: string;
  rowNumber: number;
  projectName: string;
  unitName: string;
  /** The registered unit the table was matched to; null when it is not registered. */
  unitCode: string | null;
  /** The registered project's code, when the table names one of the unit's projects of the year. */
  projectCode: string | null;
  /** How many differences the recomputation finds; null when the table cannot be read. */
  differences: number | null;
  /** A table already waiting for review (same unit and project) is replaced, not doubled. */
  action: Exclude<ImportAction, 'unchanged'>;
}

export type ReviewImportPreview = ImportPreview<ReviewImportRow>;
export type ReviewImportResult = ImportResult<ReviewImportPreview>;

export interface ExternalReviewRow {
  id: string;
  version: number;
  year: number;
  unitCode: string;
  unitName: string;
  projectName: string;
  projectCode: string;
  /** The registered project the table was matched to, if any. */
  projectId: string | null;
  fileName: string;
  sheet: string;
  rowNumber: number;
  importedBy: string | null;
  importedByName: string;
  importedAt: string;
  status: ExternalReviewStatus;
  opinion: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  /** The unit's total and the rule's, and how many differences there are, as of this read. */
  enteredTotal: string | null;
  ruleTotal: string;
  differences: number;
}

export interface ReviewedIndicatorRow extends WrittenIndicatorRow {
  /** The rule's score of a row that counts in the total; null for subtotal and 其中 rows. */
  ruleScore: string | null;
  flags: string[];
  /** The differences that name this row (its score, its subtotal, its sub-rows' weights). */
  differences: Difference[];
}

export interface ExternalReviewDetail {
  record: ExternalReviewRow;
  written: WrittenTable;
  budget: { rate: string; ruleScore: string; flags: string[]; difference: Difference | null };
  rows: ReviewedIndicatorRow[];
  total: { ruleTotal: string; grade: string; cappedAt: string | null };
  /** Differences of the table as a whole: the total, the sum of its parts, the weights. */
  summary: Difference[];
  differences: Difference[];
  /** The opinion a return starts from: the differences, numbered. */
  suggestedOpinion: string;
}

const scoringSettings = (db: Db) => scoringSettingsFrom((key) => settingValue(db, key));
const shown = (value: Parameters<typeof toFixed>[0]) => toFixed(value, 2);
const reviewKey = (r: { year: number; unitCode: string; projectName: string }) => `${r.year}/${r.unitCode}/${r.projectName}`;
const compact = (text: string) => text.replace(/\s/g, '');

interface Plan {
  found: FoundTable;
  row: ReviewImportRow;
  unitCode: string | null;
  projectId: string | null;
  replaces: string | null;
}

/** The registered unit a table names: by its 单位编码 when written, else by its 实施单位's name. */
function matchUnit(db: Db, region: string, written: WrittenTable): { code: string; name: string } | null {
  const registered = db.select({ code: units.code, name: units.name }).from(units).where(eq(units.regionCode, region)).all();
  if (written.unitCode !== '') return registered.find((u) => u.code === written.unitCode) ?? null;
  return registered.find((u) => compact(u.name) === compact(written.unitName)) ?? null;
}

function matchProject(db: Db, region: string, year: number, unitCode: string, written: WrittenTable): { id: string; code: string } | null {
  const candidates = db
    .select({ id: projects.id, code: projects.code, name: projects.name, unitCode: projects.unitCode })
    .from(projects)
    .where(and(eq(projects.regionCode, region), eq(projects.year, year), eq(projects.deleted, false)))
    .all();
  if (written.projectCode !== '') return candidates.find((p) => p.code === written.projectCode) ?? null;
  return candidates.find((p) => p.unitCode === unitCode && compact(p.name) === compact(written.projectName)) ?? null;
}

function planImport(db: Db, year: number, fileName: string, bytes: Uint8Array): { preview: ReviewImportPreview; plans: Plan[] } {
  const region = requireInstallation(db).region.code;
  const settings = scoringSettings(db);
  const seen = new Map<string, FoundTable>();
  const plans = readSelfEvaluationTables(bytes).map((found): Plan => {
    const problems: RowProblem[] = found.problems;
    const report = (column: string, message: string) => problems.push({ sheet: found.sheet, rowNumber: found.rowNumber, column, message });
    const written = found.written;
    const unit = written ? matchUnit(db, region, written) : null;
    if (written && !unit) {
      const named = written.unitCode !== '' ? `单位编码“${written.unitCode}”` : written.unitName === '' ? '（未填写实施单位）' : `实施单位“${written.unitName}”`;
      report('实施单位', `${named}不在本县预算单位名录中：请核对单位名称，或先在“单位与项目 → 预算单位”中登记后再导入`);
    }
    const project = written && unit ? matchProject(db, region, year, unit.code, written) : null;
    let replaces: string | null = null;
    if (unit && written) {
      const key = reviewKey({ year, unitCode: unit.code, projectName: written.projectName });
      const earlier = seen.get(key);
      if (earlier) report('项目名称', `与工作表“${earlier.sheet}”第 ${earlier.rowNumber} 行的表重复（同一单位、同一项目），请只保留一张`);
      else seen.set(key, found);
      replaces = pendingReview(db, region, year, unit.code, written.projectName)?.id ?? null;
    }
    const differences = found.review && problems.length === 0 ? reviewSelfEvaluation(found.review, settings).differences.length : null;
    const action = problems.length > 0 ? 'error' : replaces ? 'update' : 'create';
    const row: ReviewImportRow = {
      sheet: found.sheet,
      rowNumber: found.rowNumber,
      projectName: found.projectName,
      unitName: written?.unitName ?? '',
      unitCode: unit?.code ?? null,
      projectCode: project?.code ?? null,
      differences,
      action,
    };
    return { found, row, unitCode: unit?.code ?? null, projectId: project?.id ?? null, replaces };
  });
  const sheets = [...new Set(plans.map((p) => p.found.sheet))];
  return { preview: summarise(fileName, plans.map((p) => p.row), plans.flatMap((p) => p.found.problems), sheets), plans };
}

function pendingReview(db: Db, region: string, year: number, unitCode: string, projectName: string) {
  return db
    .select({ id: selfEvaluationReviews.id, version: selfEvaluationReviews.version })
    .from(selfEvaluationReviews)
    .where(
      and(
        eq(selfEvaluationReviews.regionCode, region),
        eq(selfEvaluationReviews.year, year),
        eq(selfEvaluationReviews.unitCode, unitCode),
        eq(selfEvaluationReviews.projectName, projectName),
        eq(selfEvaluationReviews.status, 'pending'),
        eq(selfEvaluationReviews.deleted, false),
      ),
    )
    .get();
}

/** What a file would import: one row per table found, every problem by sheet and row; nothing written. */
export function previewReviewImport(db: Db, year: number, fileName: string, bytes: Uint8Array): ReviewImportPreview {
  return planImport(db, year, fileName, bytes).preview;
}

/**
 * Imports the tables that can be reviewed, in one transaction; a table with any problem is not imported
 * at all (never part of a table), and the others are not held back by it.
 */
export function commitReviewImport(db: Db, actor: Actor, year: number, fileName: string, bytes: Uint8Array): ReviewImportResult {
  requirePermission(db, actor, 'enter');
  const region = requireInstallation(db).region.code;
  return db.transaction((tx) => {
    const { preview, plans } = planImport(tx, year, fileName, bytes);
    let written = 0;
    for (const plan of plans) {
      if (plan.row.action === 'error') continue;
      const table = plan.found.written!;
      const values = {
        unitName: table.unitName,
        projectName: table.projectName,
        projectCode: table.projectCode,
        projectId: plan.projectId,
        fileName,
        sheet: table.sheet,
        rowNumber: table.rowNumber,
        writtenTable: JSON.stringify(table),
        importedBy: actor.id,
        importedByName: actor.name,
      };
      if (plan.replaces) {
        const before = tx.select().from(selfEvaluationReviews).where(eq(selfEvaluationReviews.id, plan.replaces)).get()!;
        tx.update(selfEvaluationReviews)
          .set({ ...values, importedAt: sqlNow, updatedAt: sqlNow, version: before.version + 1 })
          .where(eq(selfEvaluationReviews.id, plan.replaces))
          .run();
      } else {
        tx.insert(selfEvaluationReviews).values({ id: randomUUID(), regionCode: region, year, unitCode: plan.unitCode!, ...values }).run();
      }
      recordAudit(tx, actor, {
        entity: 'self-evaluation-review',
        naturalKey: reviewKey({ year, unitCode: plan.unitCode!, projectName: table.projectName }),
        action: plan.replaces ? '重新导入自评表（待复核）' : '导入自评表（待复核）',
        after: { fileName, sheet: table.sheet, rowNumber: table.rowNumber, differences: plan.row.differences },
      });
      written++;
    }
    return { ...preview, written };
  });
}

type StoredReview = typeof selfEvaluationReviews.$inferSelect;

/** The stored written table, checked: a record edited outside the program is refused, not guessed at. */
function writtenOf(record: StoredReview): WrittenTable {
  const parsed = writtenTableSchema.safeParse(JSON.parse(record.writtenTable));
  if (!parsed.success) throw new AppError('STORE', `“${record.projectName}”的自评表数据已损坏，无法复核；请删除后重新导入原 Excel 文件`);
  return parsed.data;
}

function recompute(db: Db, written: WrittenTable): ReviewResult {
  const input = reviewInputOf(written);
  if ('problems' in input) throw new AppError('STORE', `“${written.projectName}”的自评表无法按规则复算：${input.problems[0]!.message}`);
  return reviewSelfEvaluation(input.table, scoringSettings(db));
}

function rowOf(record: StoredReview, written: WrittenTable, result: ReviewResult): ExternalReviewRow {
  const enteredTotal = written.total?.score.trim() ? written.total.score.trim() : null;
  return {
    id: record.id,
    version: record.version,
    year: record.year,
    unitCode: record.unitCode,
    unitName: record.unitName,
    projectName: record.projectName,
    projectCode: record.projectCode,
    projectId: record.projectId,
    fileName: record.fileName,
    sheet: record.sheet,
    rowNumber: record.rowNumber,
    importedBy: record.importedBy,
    importedByName: record.importedByName,
    importedAt: record.importedAt,
    status: record.status,
    opinion: record.opinion,
    reviewedByName: record.reviewedByName,
    reviewedAt: record.reviewedAt,
    enteredTotal,
    ruleTotal: shown(result.total.total),
    differences: result.differences.length,
  };
}

/** The year's imported tables, newest first, each with its recomputed total. */
export function listReviews(db: Db, year: number): ExternalReviewRow[] {
  const region = requireInstallation(db).region.code;
  const records = db
    .select()
    .from(selfEvaluationReviews)
    .where(and(eq(selfEvaluationReviews.regionCode, region), eq(selfEvaluationReviews.year, year), eq(selfEvaluationReviews.deleted, false)))
    .orderBy(desc(selfEvaluationReviews.importedAt), selfEvaluationReviews.unitCode)
    .all();
  return records.map((record) => {
    const written = writtenOf(record);
    return rowOf(record, written, recompute(db, written));
  });
}

function requireReview(db: Db, id: string): StoredReview {
  const record = db.select().from(selfEvaluationReviews).where(eq(selfEvaluationReviews.id, id)).get();
  if (!record || record.deleted) throw new AppError('NOT_FOUND', '找不到这张自评表，可能已被删除；请刷新列表');
  return record;
}

/** One table row by row: the unit's score beside the rule's, every difference on the row it concerns. */
export function getReview(db: Db, id: string): ExternalReviewDetail {
  const record = requireReview(db, id);
  const written = writtenOf(record);
  const result = recompute(db, written);
  const onRow = (i: number) => result.differences.filter((d) => d.row === i);
  return {
    record: rowOf(record, written, result),
    written,
    budget: {
      rate: `${percent(result.budget.rate)}%`,
      ruleScore: shown(result.budget.score),
      flags: result.budget.flags.map((f) => BUDGET_FLAG_LABELS[f]),
      difference: result.differences.find((d) => d.kind === 'budget') ?? null,
    },
    rows: written.rows.map((row, i) => {
      const score = result.rows[i];
      return { ...row, ruleScore: score ? shown(score.score) : null, flags: score ? score.flags.map((f) => INDICATOR_FLAG_LABELS[f]) : [], differences: onRow(i) };
    }),
    total: { ruleTotal: shown(result.total.total), grade: result.total.grade, cappedAt: result.total.cappedAt ? shown(result.total.cappedAt) : null },
    summary: result.differences.filter((d) => d.kind === 'total' || d.kind === 'sum' || d.kind === 'weights' || d.kind === 'doubleCounted'),
    differences: result.differences,
    suggestedOpinion: returnOpinion(result.differences),
  };
}

export interface ReviewDecisionInput {
  id: string;
  version: number;
  opinion?: string;
}

function decide(db: Db, actor: Actor, input: ReviewDecisionInput, status: 'accepted' | 'returned'): ExternalReviewRow {
  return db.transaction((tx) => {
    requirePermission(tx, actor, 'review');
    const record = requireReview(tx, input.id);
    if (record.version !== input.version) throw new AppError('CONFLICT', `“${record.projectName}”的自评表已被他人修改或重新导入，请刷新后再复核`);
    if (record.status !== 'pending') {
      throw new AppError('CONFLICT', `“${record.projectName}”的自评表已${EXTERNAL_REVIEW_STATUS_LABELS[record.status]}，不能再次复核；单位改正后请重新导入`);
    }
    const key = reviewKey(record);
    refuseSelfReview(tx, actor, record.importedBy, { entity: 'self-evaluation-review', naturalKey: key });
    let opinion = input.opinion?.trim() ?? '';
    if (status === 'returned' && opinion === '') opinion = returnOpinion(recompute(tx, writtenOf(record)).differences);
    if (status === 'returned' && opinion === '') throw new AppError('INVALID_INPUT', '请填写退回意见，说明单位需要改正什么');
    tx.update(selfEvaluationReviews)
      .set({ status, opinion: opinion || null, reviewedBy: actor.id, reviewedByName: actor.name, reviewedAt: sqlNow, updatedAt: sqlNow, version: record.version + 1 })
      .where(eq(selfEvaluationReviews.id, record.id))
      .run();
    recordAudit(tx, actor, {
      entity: 'self-evaluation-review',
      naturalKey: key,
      action: status === 'accepted' ? '自评表复核通过' : '自评表复核退回',
      before: { status: record.status },
      after: { status },
      opinion: opinion || null,
    });
    const after = requireReview(tx, record.id);
    const written = writtenOf(after);
    return rowOf(after, written, recompute(tx, written));
  });
}

/** 通过: the unit's table stands as reviewed. */
export const acceptReview = (db: Db, actor: Actor, input: ReviewDecisionInput) => decide(db, actor, input, 'accepted');

/** 退回: back to the unit with an opinion; an empty opinion becomes the list of differences. */
export const returnReview = (db: Db, actor: Actor, input: ReviewDecisionInput) => decide(db, actor, input, 'returned');
