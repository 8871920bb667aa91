import { Badge, type BadgeProps } from '@mantine/core';
import { LIGHT_LABELS, type Light } from '../../../../electron/domain/monitoring';

export const LIGHT_COLORS: Record<Light, string> = { red: 'red', yellow: 'yellow', green: 'green', blue: 'blue', none: 'gray' };

/**
 * 红灯 / 黄灯 / 绿灯 / 蓝灯, or 无灯 when nothing can be computed yet; a sheet nobody has reported
 * (reported false) reads 未填报 instead of any light.
 */
export function LightBadge({ light, prefix = '', reported = true, ...props }: { light: Light; prefix?: string; reported?: boolean } & BadgeProps) {
  const shown = reported ? light : 'none';
  return (
    <Badge color={LIGHT_COLORS[shown]} variant={shown === 'none' ? 'outline' : 'filled'} autoContrast radius="sm" {...props}>
      {prefix}
      {!reported ? '未填报' : shown === 'none' ? '无灯' : LIGHT_LABELS[shown]}
    </Badge>
  );
}
