import { Badge, type BadgeProps } from '@mantine/core';
import { LIGHT_LABELS, type Light } from '../../../../electron/domain/monitoring';
import { CellBadge, type CellColor } from '../../components/cells';

export const LIGHT_COLORS: Record<Light, CellColor> = { red: 'red', yellow: 'yellow', green: 'green', blue: 'blue', none: 'gray' };

/** How a light shows: its colour, filled (outlined when there is none) and its label. */
function lightLook(light: Light, reported: boolean) {
  const shown = reported ? light : 'none';
  return {
    color: LIGHT_COLORS[shown],
    variant: shown === 'none' ? ('outline' as const) : ('filled' as const),
    label: !reported ? '未填报' : shown === 'none' ? '无灯' : LIGHT_LABELS[shown],
  };
}

/**
 * 红灯 / 黄灯 / 绿灯 / 蓝灯, or 无灯 when nothing can be computed yet; a sheet nobody has reported
 * (reported false) reads 未填报 instead of any light.
 */
export function LightBadge({ light, prefix = '', reported = true, ...props }: { light: Light; prefix?: string; reported?: boolean } & BadgeProps) {
  const look = lightLook(light, reported);
  return (
    <Badge color={look.color} variant={look.variant} autoContrast radius="sm" {...props}>
      {prefix}
      {look.label}
    </Badge>
  );
}

/** The same light in a list row, as a plain badge (cells.tsx) that a scrolling list mounts cheaply. */
export function LightCell({ light, reported }: { light: Light; reported: boolean }) {
  const look = lightLook(light, reported);
  return (
    <CellBadge color={look.color} variant={look.variant} radius="sm">
      {look.label}
    </CellBadge>
  );
}
