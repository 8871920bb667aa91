// The disclosure workflow's public entry: its part of a project's whole cycle.
export { disclosureCycle } from './cycle';
