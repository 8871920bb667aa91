// 州级汇总 over the years: one measure of the dashboard for each county, year by year, over the years the
// prefecture holds (its counties' packages bring a year's projects). Each measure asks only the tallies it
// needs, so a trend over 9 counties × 5 years stays a few hundred indexed queries.
import type { Store } from '../../db/open';
import { localDate } from '../domain/clock';
import { monitoringTally } from '../monitoring';
import { countyProjectCount, projectYears } from '../projects';
import { overdueCount } from '../rectification';
import { selfEvaluationTally } from '../selfEvaluation';
import { projectTargetTally } from '../targets';
import { adoptionFigures, evaluationFigures, industryFigures, shareOf } from './countyFigures';
import { TREND_MEASURES, type TrendMeasure } from './contract';
import { prefectureCounties } from './dashboard';

/** How many years a trend looks back, the chosen one included: the five a prefecture keeps at hand. */
export const TREND_YEARS = 5;

interface MeasureSpec {
  label: string;
  unit: '%' | '个' | '份';
  /** The county's figure for the year as decimal text, or null when there is nothing to measure yet. */
  figure: (store: Store, county: string, year: number, today: string) => string | null;
}

const count = (n: number) => String(n);

export const TREND_MEASURE_SPECS: Record<TrendMeasure, MeasureSpec> = {
  targets: {
    label: '目标批复率',
    unit: '%',
    figure: (store, county, year) => shareOf(projectTargetTally(store.db, county, year).approved, countyProjectCount(store.db, county, year)),
  },
  monitoring: {
    label: '监控报送率',
    unit: '%',
    figure: (store, county, year) => {
      const tally = monitoringTally(store.db, county, year);
      return shareOf(tally.submitted, tally.sheets);
    },
  },
  redLights: {
    label: '最近一轮红灯项目',
    unit: '个',
    figure: (store, county, year) => {
      const round = monitoringTally(store.db, county, year).latestRound;
      return round ? count(round.lights.red) : null;
    },
  },
  selfEvaluation: {
    label: '自评覆盖率',
    unit: '%',
    figure: (store, county, year) => {
      const tally = selfEvaluationTally(store.db, county, year);
      return shareOf(tally.evaluated, tally.approvedTargets);
    },
  },
  evaluation: { label: '评价覆盖率（数量）', unit: '%', figure: (store, county, year) => evaluationFigures(store.db, county, year).countShare },
  adoption: {
    label: '结果应用建议采纳率',
    unit: '%',
    figure: (store, county, year) => adoptionFigures(store.db, county, year).percent,
  },
  overdue: { label: '逾期整改通知', unit: '份', figure: (store, county, year, today) => count(overdueCount(store.db, county, year, today)) },
  industry: { label: '衔接资金产业占比', unit: '%', figure: (store, county, year) => industryFigures(store.db, county, year).share },
};

export interface CountyTrend {
  measure: TrendMeasure;
  label: string;
  unit: string;
  /** Every measure the trend can show, for the page's choice. */
  measures: { value: TrendMeasure; label: string }[];
  /** Oldest first, ending at the chosen year. */
  years: number[];
  counties: { code: string; name: string; values: (string | null)[] }[];
}

/** The years a trend ending at `year` covers: those the prefecture holds data for, and `year` itself. */
export function trendYears(store: Store, year: number): number[] {
  const held = projectYears(store.db).filter((y) => y < year);
  return [...held.slice(0, TREND_YEARS - 1).reverse(), year];
}

export function countyTrend(store: Store, measure: TrendMeasure, year: number, today = localDate()): CountyTrend {
  const spec = TREND_MEASURE_SPECS[measure];
  const years = trendYears(store, year);
  return {
    measure,
    label: spec.label,
    unit: spec.unit,
    measures: Object.entries(TREND_MEASURE_SPECS).map(([value, s]) => ({ value: value as TrendMeasure, label: s.label })),
    years,
    counties: prefectureCounties(store).counties.map((county) => ({ ...county, values: years.map((y) => spec.figure(store, county.code, y, today)) })),
  };
}

/** The trend of every measure, for the dashboard's workbook. */
export const trendsOfEveryMeasure = (store: Store, year: number, today = localDate()): CountyTrend[] =>
  TREND_MEASURES.map((measure) => countyTrend(store, measure, year, today));
