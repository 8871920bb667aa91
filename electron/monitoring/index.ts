// The monitoring workflow's public entry: a region's monitoring at a glance, which the prefecture's
// dashboard summarises.
export { monitoringTally, roundReport } from './report';
export type { LightCounts, MonitoringTally } from './report';
