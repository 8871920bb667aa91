// Rectification notices travel up with the unit's feedback: every round of it (what was answered, the
// department's look and the verdict on it), the files kept with each round, and the 问责 measures taken,
// so the prefecture sees the whole loop. Between a county and a unit that runs Jixiao itself, the notice
// goes down to the unit and comes back with the unit's own part only: its new round of feedback and that
// round's files. Everything else on the notice — its text, the department's look, the verdicts, the 问责
// measures — is the county's, and a unit's copy that would change it refuses the package.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { accountabilityMeasures, rectificationRounds, rectifications } from '../../db/schema';
import { attachmentChild, attachmentProblem } from '../attachments/exchange';
import { noticeMove, RECTIFICATION_LABELS } from '../domain/rectification';
import { type ChildTable, type CrossReference, type DeclaredEntity, type PackageRecord, type Row, childRow, recordRow } from '../exchange/exchange';
import { noticeState, requireRectification } from './notices';

/** The owner kind of a submitted feedback round's files (the draft's stay home until submitted). */
const FEEDBACK_FILES = 'rectification.feedback';

const noticeChildren: readonly ChildTable[] = [
  // A unit's copy carries the rounds (unitFeedbackProblem lets only its new one through) and their files.
  { table: 'rectification_rounds', foreignKey: 'rectification_id', key: ['id'], row: childRow(rectificationRounds) },
  { ...attachmentChild(FEEDBACK_FILES), via: { table: 'rectification_rounds', foreignKey: 'rectification_id' } },
  { table: 'accountability_measures', foreignKey: 'rectification_id', key: ['id'], row: childRow(accountabilityMeasures), notFromUnits: true },
];

/** What a unit changes on a notice by answering it: its state on the chain, the latest feedback, its rounds and their files. */
const UNIT_ANSWER = { columns: ['status', 'holder', 'feedback'], children: ['rectification_rounds', 'attachments'] } as const;
const ANSWER_COLUMNS = new Set<string>(UNIT_ANSWER.columns);
/** The columns of a round that the 主管部门 and the county fill in. */
const DECISION_COLUMNS = ['department_decision', 'department_opinion', 'department_by_name', 'department_at', 'verdict', 'verdict_opinion', 'verdict_by_name', 'verdict_at'];

const localRows = (db: Db, query: ReturnType<typeof sql>) => db.all(query) as Row[];
const differs = (a: Row, b: Row, columns: readonly string[]) => columns.filter((c) => (a[c] ?? null) !== (b[c] ?? null));

/**
 * Why a unit's copy of a notice cannot be taken, or null: a copy newer than the county's may add one
 * round of feedback, the unit's own (no department look, no verdict, not 代录), to a notice that awaits
 * it, with that round's files; the notice's text, the earlier rounds and their files stay the county's.
 * A copy no newer than the county's is never written (the import finds it unchanged or a conflict).
 */
function unitFeedbackProblem(db: Db, record: PackageRecord): string | null {
  const notice = `整改通知（${record.naturalKey}）`;
  const [local] = localRows(db, sql`SELECT * FROM rectifications WHERE id = ${record.id}`);
  if (!local) return `${notice}不是本县下达的：预算单位只能反馈本县下达给它的整改通知`;
  if (record.version <= Number(local.version)) return null;
  const changed = differs(record.row, local, Object.keys(record.row).filter((c) => !ANSWER_COLUMNS.has(c)));
  if (changed.length) return `${notice}的“${changed.join('、')}”由本县下达时确定，单位不能更改`;
  const rounds = localRows(db, sql`SELECT * FROM rectification_rounds WHERE rectification_id = ${record.id} ORDER BY round`);
  const sent = record.children.rectification_rounds ?? [];
  for (const round of rounds) {
    const copy = sent.find((r) => r.id === round.id);
    if (!copy) return `${notice}少了第 ${String(round.round)} 轮反馈：已交到本县的反馈不能删除`;
    if (differs(copy, round, DECISION_COLUMNS).length) return `${notice}第 ${String(round.round)} 轮反馈的主管部门意见和审核结论只由本县填写，单位不能更改`;
    if (differs(copy, round, Object.keys(round)).length) return `${notice}第 ${String(round.round)} 轮反馈已交到本县，不能再修改`;
  }
  const added = sent.filter((r) => !rounds.some((round) => round.id === r.id));
  if (added.length !== 1) return `${notice}的单位副本比本县的新，却没有一轮新的反馈：单位只能提交反馈`;
  const answer = added[0]!;
  if (answer.round !== rounds.length + 1) return `${notice}的新反馈应为第 ${rounds.length + 1} 轮，数据包里是第 ${String(answer.round)} 轮`;
  if (DECISION_COLUMNS.some((c) => answer[c] !== null)) return `${notice}第 ${String(answer.round)} 轮反馈带有主管部门意见或审核结论：这些只由本县填写，单位不能带有`;
  if (answer.on_behalf !== 0) return `${notice}第 ${String(answer.round)} 轮反馈标为“财政局代录”，单位自己提交的反馈不是代录`;
  const move = noticeMove(noticeState(db, requireRectification(db, record.id)), 'answer');
  if (!move.ok) return `${notice}在本县是“${RECTIFICATION_LABELS[local.status as keyof typeof RECTIFICATION_LABELS]}”，不在等待单位反馈：请先导入本县最新的反馈包再反馈`;
  // The holder is left as the unit's: the county reads it through its own 主管部门审核 setting (noticeState).
  if (record.row.status !== move.status) return `${notice}反馈后的状态应为“${RECTIFICATION_LABELS[move.status]}”`;
  return earlierFilesProblem(db, notice, record, rounds);
}

/** The files of rounds the county already has stay as the county received them. */
function earlierFilesProblem(db: Db, notice: string, record: PackageRecord, rounds: readonly Row[]): string | null {
  const roundIds = new Set(rounds.map((r) => r.id));
  const kept = localRows(db, sql`SELECT a.id, a.owner_id, a.name, a.sha256 FROM attachments a JOIN rectification_rounds r ON r.id = a.owner_id
    WHERE a.owner_kind = ${FEEDBACK_FILES} AND r.rectification_id = ${record.id}`);
  const sent = (record.children.attachments ?? []).filter((f) => roundIds.has(f.owner_id ?? null));
  const same = (a: Row, b: Row) => differs(a, b, ['id', 'owner_id', 'name', 'sha256']).length === 0;
  const changed = [...sent.filter((f) => !kept.some((k) => same(k, f))), ...kept.filter((k) => !sent.some((f) => same(k, f)))][0];
  return changed ? `${notice}已交到本县的反馈附件“${String(changed.name)}”不能由单位增删或替换` : null;
}

/**
 * A notice names a project of the sender's (its unit's, from a unit) and, opened from a round, a sheet
 * of that project in that region's year. A sheet not here yet is let through: a notice travels in the
 * rectification stage too, which may arrive before the round's sheets.
 */
const noticeReferences: readonly CrossReference[] = [
  {
    outside: `SELECT r.id, COALESCE((SELECT p.code || '“' || p.name || '”' FROM projects p WHERE p.id = r.project_id), r.project_id) AS detail
      FROM rectifications r WHERE r.id IN (SELECT value FROM json_each(:ids)) AND r.project_id IS NOT NULL
      AND r.project_id NOT IN (SELECT id FROM projects WHERE region_code = :region AND year = :year AND (:unit IS NULL OR unit_code = :unit))`,
    refusal: (project) => `针对的项目 ${project} 不是发送方本地区、本年度（单位上报时为本单位）的项目`,
  },
  {
    outside: `SELECT r.id, r.source_id AS detail FROM rectifications r JOIN monitoring_sheets s ON s.id = r.source_id
      WHERE r.id IN (SELECT value FROM json_each(:ids)) AND r.source = 'monitoring'
      AND NOT (s.project_id IS r.project_id AND s.round_id IN (SELECT id FROM monitoring_rounds WHERE region_code = :region AND year = :year))`,
    refusal: (sheet) => `的来源监控表（${sheet}）不是该项目在发送方本地区、本年度的监控表`,
  },
];

export const rectificationExchange: readonly DeclaredEntity[] = [
  {
    name: 'rectification',
    label: '整改通知',
    table: 'rectifications',
    row: recordRow(rectifications),
    naturalKey: ['region_code', 'year', 'seq'],
    // Notices opened from a monitoring round travel with the round's sheets too.
    stages: ['rectification', 'monitoring'],
    // A notice names its unit and, when it was opened on one, its project: both go with it.
    parents: ['unit', 'project'],
    directions: ['up', 'down'],
    downToUnits: true,
    // The unit's answer builds on the notice the county sent it; refuseIncoming below limits it to a new round.
    answeredByPeer: UNIT_ANSWER,
    scope: 'region_code = :region AND year = :year',
    unitScope: 'unit_code = :unit',
    owner: { unit: 'rectifications.unit_code', record: "'第 ' || rectifications.seq || ' 号'" },
    unitColumn: 'unit_code',
    statusColumn: 'status',
    children: noticeChildren,
    references: noticeReferences,
    refuseIncoming: (record, _rowOf, db, fromUnit) => {
      const problem = attachmentProblem(db, record.children.attachments);
      if (problem) return `整改通知（${record.naturalKey}）的反馈${problem}`;
      return fromUnit ? unitFeedbackProblem(db, record) : null;
    },
  },
];
