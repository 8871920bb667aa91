// The expert pool's public entry: what an evaluation plan needs to assign experts and firms.
export { createExpert, getExpert, listExperts } from './experts';
export type { Expert } from './experts';
export { addEngagement, createFirm, getFirm, listEngagements, rateEngagement } from './firms';
export type { Engagement, Firm } from './firms';
