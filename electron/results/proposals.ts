// 结果应用's list for next year's budget: computed from the rules over the year's graded projects, kept as
// a snapshot when the bureau generates it (the list handed to the budget section must not shift under
// it), regenerated only after the bureau has seen what would change, and answered line by line by the
// budget section, whose decisions are then compared with next year's register.
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { resultLists, resultProposals } from '../../db/schema';
import { checkSelfReview } from '../domain/permissions';
import type { Fen } from '../domain/money';
import {
  adoptionShare,
  decidedAmount,
  decisionProblem,
  MEASURES,
  proposeForProject,
  resultRules,
  shareText,
  type Decision,
  type GradeSource,
  type Measure,
  type ResultProposal,
} from '../domain/results';
import { recordAudit, type Actor } from '../audit/audit';
import { AppError } from '../errors';
import { requireInstallation } from '../registry';
import { settingValue } from '../settings';
import { gradedSources, nextYearBudgets, projectFacts, type ProjectFacts } from './sources';

/** A line as computed now, before it is stored. */
type ComputedLine = ProjectFacts & ResultProposal;

function computeLines(db: Db, regionCode: string, year: number): ComputedLine[] {
  const rules = resultRules((key) => settingValue(db, key));
  const lines: ComputedLine[] = [];
  for (const [projectId, sources] of gradedSources(db, regionCode, year)) {
    const facts = projectFacts(db, projectId);
    const proposal = proposeForProject({ ...facts, sources }, rules);
    if (proposal) lines.push({ ...facts, ...proposal });
  }
  return lines.sort((a, b) => a.code.localeCompare(b.code));
}

type StoredLine = typeof resultProposals.$inferSelect;

/** What a line proposes: a decision recorded on it stays valid as long as this is unchanged. */
const proposalKey = (line: { measure: Measure; baseFen: Fen; proposedFen: Fen; recoverFen: Fen; grade: string; gradeRecordId: string }) =>
  [line.measure, line.baseFen, line.proposedFen, line.recoverFen, line.grade, line.gradeRecordId].join('|');

const computedKey = (line: ComputedLine) =>
  proposalKey({ measure: line.measure, baseFen: line.base.fen, proposedFen: line.proposedFen, recoverFen: line.recoverFen, grade: line.grade.grade, gradeRecordId: line.grade.recordId });

function storedList(db: Db, regionCode: string, year: number) {
  return db.select().from(resultLists).where(and(eq(resultLists.regionCode, regionCode), eq(resultLists.year, year), eq(resultLists.deleted, false))).get();
}

const storedLines = (db: Db, listId: string): StoredLine[] => db.select().from(resultProposals).where(eq(resultProposals.listId, listId)).orderBy(asc(resultProposals.seq)).all();

export interface Regeneration {
  /** Whether a list was generated before (then regenerating needs the bureau's confirmation). */
  exists: boolean;
  added: string[];
  removed: string[];
  changed: string[];
  /** Decisions recorded on lines that change or go: regenerating drops them. */
  decisionsDropped: string[];
  /** The sentence the confirmation shows. */
  summary: string;
}

const named = (line: { code: string; name: string }) => `${line.code} ${line.name}`;

/** What generating the list again would change, compared with the stored one. */
export function regenerationPreview(db: Db, year: number): Regeneration {
  const { region } = requireInstallation(db);
  const list = storedList(db, region.code, year);
  const computed = computeLines(db, region.code, year);
  if (!list) return { exists: false, added: computed.map(named), removed: [], changed: [], decisionsDropped: [], summary: `将生成 ${computed.length} 条建议。` };
  const before = new Map(storedLines(db, list.id).map((l) => [l.projectId, l]));
  const after = new Map(computed.map((l) => [l.id, l]));
  const added = computed.filter((l) => !before.has(l.id)).map(named);
  const removedLines = [...before.values()].filter((l) => !after.has(l.projectId));
  const changedLines = computed.filter((l) => before.has(l.id) && proposalKey(before.get(l.id)!) !== computedKey(l));
  const changed = changedLines.map(named);
  const dropped = [...removedLines, ...changedLines.map((l) => before.get(l.id)!)].filter((l) => l.decision !== null).map((l) => `${l.projectCode} ${l.projectName}`);
  const parts = [`新增 ${added.length} 条`, `删除 ${removedLines.length} 条`, `变化 ${changed.length} 条`];
  const decisions = dropped.length > 0 ? `，其中 ${dropped.length} 条已录入的预算科意见将作废（${dropped.join('、')}），需重新录入` : '；已录入的预算科意见都保留';
  return {
    exists: true,
    added,
    removed: removedLines.map((l) => `${l.projectCode} ${l.projectName}`),
    changed,
    decisionsDropped: dropped,
    summary: `重新生成将${parts.join('、')}${decisions}。`,
  };
}

/**
 * Generates the year's list from the rules now in force. A list generated before is replaced only when
 * `replace` confirms it: lines whose proposal did not change keep the budget section's decision.
 */
export function generateResults(db: Db, actor: Actor, input: { year: number; replace: boolean }): ResultsView {
  const { region } = requireInstallation(db);
  db.transaction((tx) => {
    const existing = storedList(tx, region.code, input.year);
    if (existing && !input.replace) throw new AppError('CONFLICT', `${input.year}年度的结果应用清单已生成，重新生成前请先确认将发生的变化`);
    const computed = computeLines(tx, region.code, input.year);
    if (computed.length === 0) throw new AppError('INVALID_INPUT', `${input.year}年度还没有已审核（通过）的自评或评价结果，无法生成建议清单。请先完成绩效自评的审核`);
    const kept = new Map((existing ? storedLines(tx, existing.id) : []).filter((l) => l.decision !== null).map((l) => [`${l.projectId}|${proposalKey(l)}`, l]));
    const listId = existing?.id ?? randomUUID();
    if (existing) {
      tx.delete(resultProposals).where(eq(resultProposals.listId, existing.id)).run();
      tx.update(resultLists)
        .set({ generatedBy: actor.id, generatedByName: actor.name, generatedAt: new Date().toISOString(), version: existing.version + 1, updatedAt: new Date().toISOString() })
        .where(eq(resultLists.id, existing.id))
        .run();
    } else {
      tx.insert(resultLists).values({ id: listId, regionCode: region.code, year: input.year, generatedBy: actor.id, generatedByName: actor.name }).run();
    }
    let keptDecisions = 0;
    computed.forEach((line, n) => {
      const decided = kept.get(`${line.id}|${computedKey(line)}`);
      if (decided) keptDecisions++;
      tx.insert(resultProposals).values({ ...storedRow(line), id: randomUUID(), listId, seq: n + 1, ...(decided ? decisionColumns(decided) : {}) }).run();
    });
    recordAudit(tx, actor, {
      entity: 'results-list',
      naturalKey: `${region.code}/${input.year}`,
      action: existing ? '重新生成结果应用清单' : '生成结果应用清单',
      after: { lines: computed.length, keptDecisions, droppedDecisions: kept.size - keptDecisions },
    });
  });
  return resultsView(db, input.year);
}

function storedRow(line: ComputedLine) {
  return {
    projectId: line.id,
    projectCode: line.code,
    projectName: line.name,
    unitCode: line.unitCode,
    unitName: line.unitName,
    grade: line.grade.grade,
    gradeSource: line.grade.source,
    gradeRecordId: line.grade.recordId,
    measure: line.measure,
    measureLabel: line.measureLabel,
    baseKind: line.base.kind,
    baseFen: line.base.fen,
    proposedFen: line.proposedFen,
    adjustedFen: line.thisYearAdjustedFen,
    executedFen: line.executedFen,
    recoverFen: line.recoverFen,
    trace: JSON.stringify(line.rules),
  };
}

const decisionColumns = (line: StoredLine) => ({
  decision: line.decision,
  decidedFen: line.decidedFen,
  decisionReason: line.decisionReason,
  decidedBy: line.decidedBy,
  decidedByName: line.decidedByName,
  decidedAt: line.decidedAt,
});

export interface DecisionRecord {
  id: string;
  decision: Decision;
  /** 部分采纳's amount in 分; ignored otherwise. */
  amountFen: Fen | null;
  reason: string;
}

/**
 * Records the budget section's decision on a line. Whoever generated the list does not record the answer
 * to it (unless the single-person setting allows it, marked in the log).
 */
export function recordDecision(db: Db, actor: Actor, input: DecisionRecord): ResultLine {
  return db.transaction((tx) => {
    const line = tx.select().from(resultProposals).where(eq(resultProposals.id, input.id)).get();
    if (!line) throw new AppError('NOT_FOUND', '找不到这条建议，清单可能已重新生成，请刷新后重试');
    const list = tx.select().from(resultLists).where(eq(resultLists.id, line.listId)).get()!;
    const separation = checkSelfReview(list.generatedBy, actor.id, settingValue<string>(tx, 'review.selfReview') === 'allow');
    if (!separation.ok) throw new AppError('FORBIDDEN', '预算科的意见须由另一位操作员录入：本清单由您生成（只有一位操作员的电脑可在“设置 → 参数设置 → 审核与权限”中允许）');
    const amounts = { proposedFen: line.proposedFen, baseFen: line.baseFen };
    const decision = { decision: input.decision, amountFen: input.decision === 'partly' ? input.amountFen : null, reason: input.reason.trim() };
    const problem = decisionProblem(decision, amounts);
    if (problem) throw new AppError('INVALID_INPUT', problem);
    const columns = {
      decision: decision.decision,
      decidedFen: decidedAmount(decision, amounts),
      decisionReason: decision.reason,
      decidedBy: actor.id,
      decidedByName: actor.name,
      decidedAt: new Date().toISOString(),
    };
    tx.update(resultProposals).set(columns).where(eq(resultProposals.id, line.id)).run();
    // The list is the record that travels: a decision is a change of it, for the next incremental package.
    tx.update(resultLists).set({ version: list.version + 1, updatedAt: new Date().toISOString() }).where(eq(resultLists.id, list.id)).run();
    recordAudit(tx, actor, {
      entity: 'result-proposal',
      naturalKey: `${list.regionCode}/${list.year}/${line.projectCode}`,
      action: line.decision ? '修改预算科意见' : '录入预算科意见',
      before: line.decision ? decisionColumns(line) : undefined,
      after: columns,
      opinion: decision.reason || null,
    });
    if (separation.self) recordAudit(tx, actor, { entity: 'result-proposal', naturalKey: `${list.regionCode}/${list.year}/${line.projectCode}`, action: '本人录入（单人使用设置）' });
    return toLine(tx.select().from(resultProposals).where(eq(resultProposals.id, line.id)).get()!, nextYearBudgets(tx, list.regionCode, list.year));
  });
}

export interface ResultLine {
  id: string;
  seq: number;
  projectId: string;
  projectCode: string;
  projectName: string;
  unitCode: string;
  unitName: string;
  grade: string;
  gradeSource: GradeSource;
  gradeRecordId: string;
  measure: Measure;
  measureLabel: string;
  baseKind: 'next-year' | 'this-year';
  baseFen: Fen;
  proposedFen: Fen;
  adjustedFen: Fen;
  executedFen: Fen;
  recoverFen: Fen;
  trace: string[];
  decision: Decision | null;
  decidedFen: Fen | null;
  decisionReason: string;
  decidedByName: string | null;
  decidedAt: string | null;
  /** What next year's register arranges for the same code now; null when it has no such project. */
  arrangedFen: Fen | null;
}

function toLine(row: StoredLine, nextYear: ReadonlyMap<string, Fen>): ResultLine {
  const { listId: _list, decidedBy: _by, trace, ...rest } = row;
  return { ...rest, trace: JSON.parse(trace) as string[], arrangedFen: nextYear.get(row.projectCode) ?? null };
}

export interface ResultsView {
  year: number;
  /** Null while the year's list has not been generated. */
  list: { generatedByName: string; generatedBy: string | null; generatedAt: string; version: number } | null;
  lines: ResultLine[];
  /** Lines per measure, in the order of the measures. */
  byMeasure: { measure: Measure; label: string; count: number }[];
  recoverFen: Fen;
  adoption: { decided: number; adopted: number; partly: number; lineShare: string; cutShare: string };
  /** How many graded projects the rules would list now: the empty state says what is missing. */
  gradedProjects: number;
}

export function resultsView(db: Db, year: number): ResultsView {
  const { region } = requireInstallation(db);
  const list = storedList(db, region.code, year);
  const nextYear = nextYearBudgets(db, region.code, year);
  const lines = list ? storedLines(db, list.id).map((row) => toLine(row, nextYear)) : [];
  const labels = new Map<Measure, string>();
  for (const line of lines) if (!labels.has(line.measure)) labels.set(line.measure, line.measure === 'cut' ? '核减' : line.measureLabel);
  const share = adoptionShare(lines);
  return {
    year,
    list: list ? { generatedByName: list.generatedByName, generatedBy: list.generatedBy, generatedAt: list.generatedAt, version: list.version } : null,
    lines,
    byMeasure: MEASURES.filter((m) => labels.has(m))
      .map((measure) => ({ measure, label: labels.get(measure)!, count: lines.filter((l) => l.measure === measure).length })),
    recoverFen: lines.reduce((sum, l) => sum + l.recoverFen, 0),
    adoption: { decided: share.decided, adopted: share.adopted, partly: share.partly, lineShare: shareText(share.lineShare), cutShare: shareText(share.cutShare) },
    gradedProjects: gradedSources(db, region.code, year).size,
  };
}
