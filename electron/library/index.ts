// The indicator library's public entry: suggestions and mandatory indicators (固化指标) for target forms,
// and the shipped starter library.
export { suggestedIndicators } from './indicators';
export { addMandatory, listMandatory, mandatoryFor, targetRowOf } from './mandatory';
export { listProjectTypes } from './projectTypes';
export { seedStarterLibrary } from './starter';
