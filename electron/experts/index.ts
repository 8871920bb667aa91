// The expert pool's public entry: what an evaluation plan needs to assign experts and firms.
export { getExpert, listExperts } from './experts';
export type { Expert } from './experts';
export { getFirm, listEngagements, rateEngagement } from './firms';
export type { Engagement, Firm } from './firms';
