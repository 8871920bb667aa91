// What the 绩效目标 lists show, apart from the components so it can be tested without a browser.
import type { WorkflowState } from '../../../../electron/domain/workflow';

/** A list filter on status; 'none' is a project or unit with nothing filled in yet. */
export type StatusFilter = WorkflowState | 'none';

export interface TargetListFilter {
  unitCode: string | null;
  status: StatusFilter | null;
  query: string;
}

interface Listed {
  status: WorkflowState | null;
  unitCode: string;
}

export function filterTargetRows<T extends Listed>(rows: readonly T[], filter: TargetListFilter, searchable: (row: T) => string[]): readonly T[] {
  const needle = filter.query.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!filter.unitCode || row.unitCode === filter.unitCode) &&
      (!filter.status || (row.status ?? 'none') === filter.status) &&
      (needle === '' || searchable(row).some((text) => text.toLowerCase().includes(needle))),
  );
}

export interface Coverage {
  total: number;
  filled: number;
  none: number;
  draft: number;
  submitted: number;
  approved: number;
  returned: number;
}

/** How far target setting has come: per state, and how many have anything filled in. */
export function coverage(rows: readonly Pick<Listed, 'status'>[]): Coverage {
  const counts: Coverage = { total: rows.length, filled: 0, none: 0, draft: 0, submitted: 0, approved: 0, returned: 0 };
  for (const { status } of rows) {
    counts[status ?? 'none']++;
    if (status) counts.filled++;
  }
  return counts;
}
