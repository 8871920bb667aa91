// Where a target form gets its starting indicators: the accepted (已入库) indicators of a project type in
// the library, as unweighted target rows with the library's reference values.
import type { Db } from '../../db/open';
import type { TargetIndicator } from '../domain/targets';
import { suggestedIndicators, listProjectTypes, targetRowOf } from '../library';

export interface ProjectTypeOption {
  code: string;
  name: string;
  sector: string;
}

/** The library's project types for a select: code, name and sector only. */
export const projectTypeOptions = (db: Db): ProjectTypeOption[] => listProjectTypes(db).map(({ code, name, sector }) => ({ code, name, sector }));

export const suggestedTargetIndicators = (db: Db, projectTypeCode: string): TargetIndicator[] => suggestedIndicators(db, projectTypeCode).map(targetRowOf);
