// The results workflow's public entry: the year's budget proposals as generated, which 整改问责 reads to
// show a notice's project under 整改后再安排 on its 问责 list, and its part of a project's whole cycle.
export { resultsView } from './proposals';
export type { ResultLine, ResultsView } from './proposals';
export { resultsCycle } from './cycle';
