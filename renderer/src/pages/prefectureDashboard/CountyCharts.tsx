// The year's figures per county as charts (@mantine/charts on recharts): coverage bars side by side, the
// latest round's project lights stacked, and the grades of one kind stacked. They draw the exact percents
// and counts the service computed; nothing here decides a rule.
import { BarChart, type BarChartSeries } from '@mantine/charts';
import { SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { REVIEW_GRADES } from '../../../../electron/domain/targets';
import type { CountyRow } from '../../../../electron/prefecture/contract';
import { GRADE_COLORS } from './GradeCounts';
import classes from './dashboard.module.css';

/** Each chart with its title, as one block that prints whole. */
export function ChartBlock({ title, label, note, children, controls }: { title: string; label: string; note?: string; children: ReactNode; controls?: ReactNode }) {
  return (
    <Stack gap={6} className={`${classes.section} ${classes.printColors}`}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {controls}
      <div role="img" aria-label={label} className={classes.chart}>
        {children}
      </div>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Stack>
  );
}

/** Above the chart, in the series' own order (recharts sorts legend items by name unless told not to). */
export const LEGEND = { verticalAlign: 'top', height: 36, itemSorter: null } as const;

const percentOf = (share: string | null) => (share === null ? null : Number(share));
const asPercent = (value: number) => `${value.toFixed(2)}%`;

const COVERAGE_SERIES = [
  { name: 'targets', label: '目标批复率', color: 'blue.6' },
  { name: 'monitoring', label: '监控报送率', color: 'cyan.6' },
  { name: 'selfEvaluation', label: '自评覆盖率', color: 'teal.6' },
  { name: 'evaluation', label: '评价覆盖率', color: 'grape.6' },
] as const;

function CoverageChart({ rows }: { rows: readonly CountyRow[] }) {
  const data = rows.map((r) => ({ county: r.name, ...Object.fromEntries(COVERAGE_SERIES.map((s) => [s.name, percentOf(r.coverage[s.name])])) }));
  return (
    <ChartBlock
      title="各县覆盖情况"
      label="各县覆盖情况柱状图"
      note="目标批复率：已批复项目目标 / 项目数；监控报送率：已报送的监控表 / 监控表；自评覆盖率：已自评 / 目标已批复项目；评价覆盖率：有审核通过的部门或财政评价的项目 / 项目数。无可计算的县市不画柱。"
    >
      <BarChart
        h={280}
        data={data}
        dataKey="county"
        series={COVERAGE_SERIES.map((s) => ({ ...s }))}
        withLegend
        legendProps={LEGEND}
        valueFormatter={asPercent}
        yAxisProps={{ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100], tickFormatter: (t: number) => `${t}%` }}
        xAxisProps={{ interval: 0 }}
        maxBarWidth={18}
        tooltipAnimationDuration={0}
        barProps={{ isAnimationActive: false }}
      />
    </ChartBlock>
  );
}

/** Room for the longest county name (焉耆回族自治县) beside horizontal bars. */
const COUNTY_AXIS_WIDTH = 112;

/** Counts stacked in one horizontal bar per county, a county per row. */
function StackedByCounty({ data, series }: { data: Record<string, unknown>[]; series: BarChartSeries[] }) {
  return (
    <BarChart
      h={300}
      data={data}
      dataKey="county"
      type="stacked"
      orientation="vertical"
      series={series}
      withLegend
      legendProps={LEGEND}
      yAxisProps={{ width: COUNTY_AXIS_WIDTH, interval: 0 }}
      xAxisProps={{ allowDecimals: false }}
      maxBarWidth={20}
      tooltipAnimationDuration={0}
      barProps={{ isAnimationActive: false }}
    />
  );
}

const LIGHT_SERIES = [
  { name: 'red', label: '红灯', color: 'red.6' },
  { name: 'yellow', label: '黄灯', color: 'yellow.5' },
  { name: 'green', label: '绿灯', color: 'green.6' },
  { name: 'blue', label: '蓝灯', color: 'blue.6' },
  { name: 'none', label: '无灯', color: 'gray.6' },
  { name: 'unreported', label: '未填报', color: 'gray.4' },
] as const;

function LightsChart({ rows }: { rows: readonly CountyRow[] }) {
  const data = rows.map((r) => ({ county: r.name, ...(r.latestRound ? { ...r.latestRound.lights, unreported: r.latestRound.unreported } : {}) }));
  return (
    <ChartBlock title="最近一轮监控项目灯" label="各县最近一轮监控项目灯堆积图" note="每县本年度最后一个监控轮次中各项目的项目灯；已填报但没有可判断指标的项目计为“无灯”，尚无任何填报的监控表计为“未填报”。未开展监控的县市无柱。">
      <StackedByCounty data={data} series={LIGHT_SERIES.map((s) => ({ ...s }))} />
    </ChartBlock>
  );
}

const GRADE_KINDS = [
  { value: 'targets', label: '目标审核' },
  { value: 'selfEvaluation', label: '项目自评' },
  { value: 'finance', label: '财政评价' },
  { value: 'department', label: '部门评价' },
] as const;
type GradeKind = (typeof GRADE_KINDS)[number]['value'];

/** The grade counts of one kind for a county, by grade label. */
function gradesOf(row: CountyRow, kind: GradeKind): Record<string, number> {
  if (kind === 'targets') return row.grades;
  if (kind === 'selfEvaluation') return Object.fromEntries(row.selfEvaluation.grades.map((g) => [g.grade, g.count]));
  return row.evaluation.grades[kind];
}

const OTHER_GRADE_COLORS = ['gray.6', 'violet.6', 'pink.6'];

function GradesChart({ rows }: { rows: readonly CountyRow[] }) {
  const [kind, setKind] = useState<GradeKind>('targets');
  const labels = kind === 'selfEvaluation' ? [...new Set(rows.flatMap((r) => r.selfEvaluation.grades.map((g) => g.grade)))] : [...REVIEW_GRADES];
  const data = rows.map((r) => ({ county: r.name, ...gradesOf(r, kind) }));
  const kindLabel = GRADE_KINDS.find((k) => k.value === kind)!.label;
  return (
    <ChartBlock
      title={`等级分布：${kindLabel}`}
      label={`各县${kindLabel}等级堆积图`}
      note="目标审核：县级对项目目标的审核等级；项目自评：审核通过的项目自评表等级；财政评价、部门评价：审核通过的评价等级。"
      controls={
        <SegmentedControl size="xs" className="no-print" value={kind} onChange={(v) => setKind(v as GradeKind)} data={GRADE_KINDS.map((k) => ({ ...k }))} aria-label="等级种类" />
      }
    >
      <StackedByCounty
        data={data}
        series={labels.map((grade, i) => ({ name: grade, label: grade, color: GRADE_COLORS[grade as keyof typeof GRADE_COLORS] ?? OTHER_GRADE_COLORS[i % OTHER_GRADE_COLORS.length]! }))}
      />
    </ChartBlock>
  );
}

export function CountyCharts({ rows }: { rows: readonly CountyRow[] }) {
  return (
    <Stack gap="lg">
      <CoverageChart rows={rows} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <LightsChart rows={rows} />
        <GradesChart rows={rows} />
      </SimpleGrid>
    </Stack>
  );
}
