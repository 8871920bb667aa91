// 州级汇总: one row per county of the prefecture for a year, from what its packages brought in.
import { and, eq } from 'drizzle-orm';
import type { Store } from '../../db/open';
import { regions } from '../../db/schema';
import { localDate } from '../domain/clock';
import { REVIEW_GRADES, type ReviewGrade } from '../domain/targets';
import { AppError } from '../errors';
import { packagesFrom, pendingDecisionCount } from '../exchange';
import { type LightCounts, monitoringTally } from '../monitoring';
import { countyProjectCount, projectYears } from '../projects';
import { overdueCount } from '../rectification';
import { requireInstallation } from '../registry';
import { selfEvaluationTally, type SelfEvaluationTally } from '../selfEvaluation';
import { projectTargetTally } from '../targets';
import { writeWorkbook, type SheetSpec } from '../xlsx/sheet';
import type { CountyTrend } from './dashboardTrend';
import {
  adoptionFigures,
  countyNotices,
  evaluationFigures,
  industryFigures,
  shareOf,
  type AdoptionFigures,
  type CountyNotice,
  type EvaluationFigures,
  type IndustryFigures,
} from './countyFigures';

export interface CountyRow {
  code: string;
  name: string;
  packagesReceived: number;
  lastReceivedAt: string | null;
  unacknowledged: number;
  projects: number;
  approvedTargets: number;
  pendingDecisions: number;
  monitoringSheets: number;
  monitoringSubmitted: number;
  /** Review grades (优/良/中/差) of the county's project targets; evaluation grades join when evaluations exist. */
  grades: Record<ReviewGrade, number>;
  /**
   * Project lights (domain.md §5) of the county's latest monitoring round of the year, and its sheets
   * with nothing reported (未填报, no light): the same counts as the county's own round report.
   */
  latestRound: { month: number; lights: LightCounts; unreported: number } | null;
  overdueRectifications: number;
  /** Self-evaluations of the county's approved project targets, and the grades of the approved ones. */
  selfEvaluation: SelfEvaluationTally;
  /** 部门评价 and 财政评价: coverage by number and amount, grades by kind. */
  evaluation: EvaluationFigures;
  /** The budget section's take on the county's results proposals. */
  adoption: AdoptionFigures;
  /** Every notice of the year with its status and days overdue; `accountable` of them are on the 问责 list. */
  notices: CountyNotice[];
  accountable: number;
  /** 衔接资金 allocated to 产业 against the policy aim. */
  industry: IndustryFigures;
  /** The coverages the charts draw, as exact percents (2 decimals); null with nothing to divide by. */
  coverage: { targets: string | null; monitoring: string | null; selfEvaluation: string | null; evaluation: string | null };
}

/** The county-level divisions under this prefecture, by code: the rows of every summary of its counties. */
export function prefectureCounties(store: Store) {
  const installation = requireInstallation(store.db);
  if (installation.role !== 'prefecture') throw new AppError('INVALID_INPUT', '汇总表只在州级财政局使用');
  const counties = store.db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.parentCode, installation.region.code), eq(regions.level, 'county')))
    .orderBy(regions.code)
    .all();
  return { prefecture: installation.region, counties };
}

/** One row per county of this prefecture, from each workflow's own tally of the county's year. */
export function prefectureDashboard(store: Store, year: number, today = localDate()): CountyRow[] {
  return prefectureCounties(store).counties.map((county) => {
    const packages = packagesFrom(store, county.code, year);
    const projects = countyProjectCount(store.db, county.code, year);
    const targets = projectTargetTally(store.db, county.code, year);
    const monitoring = monitoringTally(store.db, county.code, year);
    const selfEvaluation = selfEvaluationTally(store.db, county.code, year);
    const evaluation = evaluationFigures(store.db, county.code, year);
    const notices = countyNotices(store.db, county.code, year, today);
    return {
      code: county.code,
      name: county.name,
      packagesReceived: packages.received,
      lastReceivedAt: packages.lastReceivedAt,
      unacknowledged: packages.unacknowledged,
      projects,
      approvedTargets: targets.approved,
      pendingDecisions: pendingDecisionCount(store, county.code),
      monitoringSheets: monitoring.sheets,
      monitoringSubmitted: monitoring.submitted,
      grades: targets.grades,
      latestRound: monitoring.latestRound,
      overdueRectifications: overdueCount(store.db, county.code, year, today),
      selfEvaluation,
      evaluation,
      adoption: adoptionFigures(store.db, county.code, year),
      notices,
      accountable: notices.filter((n) => n.accountability.length > 0).length,
      industry: industryFigures(store.db, county.code, year),
      coverage: {
        targets: shareOf(targets.approved, projects),
        monitoring: shareOf(monitoring.submitted, monitoring.sheets),
        selfEvaluation: shareOf(selfEvaluation.evaluated, selfEvaluation.approvedTargets),
        evaluation: evaluation.countShare,
      },
    };
  });
}

/** The 州级汇总 page's one call: the year's rows, and the years the prefecture can choose from. */
export interface YearDashboard {
  year: number;
  /** Years the counties' packages brought projects for, and this calendar year; newest first. */
  years: number[];
  counties: CountyRow[];
}

/** The dashboard of `year`, by default the newest year a county reported projects for. */
export function yearDashboard(store: Store, year?: number, today = localDate()): YearDashboard {
  const held = projectYears(store.db);
  const thisYear = Number(today.slice(0, 4));
  const chosen = year ?? held[0] ?? thisYear;
  return { year: chosen, years: [...new Set([thisYear, chosen, ...held])].sort((a, b) => b - a), counties: prefectureDashboard(store, chosen, today) };
}

const shareCell = (share: string | null) => (share === null ? '—' : `${share}%`);
const gradeCell = (grades: Record<ReviewGrade, number>) => REVIEW_GRADES.map((g) => `${g} ${grades[g]}`).join('，');

/** A row per county and measure, a column per year: what the page's trend draws, for every measure. */
function trendSheet(trends: readonly CountyTrend[], year: number): SheetSpec {
  const years = trends[0]?.years ?? [year];
  return {
    name: years[0] === year ? `${year}年趋势` : `${years[0]}-${year}年趋势`,
    headers: ['区划代码', '县市', '指标', '单位', ...years.map((y) => `${y}年`)],
    rows: trends.flatMap((trend) => trend.counties.map((c) => [c.code, c.name, trend.label, trend.unit, ...c.values.map((v) => v ?? '—')])),
    widths: [10, 16, 20, 6, ...years.map(() => 10)],
  };
}

export function dashboardWorkbook(rows: readonly CountyRow[], year: number, trends: readonly CountyTrend[] = []): Uint8Array {
  return writeWorkbook([
    {
      name: `${year}年各县汇总`,
      headers: ['区划代码', '县市', '收到数据包', '最近接收', '未出回执', '项目数', '目标已批复', '待发送审核意见', '监控表', '监控已报送', '最近监控月份', '红灯', '黄灯', '绿灯', '蓝灯', '未填报', '目标审核优', '良', '中', '差', '逾期整改', '已自评', '自评已通过', '自评等级', '部门整体已自评', '已评价项目', '评价覆盖（数量）', '评价覆盖（金额）', '财政评价等级', '部门评价等级', '结果应用建议', '已决定', '建议采纳率', '问责清单', '产业资金占比', '政策要求'],
      rows: rows.map((r) => [
        r.code,
        r.name,
        r.packagesReceived,
        r.lastReceivedAt ?? '',
        r.unacknowledged,
        r.projects,
        r.approvedTargets,
        r.pendingDecisions,
        r.monitoringSheets,
        r.monitoringSubmitted,
        r.latestRound ? `${r.latestRound.month}月` : '',
        r.latestRound?.lights.red ?? '',
        r.latestRound?.lights.yellow ?? '',
        r.latestRound?.lights.green ?? '',
        r.latestRound?.lights.blue ?? '',
        r.latestRound?.unreported ?? '',
        ...REVIEW_GRADES.map((g) => r.grades[g]),
        r.overdueRectifications,
        r.selfEvaluation.evaluated,
        r.selfEvaluation.approved,
        r.selfEvaluation.grades.map((g) => `${g.grade} ${g.count}`).join('，'),
        `${r.selfEvaluation.department.evaluated} / ${r.selfEvaluation.department.approvedTargets}`,
        r.evaluation.evaluated,
        shareCell(r.evaluation.countShare),
        shareCell(r.evaluation.amountShare),
        gradeCell(r.evaluation.grades.finance),
        gradeCell(r.evaluation.grades.department),
        r.adoption.proposals,
        r.adoption.decided,
        r.adoption.share,
        r.accountable,
        shareCell(r.industry.share),
        `${r.industry.aim}%`,
      ]),
      widths: [10, 16, 10, 22, 10, 8, 10, 14, 8, 10, 12, 6, 6, 6, 6, 8, 10, 6, 6, 6, 10, 8, 10, 22, 14, 10, 16, 16, 22, 22, 12, 8, 12, 10, 14, 10],
    },
    ...(trends.length ? [trendSheet(trends, year)] : []),
  ]);
}
