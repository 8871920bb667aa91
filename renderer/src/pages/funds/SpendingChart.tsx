// Spending progress against the time progress: one bar per project (or a single one on a project's page),
// orange when behind, and a dashed line at the time progress.
import { ProgressChart } from '../../components/ProgressChart';

export interface SpendingBar {
  key: string;
  label: string;
  /** Percent, e.g. "53.33". */
  progress: string;
  behind: boolean;
}

export function SpendingChart({ bars, timeProgress }: { bars: readonly SpendingBar[]; timeProgress: string }) {
  return (
    <ProgressChart
      label={`支出进度与序时进度（${timeProgress}%）对比图`}
      reference={{ value: timeProgress, label: `序时进度 ${timeProgress}%` }}
      rateName="支出进度"
      bars={bars.map((b) => ({ key: b.key, label: b.label, rate: b.progress, fill: b.behind ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-teal-6)' }))}
    />
  );
}
