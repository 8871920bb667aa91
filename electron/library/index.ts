// The indicator library's public entry: suggestions for target forms and the shipped starter library.
export { suggestedIndicators } from './indicators';
export { listProjectTypes } from './projectTypes';
export { seedStarterLibrary } from './starter';
