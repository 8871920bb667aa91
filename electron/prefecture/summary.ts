// The year's 汇总表 the prefecture sends up to the 自治区财政厅: its counties' targets, monitoring and
// evaluation, one sheet each, a row per county and a 合计 row. Counts and money add up; a ratio of the
// 合计 row is taken from its sums, never summed or averaged; money is 万元 with two decimals, each rounded
// from the exact 分 (the 合计 too, from the exact sum, as a total score is rounded from its unrounded parts).
import type { Store } from '../../db/open';
import { executionRate } from '../domain/monitoring';
import { formatWanYuan, type Fen } from '../domain/money';
import { percent } from '../domain/ratio';
import { REVIEW_GRADES, type ReviewGrade } from '../domain/targets';
import { monitoringTally, type LightCounts } from '../monitoring';
import { countyProjectCount } from '../projects';
import { selfEvaluationTally } from '../selfEvaluation';
import { projectTargetTally } from '../targets';
import { writeFormWorkbook, type FormCell, type FormColumn, type FormSheet } from '../xlsx/form';
import { approvedTargetFen, evaluationFigures, shareOf } from './countyFigures';
import { prefectureCounties } from './dashboard';

type Grades = Record<ReviewGrade, number>;

export interface TargetSummary {
  projects: number;
  projectFen: Fen;
  approved: number;
  approvedFen: Fen;
  grades: Grades;
  departmentApproved: number;
}

export interface MonitoringSummary {
  sheets: number;
  submitted: number;
  /** The latest round of the year; none yet is a row of zeros with no month. */
  month: number | null;
  adjustedFen: Fen;
  executedFen: Fen;
  lights: Omit<LightCounts, 'none'>;
  unreported: number;
}

export interface EvaluationSummary {
  approvedTargets: number;
  selfEvaluated: number;
  selfApproved: number;
  /** Approved self-evaluations by grade label (the prefecture's labels, 优/良/中/差 by default). */
  selfGrades: Record<string, number>;
  projects: number;
  projectFen: Fen;
  evaluated: number;
  evaluatedFen: Fen;
  finance: Grades;
  department: Grades;
}

export interface SummaryRow {
  code: string;
  name: string;
  targets: TargetSummary;
  monitoring: MonitoringSummary;
  evaluation: EvaluationSummary;
}

export interface PrefectureSummary {
  prefectureName: string;
  year: number;
  /** The self-evaluation grade labels, in order, that every row counts. */
  selfGradeLabels: string[];
  counties: SummaryRow[];
  total: Omit<SummaryRow, 'code' | 'name'>;
}

function countySummary(store: Store, code: string, name: string, year: number): SummaryRow {
  const targets = projectTargetTally(store.db, code, year);
  const monitoring = monitoringTally(store.db, code, year);
  const self = selfEvaluationTally(store.db, code, year);
  const evaluation = evaluationFigures(store.db, code, year);
  const round = monitoring.latestRound;
  return {
    code,
    name,
    targets: {
      projects: countyProjectCount(store.db, code, year),
      projectFen: evaluation.projectFen,
      approved: targets.approved,
      approvedFen: approvedTargetFen(store.db, code, year),
      grades: targets.grades,
      departmentApproved: self.department.approvedTargets,
    },
    monitoring: {
      sheets: monitoring.sheets,
      submitted: monitoring.submitted,
      month: round?.month ?? null,
      adjustedFen: round?.adjustedFen ?? 0,
      executedFen: round?.executedFen ?? 0,
      lights: { red: round?.lights.red ?? 0, yellow: round?.lights.yellow ?? 0, green: round?.lights.green ?? 0, blue: round?.lights.blue ?? 0 },
      unreported: round?.unreported ?? 0,
    },
    evaluation: {
      approvedTargets: self.approvedTargets,
      selfEvaluated: self.evaluated,
      selfApproved: self.approved,
      selfGrades: Object.fromEntries(self.grades.map((g) => [g.grade, g.count])),
      projects: evaluation.projects,
      projectFen: evaluation.projectFen,
      evaluated: evaluation.evaluated,
      evaluatedFen: evaluation.evaluatedFen,
      finance: evaluation.grades.finance,
      department: evaluation.grades.department,
    },
  };
}

/** Adds every number of `rows` field by field, at any depth; the 合计 has no month of its own. */
function sumOf<T>(rows: readonly T[], zero: T): T {
  const add = (a: unknown, b: unknown): unknown => {
    if (typeof a === 'number' && typeof b === 'number') return a + b;
    if (a && typeof a === 'object') return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, add(v, (b as Record<string, unknown> | null)?.[k] ?? 0)]));
    return a;
  };
  return rows.reduce<T>((total, row) => add(total, row) as T, zero);
}

const noGrades = (): Grades => ({ 优: 0, 良: 0, 中: 0, 差: 0 });

export function prefectureSummary(store: Store, year: number): PrefectureSummary {
  const { prefecture, counties } = prefectureCounties(store);
  const rows = counties.map((c) => countySummary(store, c.code, c.name, year));
  // A county that sent other grade names still shows them, after the prefecture's own.
  const selfGradeLabels = [...new Set(rows.flatMap((r) => Object.keys(r.evaluation.selfGrades)))];
  for (const row of rows) row.evaluation.selfGrades = Object.fromEntries(selfGradeLabels.map((g) => [g, row.evaluation.selfGrades[g] ?? 0]));
  const zero: PrefectureSummary['total'] = {
    targets: { projects: 0, projectFen: 0, approved: 0, approvedFen: 0, grades: noGrades(), departmentApproved: 0 },
    monitoring: { sheets: 0, submitted: 0, month: null, adjustedFen: 0, executedFen: 0, lights: { red: 0, yellow: 0, green: 0, blue: 0 }, unreported: 0 },
    evaluation: {
      approvedTargets: 0, selfEvaluated: 0, selfApproved: 0, selfGrades: Object.fromEntries(selfGradeLabels.map((g) => [g, 0])),
      projects: 0, projectFen: 0, evaluated: 0, evaluatedFen: 0, finance: noGrades(), department: noGrades(),
    },
  };
  return { prefectureName: prefecture.name, year, selfGradeLabels, counties: rows, total: sumOf(rows, zero) };
}

const MONEY = '0.00';
const wan = (fen: Fen): FormCell => ({ decimal: formatWanYuan(fen, { grouping: false, decimals: 2 }), format: MONEY });
const rate = (share: string | null): FormCell => (share === null ? '—' : { decimal: share, format: MONEY });

type Line = Omit<SummaryRow, 'code' | 'name'> & { code: string; name: string };

interface SummaryTable {
  name: string;
  columns: FormColumn[];
  cells: (line: Line) => FormCell[];
}

const place: FormColumn[] = [
  { header: '区划代码', width: 10 },
  { header: '县市', width: 14 },
];
const gradeColumns = (group: string, labels: readonly string[]): FormColumn[] => labels.map((header) => ({ header, group, width: 6 }));

function summaryTables(selfGradeLabels: readonly string[]): SummaryTable[] {
  return [
    {
      name: '绩效目标汇总表',
      columns: [
        ...place,
        { header: '项目数', width: 8 },
        { header: '项目资金', width: 14 },
        { header: '项目数', group: '绩效目标已批复', width: 8 },
        { header: '资金', group: '绩效目标已批复', width: 14 },
        { header: '批复率（%）', group: '绩效目标已批复', width: 11 },
        ...gradeColumns('目标审核等级', REVIEW_GRADES),
        { header: '部门整体目标已批复（个单位）', width: 14 },
      ],
      cells: ({ code, name, targets: t }) => [
        code, name, t.projects, wan(t.projectFen), t.approved, wan(t.approvedFen), rate(shareOf(t.approved, t.projects)), ...REVIEW_GRADES.map((g) => t.grades[g]), t.departmentApproved,
      ],
    },
    {
      name: '绩效监控汇总表',
      columns: [
        ...place,
        { header: '监控表', width: 8 },
        { header: '已报送', width: 8 },
        { header: '报送率（%）', width: 11 },
        { header: '月份', group: '最近一轮监控', width: 6 },
        { header: '调整后预算', group: '最近一轮监控', width: 14 },
        { header: '执行数', group: '最近一轮监控', width: 14 },
        { header: '执行率（%）', group: '最近一轮监控', width: 11 },
        { header: '红灯', group: '最近一轮项目灯', width: 6 },
        { header: '黄灯', group: '最近一轮项目灯', width: 6 },
        { header: '绿灯', group: '最近一轮项目灯', width: 6 },
        { header: '蓝灯', group: '最近一轮项目灯', width: 6 },
        { header: '未填报', group: '最近一轮项目灯', width: 8 },
      ],
      cells: ({ code, name, monitoring: m }) => [
        code, name, m.sheets, m.submitted, rate(shareOf(m.submitted, m.sheets)),
        m.month === null ? '' : `${m.month}月`, wan(m.adjustedFen), wan(m.executedFen),
        rate(m.adjustedFen === 0 ? null : percent(executionRate(m.executedFen, m.adjustedFen).rate)),
        m.lights.red, m.lights.yellow, m.lights.green, m.lights.blue, m.unreported,
      ],
    },
    {
      name: '绩效评价汇总表',
      columns: [
        ...place,
        { header: '目标已批复项目', group: '项目支出绩效自评', width: 10 },
        { header: '已自评', group: '项目支出绩效自评', width: 8 },
        { header: '自评覆盖率（%）', group: '项目支出绩效自评', width: 11 },
        { header: '自评已通过', group: '项目支出绩效自评', width: 9 },
        ...gradeColumns('自评等级', selfGradeLabels),
        { header: '项目数', group: '部门评价和财政评价', width: 8 },
        { header: '已评价项目', group: '部门评价和财政评价', width: 9 },
        { header: '覆盖率（数量，%）', group: '部门评价和财政评价', width: 11 },
        { header: '项目资金', group: '部门评价和财政评价', width: 14 },
        { header: '已评价资金', group: '部门评价和财政评价', width: 14 },
        { header: '覆盖率（金额，%）', group: '部门评价和财政评价', width: 11 },
        ...gradeColumns('财政评价等级', REVIEW_GRADES),
        ...gradeColumns('部门评价等级', REVIEW_GRADES),
      ],
      cells: ({ code, name, evaluation: e }) => [
        code, name, e.approvedTargets, e.selfEvaluated, rate(shareOf(e.selfEvaluated, e.approvedTargets)), e.selfApproved,
        ...selfGradeLabels.map((g) => e.selfGrades[g] ?? 0),
        e.projects, e.evaluated, rate(shareOf(e.evaluated, e.projects)), wan(e.projectFen), wan(e.evaluatedFen), rate(shareOf(e.evaluatedFen, e.projectFen)),
        ...REVIEW_GRADES.map((g) => e.finance[g]), ...REVIEW_GRADES.map((g) => e.department[g]),
      ],
    },
  ];
}

export function summaryWorkbook(summary: PrefectureSummary): Uint8Array {
  const lines: Line[] = [...summary.counties, { code: '', name: '合计', ...summary.total }];
  const sheets: FormSheet[] = summaryTables(summary.selfGradeLabels).map((table) => ({
    name: table.name,
    title: `${summary.prefectureName}${summary.year}年度${table.name}`,
    note: '金额单位：万元',
    columns: table.columns,
    rows: lines.map(table.cells),
  }));
  return writeFormWorkbook(sheets);
}

export const summaryFileName = (summary: PrefectureSummary) => `${summary.prefectureName}${summary.year}年度绩效汇总表.xlsx`;
