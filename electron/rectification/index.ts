// The rectification workflow's public entry: the workflows that open notices (monitoring today, the
// evaluations next) open, issue and look up notices through it.
export { issueRectification, latestNotices, openRectification, overdueCount } from './notices';
export type { NoticeRef, NoticeSource, NoticeText, Rectification } from './notices';
export { rectificationCycle } from './cycle';
