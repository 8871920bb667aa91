// How a package in the history reads to people: its state in the vocabulary of domain.md §11, and what
// is still outstanding on it (a report without a receipt back, an import without a receipt sent).
import type { PackageHistoryRow } from '../../../../electron/exchange/contract';

type Row = Pick<PackageHistoryRow, 'direction' | 'kind' | 'state'>;

export interface PackageState {
  label: string;
  color: string;
  /** What still has to happen, or null when nothing does. */
  outstanding: string | null;
}

export function packageState({ direction, kind, state }: Row): PackageState {
  const receipt = kind === 'receipt';
  if (direction === 'out') {
    if (state === 'acknowledged') return { label: '已确认收到', color: 'teal', outstanding: null };
    return { label: '已导出', color: 'blue', outstanding: receipt ? null : '对方未确认收到' };
  }
  if (state === 'acknowledged') return { label: '已出具回执', color: 'teal', outstanding: null };
  return { label: '已导入', color: 'blue', outstanding: receipt ? null : '未出回执' };
}

export const isOutstanding = (row: Row): boolean => packageState(row).outstanding !== null;

/** "项目 140、绩效目标 248": the non-zero counts of a package, in the given labels' words. */
export function countsText(counts: Record<string, number>, labels: Record<string, string>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${labels[key] ?? key} ${n}`);
  return parts.length ? parts.join('、') : '无记录';
}
