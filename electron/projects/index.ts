// The projects workflow's public entry: the projects and their funds that targets are written for.
export { countyProjectCount, getProject, projectsWithFunds, projectYears } from './projects';
export type { Project } from './projects';
