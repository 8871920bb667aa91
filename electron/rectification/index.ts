// The rectification workflow's public entry: the workflows that open notices (monitoring, self-evaluations,
// the evaluations) open, issue and look up notices through it, and the sample county walks its notices
// along the chain with the same steps a bureau and its units take.
export { answerRectification, decideRectification, issueRectification, latestNotices, openNoticesOfProject, openRectification, overdueCount } from './notices';
export type { NoticeRef, NoticeSource, NoticeText, OpenNotice, Rectification } from './notices';
export { attachToFeedback } from './files';
export { recordMeasure } from './views';
export { rectificationCycle } from './cycle';
