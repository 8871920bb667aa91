// The trend of one measure over the years the prefecture holds, a line per county that has a figure: the
// page's second call, made again when another measure is chosen.
import { LineChart } from '@mantine/charts';
import { Alert, Group, Loader, Select, Text } from '@mantine/core';
import { useState } from 'react';
import type { CountyTrend, TrendMeasure } from '../../../../electron/prefecture/contract';
import { useInvoke } from '../../components/useInvoke';
import { ChartBlock, LEGEND } from './CountyCharts';

const COUNTY_COLORS = ['blue.6', 'orange.6', 'teal.6', 'grape.6', 'red.6', 'cyan.7', 'lime.7', 'indigo.6', 'pink.6'];

/** One point per year, a key per county; a year without a figure is left out of that county's line. */
function chartData(trend: CountyTrend) {
  return trend.years.map((year, i) => ({
    year: `${year}年`,
    ...Object.fromEntries(trend.counties.flatMap((c) => (c.values[i] === null ? [] : [[c.code, Number(c.values[i])]]))),
  }));
}

export function TrendChart({ year }: { year: number }) {
  const [measure, setMeasure] = useState<TrendMeasure>('targets');
  const trend = useInvoke('prefecture.trend', { year, measure });
  const data = trend.data;

  const choice = (
    <Group gap="xs" className="no-print">
      <Select
        aria-label="趋势指标"
        w={220}
        allowDeselect={false}
        value={measure}
        onChange={(next) => next && setMeasure(next as TrendMeasure)}
        data={data?.measures ?? [{ value: measure, label: '目标批复率' }]}
      />
      {trend.loading && <Loader size="xs" aria-label="正在计算趋势" />}
    </Group>
  );
  if (trend.error) return <Alert color="red" title="无法计算历年趋势">{trend.error}</Alert>;
  if (!data) return <Loader aria-label="正在计算趋势" />;
  const drawn = data.counties.filter((c) => c.values.some((v) => v !== null));
  const percent = data.unit === '%';
  return (
    <ChartBlock
      title={`历年趋势：${data.label}（${data.years[0]}—${data.years.at(-1)} 年）`}
      label={`各县${data.label}历年趋势图`}
      controls={choice}
      note={`每条线为一个县市${data.unit === '%' ? '的百分比' : `的${data.unit}数`}；某年没有可计算数据的县市在该年不画点。`}
    >
      {drawn.length === 0 ? (
        <Text size="sm" c="dimmed" py="lg">
          {data.years.join('、')} 年各县市都还没有可计算“{data.label}”的数据。
        </Text>
      ) : (
        <LineChart
          h={280}
          data={chartData(data)}
          dataKey="year"
          series={drawn.map((c) => ({ name: c.code, label: c.name, color: COUNTY_COLORS[data.counties.indexOf(c) % COUNTY_COLORS.length]! }))}
          withLegend
          legendProps={LEGEND}
          valueFormatter={(v) => (percent ? `${v.toFixed(2)}%` : `${v} ${data.unit}`)}
          yAxisProps={percent ? { domain: [0, 100], tickFormatter: (t: number) => `${t}%` } : { allowDecimals: false }}
          xAxisProps={{ padding: { left: 40, right: 40 } }}
          curveType="linear"
          tooltipAnimationDuration={0}
          lineProps={{ isAnimationActive: false }}
        />
      )}
    </ChartBlock>
  );
}
