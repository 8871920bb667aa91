// What the 预算单位 list shows, kept apart from the components so it can be tested without a browser.
import type { Unit } from '../../../../electron/registry/contract';

/** Units whose code or name contains the query (ignoring case and surrounding spaces). */
export function filterUnits(units: readonly Unit[], query: string): readonly Unit[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return units;
  return units.filter((u) => u.code.toLowerCase().includes(needle) || u.name.toLowerCase().includes(needle));
}

/**
 * The name of a unit's supervising department for display: none for a department itself, the code
 * with a note when the department is not (or no longer) registered.
 */
export function departmentName(unit: Unit, byCode: ReadonlyMap<string, Unit>): string {
  if (!unit.departmentCode || unit.departmentCode === unit.code) return '';
  return byCode.get(unit.departmentCode)?.name ?? `${unit.departmentCode}（未登记）`;
}
