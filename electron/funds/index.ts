// The funds workflow's public entry: the county's 衔接资金 figures, which the prefecture and the sample county use.
export { fundsOverview, fundsSummary } from './summary';
export type { FundsOverview, FundsSummary } from './summary';
export { addPayment, createDocument, saveProjectDetails } from './records';
export { fundsCycle } from './cycle';
