// A rate per row against a reference, on @mantine/charts (recharts underneath): one horizontal bar per row
// in its own colour, its rate written at its end, and a dashed line at the reference (the time progress).
// Monitoring draws execution rates by unit with it, 衔接资金 the spending progress by project.
import { BarChart } from '@mantine/charts';
import { useDeferredValue } from 'react';

const ROW = 26;
/** The axis and the margins around the bars. */
const FRAME = 48;
const LABEL_WIDTH = 210;
const LABEL_CHARS = 14;

export interface ProgressBar {
  key: string;
  label: string;
  /** Percent as text, e.g. "53.33". */
  rate: string;
  /** A CSS colour (a Mantine colour variable). */
  fill: string;
}

/** The scale's end: 100% at least, else the largest rate rounded up to ten. */
export const scaleEnd = (rates: readonly number[]): number => Math.max(100, Math.ceil(Math.max(0, ...rates) / 10) * 10);

const shortLabel = (label: string) => (label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label);

interface ProgressChartProps {
  bars: readonly ProgressBar[];
  reference: { value: string; label: string };
  /** What the chart shows, for screen readers and the page's tests. */
  label: string;
  /** What a bar's rate is, in its tooltip, e.g. 执行率. */
  rateName: string;
}

export function ProgressChart({ bars, reference, label, rateName }: ProgressChartProps) {
  // Drawing a bar per row (recharts measures every label) takes longer than the rest of the page: the page
  // shows first with the chart's space kept, and the chart is drawn in the render right after.
  const drawn = useDeferredValue(true, false);
  const height = bars.length * ROW + FRAME;
  if (!drawn) return <div role="img" aria-label={label} style={{ height, maxWidth: 900 }} />;
  const end = scaleEnd(bars.map((b) => Number(b.rate)));
  // The rates are shown, not decided on: the rules computed them exactly and sent them as text.
  const data = bars.map((b) => ({ label: b.label, rate: Number(b.rate), color: b.fill }));
  return (
    <div role="img" aria-label={label}>
      <BarChart
        h={height}
        maw={900}
        data={data}
        dataKey="label"
        orientation="vertical"
        series={[{ name: 'rate', label: rateName }]}
        valueFormatter={(value) => `${value.toFixed(2)}%`}
        withBarValueLabel
        barLabelColor="dark.6"
        textColor="dark.6"
        gridAxis="y"
        strokeDasharray="0"
        barChartProps={{ margin: { right: 64 } }}
        maxBarWidth={ROW - 10}
        xAxisProps={{ domain: [0, end], ticks: Array.from({ length: end / 20 + 1 }, (_, i) => i * 20), tickFormatter: (t: number) => `${t}%` }}
        yAxisProps={{ width: LABEL_WIDTH, tickFormatter: shortLabel, interval: 0 }}
        referenceLines={[{ x: Number(reference.value), label: reference.label, color: 'dark.4', strokeDasharray: '5 4', labelPosition: Number(reference.value) > end / 2 ? 'insideBottomRight' : 'insideBottomLeft' }]}
        tooltipAnimationDuration={0}
      />
    </div>
  );
}
