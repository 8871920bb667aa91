// The results workflow's public entry: its part of a project's whole cycle.
export { resultsCycle } from './cycle';
