// The round report for the leadership: counts by light, execution rate against time progress by unit,
// and the red projects with their reasons and measures; printable in the app and exportable to xlsx.
import { sqliteOf, type Db } from '../../db/open';
import { formatWanYuan } from '../domain/money';
import { budgetLight, executionRate, fundTotals, LIGHT_LABELS, LIGHTS, projectLight, sheetReported, sheetRules, type Light } from '../domain/monitoring';
import { percent } from '../domain/ratio';
import { writeWorkbook } from '../xlsx/sheet';
import { explanations } from './boards';
import { listDepartmentSheets } from './departmentSheets';
import { getRound, type RoundSummary } from './rounds';
import { assessRecord, figuresOf, judgedBySheet, loadSheets, requireRound, roundRuleSettings, type IndicatorValues } from './store';

export type LightCounts = Record<Light, number>;
export interface RoundLightCounts {
  budget: LightCounts;
  project: LightCounts;
  unreported: number;
}

export interface UnitExecution {
  unitCode: string;
  unitName: string;
  sheets: number;
  adjustedFen: number;
  executedFen: number;
  executionRate: string;
  /** The unit's budget light on the totals of its reported sheets; none while it has reported nothing. */
  budgetLight: Light;
  red: number;
  yellow: number;
  /** Sheets with nothing reported yet (未填报). */
  unreported: number;
}

export interface RedProject {
  sheetId: string;
  projectCode: string;
  projectName: string;
  unitName: string;
  executionRate: string;
  budgetLight: Light;
  projectLight: Light;
  /** The red indicators, by name. */
  indicators: string[];
  reasons: string[];
  measures: string[];
}

export interface RoundReport {
  round: RoundSummary;
  timeProgress: string;
  /** Lights of the reported sheets; 未填报 sheets are counted apart and have no light. */
  counts: RoundLightCounts;
  /** The same of the round's 部门整体 sheets, counted apart from the projects'. */
  department: { sheets: number; counts: RoundLightCounts };
  totals: { sheets: number; adjustedFen: number; executedFen: number; executionRate: string };
  units: UnitExecution[];
  red: RedProject[];
}

const zeroCounts = (): LightCounts => Object.fromEntries(LIGHTS.map((l) => [l, 0])) as LightCounts;
const rateText = (executed: number, adjusted: number) => percent(executionRate(executed, adjusted).rate);

/** The lights of a round's 部门整体 sheets, 未填报 apart, by the same rules as its project sheets. */
function departmentLights(db: Db, roundId: string): RoundReport['department'] {
  const counts: RoundLightCounts = { budget: zeroCounts(), project: zeroCounts(), unreported: 0 };
  const sheets = listDepartmentSheets(db, roundId);
  for (const sheet of sheets) {
    if (!sheet.reported) {
      counts.unreported++;
      continue;
    }
    counts.budget[sheet.budgetLight]++;
    counts.project[sheet.projectLight]++;
  }
  return { sheets: sheets.length, counts };
}

export function roundReport(db: Db, roundId: string): RoundReport {
  const round = requireRound(db, roundId);
  const settings = roundRuleSettings(db, round);
  const rules = sheetRules(settings);
  const counts = { budget: zeroCounts(), project: zeroCounts(), unreported: 0 };
  const units = new Map<string, UnitExecution & { reportedFen: { adjustedFen: number; executedFen: number } }>();
  const red: RedProject[] = [];
  const records = loadSheets(db, roundId);
  for (const record of records) {
    const assessment = assessRecord(record, settings);
    const figures = figuresOf(record, assessment);
    const { unitCode, unitName } = record.project;
    const unit = units.get(unitCode) ?? {
      unitCode, unitName, sheets: 0, adjustedFen: 0, executedFen: 0, executionRate: '', budgetLight: 'none', red: 0, yellow: 0, unreported: 0,
      reportedFen: { adjustedFen: 0, executedFen: 0 },
    };
    units.set(unitCode, unit);
    unit.sheets++;
    unit.adjustedFen += figures.adjustedFen;
    unit.executedFen += figures.executedFen;
    if (!figures.reported) {
      counts.unreported++;
      unit.unreported++;
      continue;
    }
    counts.budget[figures.budgetLight]++;
    counts.project[figures.projectLight]++;
    unit.reportedFen.adjustedFen += figures.adjustedFen;
    unit.reportedFen.executedFen += figures.executedFen;
    if (figures.attention === 'red') unit.red++;
    if (figures.attention === 'yellow') unit.yellow++;
    if (figures.attention !== 'red') continue;
    const lights = assessment.indicators.map((i) => i.light);
    red.push({
      sheetId: record.id,
      projectCode: record.project.code,
      projectName: record.project.name,
      unitName,
      executionRate: figures.executionRate,
      budgetLight: figures.budgetLight,
      projectLight: figures.projectLight,
      indicators: record.indicators.filter((_, i) => lights[i] === 'red').map((i) => i.name),
      ...explanations(record, lights, assessment.budgetLight),
    });
  }
  for (const unit of units.values()) {
    unit.executionRate = rateText(unit.executedFen, unit.adjustedFen);
    // A unit's light judges what it has reported: sheets nobody has filled yet are not behind, only missing.
    const reported = unit.reportedFen;
    unit.budgetLight = unit.sheets === unit.unreported ? 'none' : budgetLight(executionRate(reported.executedFen, reported.adjustedFen).rate, rules.progress, rules.thresholds);
  }
  const { adjustedFen, executedFen } = fundTotals(records.flatMap((r) => r.funds));
  const totals = { adjustedFen, executedFen };
  return {
    round: getRound(db, roundId),
    timeProgress: percent(rules.progress),
    counts,
    department: departmentLights(db, roundId),
    totals: { sheets: records.length, ...totals, executionRate: rateText(totals.executedFen, totals.adjustedFen) },
    units: [...units.values()].map(({ reportedFen: _reported, ...unit }) => unit),
    red,
  };
}

export interface RoundLights {
  /** Project lights of the reported sheets, and the sheets with nothing reported (未填报). */
  lights: LightCounts;
  unreported: number;
  adjustedFen: number;
  executedFen: number;
}

/**
 * The project lights and budget totals of rounds as their reports count them, without loading the
 * reports: the prefecture counts 27 rounds of 1,200 sheets on one screen. Only what the project light
 * and 未填报 depend on is read (a sheet's fund totals and its indicators' values), and an indicator's light
 * depends on nothing else but the rules of the round's month, so each distinct value is judged once a month.
 */
export function roundLightCounts(db: Db, roundIds: readonly string[]): Map<string, RoundLights> {
  const sqlite = sqliteOf(db);
  // Rows as arrays (raw): at 220,000 indicator rows, building an object per row costs more than the read.
  const sheets = sqlite
    .prepare(
      `SELECT s.id, s.submitted_at IS NOT NULL, coalesce(sum(f.adjusted_fen), 0), coalesce(sum(f.executed_fen), 0)
         FROM monitoring_sheets s JOIN projects p ON p.id = s.project_id LEFT JOIN monitoring_funds f ON f.sheet_id = s.id
        WHERE s.round_id = ? AND s.deleted = 0 GROUP BY s.id`,
    )
    .raw();
  const indicators = sqlite
    .prepare(
      `SELECT i.sheet_id, i.operator, i.target_value, i.accrual, coalesce(i.reached, '')
         FROM monitoring_sheets s JOIN monitoring_indicators i ON i.sheet_id = s.id WHERE s.round_id = ? AND s.deleted = 0`,
    )
    .raw();
  const counted = new Map<string, RoundLights>();
  // Rounds of the same year and month judge by the same rules (the settings are the installation's).
  const judgedByMonth = new Map<string, Map<string, Light>>();
  for (const roundId of roundIds) {
    const settings = roundRuleSettings(db, requireRound(db, roundId));
    const rules = sheetRules(settings);
    const month = `${settings.year}-${settings.month}`;
    const judged = judgedByMonth.get(month) ?? new Map<string, Light>();
    judgedByMonth.set(month, judged);
    const bySheet = judgedBySheet(indicators.all(roundId) as IndicatorValues[], rules, judged);
    const round: RoundLights = { lights: zeroCounts(), unreported: 0, adjustedFen: 0, executedFen: 0 };
    for (const [id, submitted, adjustedFen, executedFen] of sheets.all(roundId) as [string, number, number, number][]) {
      round.adjustedFen += adjustedFen;
      round.executedFen += executedFen;
      const judgedIndicators = bySheet.get(id) ?? [];
      const reported = sheetReported({ submitted: submitted === 1, funds: [{ source: '', adjustedFen, executedFen }], indicators: judgedIndicators });
      if (reported) round.lights[projectLight(judgedIndicators.map((i) => i.light))]++;
      else round.unreported++;
    }
    counted.set(roundId, round);
  }
  return counted;
}

const LIGHT_ORDER: Light[] = ['red', 'yellow', 'green', 'blue', 'none'];
const wan = (fen: number) => formatWanYuan(fen, { grouping: false });

const departmentLightRows = ({ sheets, counts }: RoundReport['department']) => [
  ['部门整体 预算执行', ...LIGHT_ORDER.map((l) => counts.budget[l]), counts.unreported, sheets],
  ['部门整体 绩效目标', ...LIGHT_ORDER.map((l) => counts.project[l]), counts.unreported, sheets],
];

export function roundReportWorkbook(report: RoundReport): Uint8Array {
  return writeWorkbook([
    {
      name: '灯色统计',
      headers: ['项目', ...LIGHT_ORDER.map((l) => LIGHT_LABELS[l]), '未填报', '合计'],
      rows: [
        ['预算执行', ...LIGHT_ORDER.map((l) => report.counts.budget[l]), report.counts.unreported, report.totals.sheets],
        ['绩效目标', ...LIGHT_ORDER.map((l) => report.counts.project[l]), report.counts.unreported, report.totals.sheets],
        ...(report.department.sheets > 0 ? departmentLightRows(report.department) : []),
        [],
        ['序时进度（%）', report.timeProgress],
        ['调整后预算（万元）', wan(report.totals.adjustedFen)],
        ['执行数（万元）', wan(report.totals.executedFen)],
        ['预算执行率（%）', report.totals.executionRate],
      ],
      widths: [20, 10, 10, 10, 10, 10, 10, 10],
    },
    {
      name: '单位执行情况',
      headers: ['单位编码', '单位名称', '项目数', '调整后预算（万元）', '执行数（万元）', '执行率（%）', '序时进度（%）', '执行灯', '红灯项目', '黄灯项目', '未填报'],
      rows: report.units.map((u) => [
        u.unitCode, u.unitName, u.sheets, wan(u.adjustedFen), wan(u.executedFen), u.executionRate, report.timeProgress, LIGHT_LABELS[u.budgetLight], u.red, u.yellow, u.unreported,
      ]),
      widths: [12, 28, 8, 18, 16, 12, 12, 8, 10, 10, 8],
    },
    {
      name: '红灯项目',
      headers: ['项目编码', '项目名称', '实施单位', '执行率（%）', '预算执行', '绩效目标', '红灯指标', '偏差原因', '纠偏措施'],
      rows: report.red.map((r) => [
        r.projectCode, r.projectName, r.unitName, r.executionRate, LIGHT_LABELS[r.budgetLight], LIGHT_LABELS[r.projectLight], r.indicators.join('、'), r.reasons.join('；'), r.measures.join('；'),
      ]),
      widths: [16, 28, 24, 10, 10, 10, 24, 36, 40],
    },
  ]);
}

export interface MonitoringTally {
  /** Live sheets of the region's rounds of the year, and those submitted or approved. */
  sheets: number;
  submitted: number;
  /**
   * Project lights (domain.md §5) of the latest round of the year, and its sheets with nothing reported
   * (未填报, no light): the same counts as the round's own report, with its budgets and execution.
   */
  latestRound: { month: number; lights: LightCounts; unreported: number; adjustedFen: number; executedFen: number } | null;
}

/** A region's monitoring of a year at a glance, for the prefecture's summary of its counties. */
export function monitoringTally(db: Db, region: string, year: number): MonitoringTally {
  const sqlite = sqliteOf(db);
  const sheets = (statusIn: string) =>
    (
      sqlite
        .prepare(`SELECT count(*) AS n FROM monitoring_sheets s JOIN monitoring_rounds r ON r.id = s.round_id WHERE r.region_code = ? AND r.year = ? AND s.deleted = 0 ${statusIn}`)
        .get(region, year) as { n: number }
    ).n;
  const round = sqlite
    .prepare('SELECT id, month FROM monitoring_rounds WHERE region_code = ? AND year = ? AND deleted = 0 ORDER BY month DESC, seq DESC LIMIT 1')
    .get(region, year) as { id: string; month: number } | undefined;
  const latest = round ? roundLightCounts(db, [round.id]).get(round.id)! : null;
  return {
    sheets: sheets(''),
    submitted: sheets("AND s.status IN ('submitted', 'approved')"),
    latestRound: round && latest ? { month: round.month, ...latest } : null,
  };
}
