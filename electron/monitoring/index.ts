// The monitoring workflow's public entry: a round's report, which the prefecture's dashboard summarises.
export { roundReport } from './report';
export type { LightCounts } from './report';
