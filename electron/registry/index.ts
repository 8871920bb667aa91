// The registry's public entry: what other workflows may use of the installation, its operators, regions
// and budget units. Everything else in this folder is private to it.
export { currentInstallation, requireInstallation } from './installation';
export type { Installation } from './installation';
export { auditRefusal, currentOperator, listOperators, refuseSelfReview, requirePermission, reviewerOf } from './operators';
export type { Operator } from './operators';
export { chosenCounties, countiesOf, findRegion, seedRegions } from './regions';
export { initInstallation } from './setup';
export { findUnit, listUnits, unitChoice } from './units';
export type { UnitChoice } from './units';
export {
  chainDecision,
  decidingStep,
  departmentStepOn,
  enteredChain,
  namedDepartment,
  projectDepartment,
  refuseOtherDepartmentsProject,
  refuseOtherDepartmentsUnit,
  unitDepartment,
} from './reviewChain';
