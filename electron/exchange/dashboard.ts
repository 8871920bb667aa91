// 州级汇总: one row per county of the prefecture for a year, from what its packages brought in.
import { and, eq } from 'drizzle-orm';
import type { Store } from '../../db/open';
import { regions } from '../../db/schema';
import { localDate } from '../domain/clock';
import { REVIEW_GRADES, type ReviewGrade } from '../domain/targets';
import { type LightCounts, roundReport } from '../monitoring';
import { AppError } from '../errors';
import { requireInstallation } from '../registry';
import { writeWorkbook } from '../xlsx/sheet';

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
}

function gradeCounts(store: Store, county: string, year: number): CountyRow['grades'] {
  const rows = store.sqlite
    .prepare(
      "SELECT review_grade AS grade, count(*) AS n FROM targets WHERE region_code = ? AND year = ? AND kind = 'project' AND deleted = 0 AND review_grade IS NOT NULL GROUP BY review_grade",
    )
    .all(county, year) as { grade: ReviewGrade; n: number }[];
  const counts = Object.fromEntries(REVIEW_GRADES.map((g) => [g, 0])) as CountyRow['grades'];
  for (const { grade, n } of rows) counts[grade] = n;
  return counts;
}

function latestRound(store: Store, county: string, year: number): CountyRow['latestRound'] {
  const round = store.sqlite
    .prepare('SELECT id, month FROM monitoring_rounds WHERE region_code = ? AND year = ? AND deleted = 0 ORDER BY month DESC, seq DESC LIMIT 1')
    .get(county, year) as { id: string; month: number } | undefined;
  if (!round) return null;
  const { counts } = roundReport(store.db, round.id);
  return { month: round.month, lights: counts.project, unreported: counts.unreported };
}

/** Counts per county; SQL aggregates, one statement each, so a prefecture of many counties stays quick. */
export function prefectureDashboard(store: Store, year: number, today = localDate()): CountyRow[] {
  const installation = requireInstallation(store.db);
  if (installation.role !== 'prefecture') throw new AppError('INVALID_INPUT', '汇总表只在州级财政局使用');
  const counties = store.db
    .select()
    .from(regions)
    .where(and(eq(regions.parentCode, installation.region.code), eq(regions.level, 'county')))
    .orderBy(regions.code)
    .all();
  const one = (sql: string, ...params: unknown[]) => (store.sqlite.prepare(sql).get(...params) as { n: number | null; at?: string | null }) ?? { n: 0 };
  return counties.map((county) => {
    const received = one("SELECT count(*) AS n, max(recorded_at) AS at FROM exchange_packages WHERE direction = 'in' AND sender = ? AND year = ?", county.code, year);
    return {
      code: county.code,
      name: county.name,
      packagesReceived: received.n ?? 0,
      lastReceivedAt: received.at ?? null,
      unacknowledged: one(
        "SELECT count(*) AS n FROM exchange_packages WHERE direction = 'in' AND sender = ? AND year = ? AND kind != 'receipt' AND state = 'imported'",
        county.code,
        year,
      ).n ?? 0,
      projects: one('SELECT count(*) AS n FROM projects WHERE region_code = ? AND year = ? AND deleted = 0', county.code, year).n ?? 0,
      approvedTargets: one(
        "SELECT count(*) AS n FROM targets WHERE region_code = ? AND year = ? AND kind = 'project' AND status = 'approved' AND deleted = 0",
        county.code,
        year,
      ).n ?? 0,
      pendingDecisions: one('SELECT count(*) AS n FROM exchange_decisions WHERE peer = ? AND package_id IS NULL', county.code).n ?? 0,
      monitoringSheets: one(
        'SELECT count(*) AS n FROM monitoring_sheets s JOIN monitoring_rounds r ON r.id = s.round_id WHERE r.region_code = ? AND r.year = ? AND s.deleted = 0',
        county.code,
        year,
      ).n ?? 0,
      monitoringSubmitted: one(
        "SELECT count(*) AS n FROM monitoring_sheets s JOIN monitoring_rounds r ON r.id = s.round_id WHERE r.region_code = ? AND r.year = ? AND s.deleted = 0 AND s.status IN ('submitted', 'approved')",
        county.code,
        year,
      ).n ?? 0,
      grades: gradeCounts(store, county.code, year),
      latestRound: latestRound(store, county.code, year),
      overdueRectifications: one(
        "SELECT count(*) AS n FROM rectifications WHERE region_code = ? AND year = ? AND deleted = 0 AND status != 'passed' AND deadline < ?",
        county.code,
        year,
        today,
      ).n ?? 0,
    };
  });
}

export function dashboardWorkbook(rows: readonly CountyRow[], year: number): Uint8Array {
  return writeWorkbook([
    {
      name: `${year}年各县汇总`,
      headers: ['区划代码', '县市', '收到数据包', '最近接收', '未出回执', '项目数', '目标已批复', '待发送审核意见', '监控表', '监控已报送', '最近监控月份', '红灯', '黄灯', '绿灯', '蓝灯', '未填报', '目标审核优', '良', '中', '差', '逾期整改'],
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
      ]),
      widths: [10, 16, 10, 22, 10, 8, 10, 14, 8, 10, 12, 6, 6, 6, 6, 8, 10, 6, 6, 6, 10],
    },
  ]);
}
