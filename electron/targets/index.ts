// The targets workflow's public entry: what monitoring, disclosure, projects and the sample county use of
// target contents, their adjustment and the library suggestions for them.
export { proposeAdjustment } from './adjustments';
export type { Adjustment } from './adjustments';
export { projectTypeOptions, suggestedTargetIndicators } from './librarySource';
export type { ProjectTypeOption } from './librarySource';
export { projectTargetTally, targetsForReview } from './review';
export type { TargetForReview, TargetTally } from './review';
export { frameworkFor, readContent, requireTarget } from './store';
export { targetsCycle } from './cycle';
