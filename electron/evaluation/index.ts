// The evaluation workflow's public entry: its part of a project's whole cycle.
export { evaluationCycle } from './cycle';
