// 整改问责 of the sample county: notices from several sources, each walked through the rectification
// services as the bureau and its units would — one from the August round's reddest project left past its
// deadline (on the 问责 list, no measure yet), one from an approved self-evaluation returned once and fixed
// (two rounds of feedback, the first with a photo of the acceptance sheet, then 通过), one from a spot check
// whose recheck lowered the score, returned twice and so on the 问责 list with a 通报 recorded, and one from
// the November round waiting for a 主管部门's own feedback. The bureau enters the units' feedback for them
// (代录), as it does on a county installation.
import dayjs from 'dayjs';
import { and, eq, inArray } from 'drizzle-orm';
import { sqliteOf, type Db } from '../../db/open';
import { monitoringRounds, projects, units } from '../../db/schema';
import type { Actor } from '../audit/audit';
import { localDate } from '../domain/clock';
import { parseDecimal, ratio, sub, toFixed } from '../domain/ratio';
import { deadlineProblem, RECTIFICATION_SOURCES, type RectificationSource } from '../domain/rectification';
import { openSheetRectification, roundWarnings } from '../monitoring';
import { answerRectification, attachToFeedback, decideRectification, issueRectification, recordMeasure, type Rectification } from '../rectification';
import { drawSpotCheck, listSelfEvaluations, openSelfEvaluationRectification, openSpotCheckRectification, recheckSpotCheck } from '../selfEvaluation';
import { BUREAU_CLERK, BUREAU_REVIEWER } from './actors';
import { requireSampleDatabase } from './sampleDatabase';

/** Who issues the sample's notices: not the reviewer who passes or returns their feedback. */
const NOTICE_ISSUER: Actor = { id: null, name: '示例绩效办主任' };

/** A 1×1 PNG standing for the photo of a signed acceptance sheet: a small real attachment. */
const ACCEPTANCE_PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export interface DemoRectificationsSummary {
  notices: number;
  bySource: Record<RectificationSource, number>;
  /** Past their deadline and not passed, by the day the sample was made. */
  overdue: number;
  measures: number;
}

const day = (date: dayjs.Dayjs) => date.format('YYYY-MM-DD');
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * A deadline an open notice can keep whenever the sample is opened: the spring after the sample's year, or a
 * month from today when that spring is already past, so that only the notice meant to be overdue is.
 */
const openDeadline = (year: number) => {
  const monthAhead = day(dayjs().add(30, 'day'));
  const spring = `${year + 1}-03-31`;
  return spring > monthAhead ? spring : monthAhead;
};

/**
 * Sample only: dates a notice on the sample's own calendar, as if drafted and issued on `draftedOn` with the
 * deadline it had then. The service's rule is kept — the deadline lay ahead on the day the notice was drafted
 * — and only a sample database is touched: a real notice is always dated by the day it is drafted.
 */
function dateOnSampleCalendar(db: Db, notice: Rectification, draftedOn: string, deadline: string): void {
  requireSampleDatabase(db);
  const problem = deadlineProblem(deadline, draftedOn);
  if (problem) throw new Error(`示例整改通知${notice.number}：${problem}`);
  sqliteOf(db)
    .prepare('UPDATE rectifications SET deadline = ?, created_at = ?, issued_at = ? WHERE id = ?')
    .run(deadline, `${draftedOn}T02:00:00.000Z`, `${draftedOn}T03:00:00.000Z`, notice.id);
}

function roundOf(db: Db, year: number, month: number): string | null {
  return db.select({ id: monitoringRounds.id }).from(monitoringRounds).where(and(eq(monitoringRounds.year, year), eq(monitoringRounds.month, month))).get()?.id ?? null;
}

/** The units that are a 主管部门 themselves (a department's own projects). */
const departmentCodes = (db: Db) => new Set(db.select({ code: units.code }).from(units).where(eq(units.isDepartment, true)).all().map((u) => u.code));

/** The unit answers (the bureau enters it, 代录); a file goes with the first answer when given. */
function answered(db: Db, notice: Rectification, feedback: string, file?: { fileName: string; dataBase64: string }): Rectification {
  if (file) attachToFeedback(db, BUREAU_CLERK, { id: notice.id, file });
  return answerRectification(db, BUREAU_CLERK, { id: notice.id, version: notice.version, feedback });
}

const returned = (db: Db, notice: Rectification, opinion: string) => decideRectification(db, BUREAU_REVIEWER, { id: notice.id, version: notice.version, action: 'return', opinion });

/** The August round's reddest project: issued, never answered, past its deadline on the sample's calendar. */
function overdueFromMonitoring(db: Db, year: number): Rectification | null {
  const roundId = roundOf(db, year, 8);
  const warning = roundId ? roundWarnings(db, roundId).warnings.find((w) => w.attention === 'red') : undefined;
  if (!warning) return null;
  const opened = openSheetRectification(db, NOTICE_ISSUER, {
    sheetId: warning.sheetId,
    problems: `8 月监控预算执行率 ${warning.executionRate}%，明显慢于序时进度。`,
    requirements: '10 月底前完成资金支付，报送整改情况和支付凭证。',
    deadline: openDeadline(year),
  });
  const issued = issueRectification(db, NOTICE_ISSUER, opened);
  // Drafted after the round's review, due at the end of October; a notice of the current year is kept
  // just past its deadline, so that it is overdue whenever the sample is opened.
  const deadline = earlier(`${year}-10-31`, day(dayjs().subtract(7, 'day')));
  dateOnSampleCalendar(db, issued, earlier(`${year}-09-05`, day(dayjs(deadline).subtract(30, 'day'))), deadline);
  return issued;
}

/**
 * An approved self-evaluation, of a project without a notice yet (each of the sample's open problems is a
 * project's own): the first feedback returned for want of proof, the second with it passed.
 */
function fixedFromSelfEvaluation(db: Db, year: number, taken: Rectification | null): Rectification | null {
  const table = listSelfEvaluations(db, { year, status: 'approved' }).find((t) => t.projectId !== taken?.projectId);
  if (!table?.id) return null;
  const opened = openSelfEvaluationRectification(db, NOTICE_ISSUER, {
    selfEvaluationId: table.id,
    problems: '自评表中部分绩效指标完成情况缺少佐证，偏差原因分析不充分。',
    requirements: '补充验收资料，说明未完成指标的原因和改进措施。',
    deadline: openDeadline(year),
  });
  let notice = issueRectification(db, NOTICE_ISSUER, opened);
  notice = answered(db, notice, '已补充偏差原因分析，项目已完成验收。', { fileName: '验收单.png', dataBase64: ACCEPTANCE_PHOTO });
  notice = returned(db, notice, '未附验收报告全文，请补充后重新报送');
  notice = answered(db, notice, '已补充验收报告全文和改进措施，资金已全部支付。');
  return decideRectification(db, BUREAU_REVIEWER, { id: notice.id, version: notice.version, action: 'approve', opinion: '整改到位' });
}

/** A spot check whose recheck lowered the score: returned twice, so on the 问责 list, where a 通报 is recorded. */
function repeatedFromSpotCheck(db: Db, year: number): Rectification | null {
  const drawn = drawSpotCheck(db, BUREAU_REVIEWER, { year, share: 10, seed: `示例${year}` });
  const check = drawn.find((c) => c.unitScore !== null && parseDecimal(c.unitScore)!.num >= 60n * parseDecimal(c.unitScore)!.den);
  if (!check) return null;
  const adjustedScore = toFixed(sub(parseDecimal(check.unitScore!)!, ratio(6)), 2);
  recheckSpotCheck(db, BUREAU_REVIEWER, { id: check.id, adjustedScore, reasons: '满意度指标无调查问卷佐证，按评分标准扣分' });
  const opened = openSpotCheckRectification(db, NOTICE_ISSUER, {
    spotCheckId: check.id,
    problems: `抽查复核得分 ${adjustedScore} 分，低于单位自评 ${check.unitScore} 分：满意度指标无调查问卷佐证。`,
    requirements: '补充满意度调查问卷和统计结果。',
    deadline: openDeadline(year),
  });
  let notice = issueRectification(db, NOTICE_ISSUER, opened);
  notice = returned(db, answered(db, notice, '已补充满意度说明。'), '仍未提供调查问卷，请补充');
  notice = returned(db, answered(db, notice, '已组织补充调查。'), '调查样本不足 30 份，请按要求重新调查');
  notice = answered(db, notice, '已重新调查 45 户，附统计结果。');
  recordMeasure(db, BUREAU_REVIEWER, { id: notice.id, measure: 'circular', detail: '整改反馈两次被退回，在全县绩效工作会议上通报', takenOn: earlier(`${year}-12-15`, localDate()) });
  return notice;
}

/** The November round's warned project of a 主管部门 itself (none taken yet): issued, waiting for the department's feedback. */
function waitingAtDepartment(db: Db, year: number, taken: ReadonlySet<string>): Rectification | null {
  const roundId = roundOf(db, year, 11);
  if (!roundId) return null;
  const departments = departmentCodes(db);
  const warnings = roundWarnings(db, roundId).warnings.filter((w) => !taken.has(w.projectCode));
  const warning = warnings.find((w) => departments.has(w.unitCode)) ?? warnings[0];
  if (!warning) return null;
  const opened = openSheetRectification(db, NOTICE_ISSUER, {
    sheetId: warning.sheetId,
    problems: `11 月监控“${warning.projectName}”进度偏离目标。`,
    requirements: '年底前完成剩余任务，报送整改情况。',
    deadline: openDeadline(year),
  });
  return issueRectification(db, NOTICE_ISSUER, opened);
}

/** Writes the sample's notices (those whose source the year lacks are left out) and says what was written. */
export function writeDemoRectifications(db: Db, year: number): DemoRectificationsSummary {
  const overdue = overdueFromMonitoring(db, year);
  const written = [overdue, fixedFromSelfEvaluation(db, year, overdue), repeatedFromSpotCheck(db, year)].filter((n): n is Rectification => n !== null);
  const ids = written.flatMap((n) => (n.projectId ? [n.projectId] : []));
  const taken = new Set(ids.length ? db.select({ code: projects.code }).from(projects).where(inArray(projects.id, ids)).all().map((p) => p.code) : []);
  const waiting = waitingAtDepartment(db, year, taken);
  if (waiting) written.push(waiting);
  const bySource = Object.fromEntries(RECTIFICATION_SOURCES.map((s) => [s, written.filter((n) => n.source === s).length])) as Record<RectificationSource, number>;
  return { notices: written.length, bySource, overdue: overdue ? 1 : 0, measures: written.some((n) => n.source === 'spot-check') ? 1 : 0 };
}
