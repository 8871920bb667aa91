// Spending progress against the time progress, drawn as plain SVG like monitoring's execution chart:
// one bar per project (or a single one on a project's page) and a dashed line at the time progress.
import { scaleEnd } from '../monitoring/ExecutionChart';

const WIDTH = 760;
const LABEL = 200;
const VALUE = 70;
const ROW = 26;
const AXIS = 28;

export interface SpendingBar {
  key: string;
  label: string;
  /** Percent, e.g. "53.33". */
  progress: string;
  behind: boolean;
}

export function SpendingChart({ bars, timeProgress }: { bars: readonly SpendingBar[]; timeProgress: string }) {
  const end = scaleEnd(bars.map((b) => Number(b.progress)));
  const plot = WIDTH - LABEL - VALUE;
  const x = (rate: number) => LABEL + (Math.min(rate, end) / end) * plot;
  const height = AXIS + bars.length * ROW + 8;
  const ticks = Array.from({ length: end / 20 + 1 }, (_, i) => i * 20);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`支出进度与序时进度（${timeProgress}%）对比图`} style={{ maxWidth: WIDTH, fontSize: 12 }}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={AXIS - 6} y2={height - 8} stroke="var(--mantine-color-gray-3)" />
          <text x={x(t)} y={AXIS - 10} textAnchor="middle" fill="var(--mantine-color-dimmed)">
            {t}%
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = AXIS + i * ROW;
        const rate = Number(b.progress);
        return (
          <g key={b.key}>
            <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end">
              {b.label.length > 14 ? `${b.label.slice(0, 13)}…` : b.label}
            </text>
            <rect x={LABEL} y={y + 5} width={Math.max(1, x(rate) - LABEL)} height={ROW - 10} fill={b.behind ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-teal-6)'} rx={2}>
              <title>{`${b.label}：支出进度 ${b.progress}%`}</title>
            </rect>
            <text x={x(rate) + 6} y={y + ROW / 2 + 4}>
              {b.progress}%
            </text>
          </g>
        );
      })}
      <line x1={x(Number(timeProgress))} x2={x(Number(timeProgress))} y1={AXIS - 6} y2={height - 8} stroke="var(--mantine-color-red-7)" strokeDasharray="5 4" strokeWidth={2} />
      <text x={x(Number(timeProgress))} y={height - 1} textAnchor="middle" fill="var(--mantine-color-red-7)">
        序时进度 {timeProgress}%
      </text>
    </svg>
  );
}
