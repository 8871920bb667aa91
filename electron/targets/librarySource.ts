// Where a target form gets its starting indicators: the accepted (已入库) indicators of a project type in
// the library. Read straight from the library tables until the library workflow exports its own
// suggestedIndicators/listProjectTypes; then these two functions delegate to it.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { libraryIndicators, projectTypes } from '../../db/schema';
import type { IndicatorOperator } from '../domain/indicators';
import { OPERATORS } from '../domain/indicators';
import type { TargetIndicator } from '../domain/targets';

export interface ProjectTypeOption {
  code: string;
  name: string;
  sector: string;
}

export function projectTypeOptions(db: Db): ProjectTypeOption[] {
  return db
    .select({ code: projectTypes.code, name: projectTypes.name, sector: projectTypes.sector })
    .from(projectTypes)
    .where(eq(projectTypes.deleted, false))
    .orderBy(asc(projectTypes.sector), asc(projectTypes.code))
    .all();
}

/** The type's accepted indicators as unweighted target rows, in library order, with their reference values. */
export function suggestedTargetIndicators(db: Db, projectTypeCode: string): TargetIndicator[] {
  return db
    .select()
    .from(libraryIndicators)
    .where(
      and(
        eq(libraryIndicators.projectTypeCode, projectTypeCode),
        eq(libraryIndicators.status, 'accepted'),
        eq(libraryIndicators.deleted, false),
      ),
    )
    .orderBy(asc(libraryIndicators.code))
    .all()
    .map((i) => ({
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      operator: (OPERATORS as readonly string[]).includes(i.operator) ? (i.operator as IndicatorOperator) : '',
      value: i.referenceValue,
      unit: i.unit,
      definition: i.definition,
      basis: i.basis,
      weight: '',
      libraryCode: i.code,
    }));
}
