// A rate per row against a reference drawn as plain SVG (no chart library): one bar per row in its own
// colour and a dashed line at the reference (the time progress). It prints as it shows. Monitoring draws
// execution rates by unit with it, 衔接资金 the spending progress by project.
const WIDTH = 900;
const LABEL = 210;
const VALUE = 70;
const ROW = 26;
const AXIS = 28;

export interface ProgressBar {
  key: string;
  label: string;
  /** Percent as text, e.g. "53.33". */
  rate: string;
  fill: string;
  /** What hovering the bar says. */
  title: string;
}

/** The scale's end: 100% at least, else the largest rate rounded up to ten. */
export const scaleEnd = (rates: readonly number[]): number => Math.max(100, Math.ceil(Math.max(0, ...rates) / 10) * 10);

export function ProgressChart({ bars, reference, label }: { bars: readonly ProgressBar[]; reference: { value: string; label: string }; label: string }) {
  const end = scaleEnd(bars.map((b) => Number(b.rate)));
  const plot = WIDTH - LABEL - VALUE;
  const x = (rate: number) => LABEL + (Math.min(rate, end) / end) * plot;
  const height = AXIS + bars.length * ROW + 8;
  const referenceX = x(Number(reference.value));
  const ticks = Array.from({ length: end / 20 + 1 }, (_, i) => i * 20);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={label} style={{ maxWidth: WIDTH, fontSize: 12 }}>
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
        const rate = Number(b.rate);
        return (
          <g key={b.key}>
            <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end">
              {b.label.length > 14 ? `${b.label.slice(0, 13)}…` : b.label}
            </text>
            <rect x={LABEL} y={y + 5} width={Math.max(1, x(rate) - LABEL)} height={ROW - 10} fill={b.fill} rx={2}>
              <title>{b.title}</title>
            </rect>
            <text x={x(rate) + 6} y={y + ROW / 2 + 4} stroke="white" strokeWidth={3} paintOrder="stroke">
              {b.rate}%
            </text>
          </g>
        );
      })}
      <line x1={referenceX} x2={referenceX} y1={AXIS - 6} y2={height - 8} stroke="var(--mantine-color-dark-4)" strokeDasharray="5 4" strokeWidth={1.5} />
      {/* Beyond the middle the label reads leftwards from the line, so one near 100% stays inside the chart. */}
      <text x={referenceX > WIDTH / 2 ? referenceX - 4 : referenceX + 4} y={height - 12} textAnchor={referenceX > WIDTH / 2 ? 'end' : 'start'} fill="var(--mantine-color-dark-4)">
        {reference.label}
      </text>
    </svg>
  );
}
