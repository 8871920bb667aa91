// Where a target form gets its starting indicators: the accepted (已入库) indicators of a project type in
// the library, as unweighted target rows with the library's reference values.
import type { Db } from '../../db/open';
import type { TargetIndicator } from '../domain/targets';
import { suggestedIndicators, listProjectTypes } from '../library';

export interface ProjectTypeOption {
  code: string;
  name: string;
  sector: string;
}

/** The library's project types for a select: code, name and sector only. */
export const projectTypeOptions = (db: Db): ProjectTypeOption[] => listProjectTypes(db).map(({ code, name, sector }) => ({ code, name, sector }));

export function suggestedTargetIndicators(db: Db, projectTypeCode: string): TargetIndicator[] {
  return suggestedIndicators(db, projectTypeCode).map((i) => ({
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    operator: i.operator,
    value: i.referenceValue,
    unit: i.unit,
    definition: i.definition,
    basis: i.basis,
    weight: '',
    accrual: i.accrual,
    libraryCode: i.code,
  }));
}
