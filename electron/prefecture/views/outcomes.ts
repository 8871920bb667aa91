// 各县绩效自评, 各县绩效评价, 各县结果应用 and 各县整改: what the counties' later stages brought up, a page at a
// time, each row with its state as the county left it and the package that brought it.
import type { Store } from '../../../db/open';
import { localDate } from '../../domain/clock';
import { noticeDaysOverdue, noticeNumber, RECTIFICATION_LABELS, RECTIFICATION_SOURCE_LABELS, type RectificationSource, type RectificationStatus } from '../../domain/rectification';
import type { CountyListInput } from '../contract';
import { countyScope, inCounties, pageOf, searchCondition, SOURCE_COLUMNS, sourceJoin, withSource, type CountyPage, type SourceColumns, type SourcePackage } from './scope';

/** The unit of a county's row by its code (units_natural_key). */
const unitOf = (alias: string, unitCode: string) => `LEFT JOIN units u ON u.region_code = ${alias}.region_code AND u.code = ${unitCode}`;

export interface CountySelfEvaluationRow {
  id: string;
  countyName: string;
  kind: 'project' | 'department';
  projectCode: string;
  projectName: string | null;
  unitName: string | null;
  status: string;
  totalScore: string | null;
  grade: string | null;
  source: SourcePackage | null;
}

export function countySelfEvaluations(store: Store, input: CountyListInput): CountyPage<CountySelfEvaluationRow> {
  const scope = countyScope(store, input);
  const from = `self_evaluations e LEFT JOIN projects p ON p.id = e.project_id ${unitOf('e', 'e.unit_code')}`;
  const where = `e.deleted = 0 AND ${inCounties('e')} AND e.year = @year ${searchCondition(input.search, ['e.project_code', 'p.name', 'u.name'])}`;
  return pageOf(
    scope,
    {
      count: `SELECT count(*) AS n FROM ${from} WHERE ${where}`,
      rows: `SELECT e.id, r.name AS countyName, e.kind, e.project_code AS projectCode, p.name AS projectName, u.name AS unitName, e.status,
                    e.total_score AS totalScore, e.grade, ${SOURCE_COLUMNS}
               FROM ${from} JOIN regions r ON r.code = e.region_code ${sourceJoin('e', 'self-evaluation')}
              WHERE ${where} ORDER BY e.region_code, e.kind DESC, e.unit_code, e.project_code`,
    },
    (raw: Omit<CountySelfEvaluationRow, 'source'> & SourceColumns) => withSource(raw),
  );
}

export interface CountyEvaluationRow {
  id: string;
  countyName: string;
  kind: 'department-evaluation' | 'finance-evaluation';
  subjectCode: string;
  /** The project's name, or the unit's for a 部门整体 evaluation. */
  name: string | null;
  unitName: string | null;
  status: string;
  totalScore: string | null;
  grade: string | null;
  source: SourcePackage | null;
}

export function countyEvaluations(store: Store, input: CountyListInput): CountyPage<CountyEvaluationRow> {
  const scope = countyScope(store, input);
  const from = `evaluations e LEFT JOIN projects p ON p.id = e.project_id ${unitOf('e', 'e.unit_code')}`;
  const where = `e.deleted = 0 AND ${inCounties('e')} AND e.year = @year ${searchCondition(input.search, ['e.subject_code', 'p.name', 'u.name'])}`;
  return pageOf(
    scope,
    {
      count: `SELECT count(*) AS n FROM ${from} WHERE ${where}`,
      rows: `SELECT e.id, r.name AS countyName, e.kind, e.subject_code AS subjectCode, coalesce(p.name, u.name) AS name, u.name AS unitName, e.status,
                    e.total_score AS totalScore, e.grade, ${SOURCE_COLUMNS}
               FROM ${from} JOIN regions r ON r.code = e.region_code ${sourceJoin('e', 'evaluation')}
              WHERE ${where} ORDER BY e.region_code, e.kind DESC, e.subject_code`,
    },
    (raw: Omit<CountyEvaluationRow, 'source'> & SourceColumns) => withSource(raw),
  );
}

export interface CountyResultRow {
  id: string;
  countyName: string;
  projectCode: string;
  projectName: string;
  unitName: string;
  grade: string;
  gradeSource: string;
  measureLabel: string;
  baseFen: number;
  proposedFen: number;
  /** The budget section's answer (null: not decided yet). */
  decision: string | null;
  decidedFen: number | null;
  source: SourcePackage | null;
}

/** The lines of the counties' 预算调整建议清单; the package is the one that brought the county's list. */
export function countyResults(store: Store, input: CountyListInput): CountyPage<CountyResultRow> {
  const scope = countyScope(store, input);
  const from = 'result_lists l JOIN result_proposals x ON x.list_id = l.id';
  const where = `l.deleted = 0 AND ${inCounties('l')} AND l.year = @year ${searchCondition(input.search, ['x.project_code', 'x.project_name', 'x.unit_name'])}`;
  return pageOf(
    scope,
    {
      count: `SELECT count(*) AS n FROM ${from} WHERE ${where}`,
      rows: `SELECT x.id, r.name AS countyName, x.project_code AS projectCode, x.project_name AS projectName, x.unit_name AS unitName, x.grade,
                    x.grade_source AS gradeSource, x.measure_label AS measureLabel, x.base_fen AS baseFen, x.proposed_fen AS proposedFen,
                    x.decision, x.decided_fen AS decidedFen, ${SOURCE_COLUMNS}
               FROM ${from} JOIN regions r ON r.code = l.region_code ${sourceJoin('l', 'results-list')}
              WHERE ${where} ORDER BY l.region_code, x.seq`,
    },
    (raw: Omit<CountyResultRow, 'source'> & SourceColumns) => withSource(raw),
  );
}

export interface CountyNoticeRow {
  id: string;
  countyName: string;
  number: string;
  /** Where the problem was found (the notice's own wording, else its kind of source). */
  sourceLabel: string;
  projectCode: string | null;
  projectName: string | null;
  unitName: string | null;
  deadline: string;
  status: RectificationStatus;
  statusLabel: string;
  daysOverdue: number;
  returns: number;
  source: SourcePackage | null;
}

type NoticeRaw = Omit<CountyNoticeRow, 'source' | 'number' | 'statusLabel' | 'daysOverdue'> & SourceColumns & { year: number; seq: number; kind: RectificationSource };

export function countyRectifications(store: Store, input: CountyListInput, today = localDate()): CountyPage<CountyNoticeRow> {
  const scope = countyScope(store, input);
  const from = `rectifications n LEFT JOIN projects p ON p.id = n.project_id ${unitOf('n', 'n.unit_code')}`;
  const where = `n.deleted = 0 AND ${inCounties('n')} AND n.year = @year ${searchCondition(input.search, ['p.code', 'p.name', 'u.name', 'n.problems'])}`;
  return pageOf(
    scope,
    {
      count: `SELECT count(*) AS n FROM ${from} WHERE ${where}`,
      rows: `SELECT n.id, r.name AS countyName, n.year, n.seq, n.source AS kind, n.source_label AS sourceLabel, p.code AS projectCode, p.name AS projectName,
                    u.name AS unitName, n.deadline, n.status, n.return_count AS returns, ${SOURCE_COLUMNS}
               FROM ${from} JOIN regions r ON r.code = n.region_code ${sourceJoin('n', 'rectification')}
              WHERE ${where} ORDER BY n.region_code, n.seq`,
    },
    ({ year, seq, kind, ...raw }: NoticeRaw) => ({
      ...withSource(raw),
      number: noticeNumber(year, seq),
      sourceLabel: raw.sourceLabel || RECTIFICATION_SOURCE_LABELS[kind],
      statusLabel: RECTIFICATION_LABELS[raw.status],
      daysOverdue: noticeDaysOverdue(raw.status, raw.deadline, today),
    }),
  );
}
