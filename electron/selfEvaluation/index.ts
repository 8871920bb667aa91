// The self-evaluation workflow's public entry: a region's self-evaluations at a glance, which the
// prefecture's dashboard summarises.
export { selfEvaluationTally } from './tally';
export type { SelfEvaluationTally } from './tally';
