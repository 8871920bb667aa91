// What the signed-in operator's role allows, from the same domain table the router enforces, so a page
// can disable what would be refused and say why before anyone tries.
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { refusalReason, type Permission } from '../../../electron/domain/permissions';
import { useSession } from '../appState';

export interface Allowance {
  allowed: boolean;
  /** Why the role may not, in Chinese; null when it may. */
  reason: string | null;
}

export function useAllowed(permission: Permission): Allowance {
  const reason = refusalReason(useSession().operator.role, permission);
  return { allowed: reason === null, reason };
}

/** The reason beside a disabled control; nothing when the role may act. */
export function NotAllowedNote({ allowance }: { allowance: Allowance }) {
  if (allowance.allowed) return null;
  return (
    <Text size="sm" c="dimmed" className="no-print" role="note">
      {allowance.reason}
    </Text>
  );
}

/**
 * Actions offered only to a role that may take them (an empty page's 新增 or 导入); anyone else is told
 * who may instead of being offered a button that would be refused.
 */
export function IfAllowed({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowance = useAllowed(permission);
  return allowance.allowed ? <>{children}</> : <NotAllowedNote allowance={allowance} />;
}
