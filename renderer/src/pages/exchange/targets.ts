// How a county's target is named in the review lists: its project, or for a department-wide target the
// unit code it belongs to.
import type { CountyTarget } from '../../../../electron/prefecture/contract';

export const TARGET_KINDS: Record<string, string> = { project: '项目支出', department: '部门整体支出' };

export const targetName = (t: Pick<CountyTarget, 'kind' | 'ownerCode' | 'projectName'>): string =>
  t.projectName ?? `${TARGET_KINDS[t.kind] ?? ''}（${t.ownerCode}）`;
