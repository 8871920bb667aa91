// 执行率 vs 序时进度 by unit, drawn as plain SVG (no chart library): one bar per unit coloured by its
// budget light, and a dashed line at the round's time progress. It prints as it shows.
import type { Light } from '../../../../electron/domain/monitoring';
import type { UnitExecution } from '../../../../electron/monitoring/contract';

const FILL: Record<Light, string> = {
  red: 'var(--mantine-color-red-6)',
  yellow: 'var(--mantine-color-yellow-5)',
  green: 'var(--mantine-color-green-6)',
  blue: 'var(--mantine-color-blue-6)',
  none: 'var(--mantine-color-gray-4)',
};

const WIDTH = 900;
const LABEL = 210;
const VALUE = 70;
const ROW = 26;
const AXIS = 28;

/** The scale's end: 100% at least, else the largest rate rounded up to ten. */
export const scaleEnd = (rates: readonly number[]): number => Math.max(100, Math.ceil(Math.max(0, ...rates) / 10) * 10);

export function ExecutionChart({ units, timeProgress }: { units: readonly UnitExecution[]; timeProgress: string }) {
  const end = scaleEnd(units.map((u) => Number(u.executionRate)));
  const plot = WIDTH - LABEL - VALUE;
  const x = (rate: number) => LABEL + (Math.min(rate, end) / end) * plot;
  const height = AXIS + units.length * ROW + 8;
  const progressX = x(Number(timeProgress));
  const ticks = Array.from({ length: end / 20 + 1 }, (_, i) => i * 20);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`各单位预算执行率与序时进度（${timeProgress}%）对比图`} style={{ maxWidth: WIDTH, fontSize: 12 }}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={AXIS - 6} y2={height - 8} stroke="var(--mantine-color-gray-3)" />
          <text x={x(t)} y={AXIS - 10} textAnchor="middle" fill="var(--mantine-color-dimmed)">
            {t}%
          </text>
        </g>
      ))}
      {units.map((u, i) => {
        const y = AXIS + i * ROW;
        const rate = Number(u.executionRate);
        return (
          <g key={u.unitCode}>
            <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end">
              {u.unitName.length > 14 ? `${u.unitName.slice(0, 13)}…` : u.unitName}
            </text>
            <rect x={LABEL} y={y + 5} width={Math.max(1, x(rate) - LABEL)} height={ROW - 10} fill={FILL[u.budgetLight]} rx={2}>
              <title>{`${u.unitName}：执行率 ${u.executionRate}%`}</title>
            </rect>
            <text x={x(rate) + 6} y={y + ROW / 2 + 4} stroke="white" strokeWidth={3} paintOrder="stroke">
              {u.executionRate}%
            </text>
          </g>
        );
      })}
      <line x1={progressX} x2={progressX} y1={AXIS - 6} y2={height - 8} stroke="var(--mantine-color-dark-4)" strokeDasharray="5 4" strokeWidth={1.5} />
      <text x={progressX + 4} y={height - 12} fill="var(--mantine-color-dark-4)">
        序时进度 {timeProgress}%
      </text>
    </svg>
  );
}
