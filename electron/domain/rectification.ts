// 整改通知, domain.md §8: the status flow 待下达 → 已下达 → 已反馈 → 通过 | 退回 (back to 已下达), and
// where a notice comes from. Monitoring opens and issues notices; the evaluation work builds the rest.

import { isIsoDate } from './projects';

/** What a notice was opened from: a monitoring round's sheet, a self-evaluation, or an evaluation. */
export const RECTIFICATION_SOURCES = ['monitoring', 'self-evaluation', 'department-evaluation', 'finance-evaluation'] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];

export const RECTIFICATION_STATUSES = ['pending', 'issued', 'answered', 'passed', 'returned'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_LABELS: Record<RectificationStatus, string> = {
  pending: '待下达',
  issued: '已下达',
  answered: '已反馈',
  passed: '通过',
  returned: '退回',
};

/**
 * Why a notice's deadline cannot be used, or null: a deadline already passed on the day the notice is
 * drafted would put the unit in 问责 before it could answer. `today` is the bureau's local date.
 */
export function deadlineProblem(deadline: string, today: string): string | null {
  if (deadline.trim() === '') return '请填写整改期限';
  if (!isIsoDate(deadline)) return `整改期限应为“${today}”这样的日期`;
  if (deadline < today) return `整改期限 ${deadline} 已经过去，请选择今天（${today}）或以后的日期`;
  return null;
}

/** A notice still open: not yet passed. */
export const rectificationOpen = (status: RectificationStatus): boolean => status !== 'passed';
