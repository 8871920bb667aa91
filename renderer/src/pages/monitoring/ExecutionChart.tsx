// 执行率 vs 序时进度 by unit: one bar per unit coloured by its budget light, and a dashed line at the
// round's time progress.
import type { Light } from '../../../../electron/domain/monitoring';
import type { UnitExecution } from '../../../../electron/monitoring/contract';
import { ProgressChart } from '../../components/ProgressChart';

const FILL: Record<Light, string> = {
  red: 'var(--mantine-color-red-6)',
  yellow: 'var(--mantine-color-yellow-5)',
  green: 'var(--mantine-color-green-6)',
  blue: 'var(--mantine-color-blue-6)',
  none: 'var(--mantine-color-gray-4)',
};

export function ExecutionChart({ units, timeProgress }: { units: readonly UnitExecution[]; timeProgress: string }) {
  return (
    <ProgressChart
      label={`各单位预算执行率与序时进度（${timeProgress}%）对比图`}
      reference={{ value: timeProgress, label: `序时进度 ${timeProgress}%` }}
      rateName="预算执行率"
      bars={units.map((u) => ({ key: u.unitCode, label: u.unitName, rate: u.executionRate, fill: FILL[u.budgetLight] }))}
    />
  );
}
