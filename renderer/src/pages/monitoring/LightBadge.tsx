import { Badge, type BadgeProps } from '@mantine/core';
import { LIGHT_LABELS, type Light } from '../../../../electron/domain/monitoring';

export const LIGHT_COLORS: Record<Light, string> = { red: 'red', yellow: 'yellow', green: 'green', blue: 'blue', none: 'gray' };

/** 红灯 / 黄灯 / 绿灯 / 蓝灯, or 无 when nothing can be computed yet. */
export function LightBadge({ light, prefix = '', ...props }: { light: Light; prefix?: string } & BadgeProps) {
  return (
    <Badge color={LIGHT_COLORS[light]} variant={light === 'none' ? 'outline' : 'filled'} autoContrast radius="sm" {...props}>
      {prefix}
      {light === 'none' ? '无灯' : LIGHT_LABELS[light]}
    </Badge>
  );
}
