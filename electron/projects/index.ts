// The projects workflow's public entry: the projects and their funds that targets are written for.
export { countyProjectCount, getProject, projectsWithFunds, projectYears } from './projects';
export type { Project } from './projects';
export { dayOf, reviewStatus } from './cycle';
export type { CycleSource, CycleStep, CycleTone, ProjectCycleSources } from './cycle';
