// 各县单位与项目: every county's budget units, and its projects of a year with their amount and target state.
import type { Store } from '../../../db/open';
import type { CountyListInput } from '../contract';
import { countyScope, inCounties, pageOf, searchCondition, SOURCE_COLUMNS, sourceJoin, withSource, type CountyPage, type SourceColumns, type SourcePackage } from './scope';

export interface CountyUnitRow {
  id: string;
  countyName: string;
  code: string;
  name: string;
  departmentName: string | null;
  isDepartment: boolean;
  source: SourcePackage | null;
}

type UnitRaw = Omit<CountyUnitRow, 'source' | 'isDepartment'> & SourceColumns & { isDepartment: number };

/** A county's units are not kept per year: the year filter does not apply to them. */
export function countyUnits(store: Store, input: CountyListInput): CountyPage<CountyUnitRow> {
  const scope = countyScope(store, input);
  const where = `u.deleted = 0 AND ${inCounties('u')} ${searchCondition(input.search, ['u.code', 'u.name'])}`;
  return pageOf(
    scope,
    {
      count: `SELECT count(*) AS n FROM units u WHERE ${where}`,
      rows: `SELECT u.id, r.name AS countyName, u.code, u.name, d.name AS departmentName, u.is_department AS isDepartment, ${SOURCE_COLUMNS}
               FROM units u JOIN regions r ON r.code = u.region_code
               LEFT JOIN units d ON d.region_code = u.region_code AND d.code = u.department_code
               ${sourceJoin('u', 'unit')}
              WHERE ${where} ORDER BY u.region_code, u.code`,
    },
    (raw: UnitRaw) => ({ ...withSource(raw), isDepartment: raw.isDepartment === 1 }),
  );
}

export interface CountyProjectRow {
  id: string;
  countyName: string;
  code: string;
  name: string;
  unitName: string | null;
  unitCode: string;
  category: string;
  keyProject: boolean;
  povertyFund: boolean;
  /** 调整后预算 over every fund source, in 分. */
  adjustedFen: number;
  /** The project target's state in the county (null: no target yet). */
  targetStatus: string | null;
  source: SourcePackage | null;
}

type ProjectRaw = Omit<CountyProjectRow, 'source' | 'keyProject' | 'povertyFund'> & SourceColumns & { keyProject: number; povertyFund: number };

export function countyProjects(store: Store, input: CountyListInput): CountyPage<CountyProjectRow> {
  const scope = countyScope(store, input);
  const where = `p.deleted = 0 AND ${inCounties('p')} AND p.year = @year ${searchCondition(input.search, ['p.code', 'p.name', 'u.name'])}`;
  const from = `projects p LEFT JOIN units u ON u.region_code = p.region_code AND u.code = p.unit_code`;
  return pageOf(
    scope,
    {
      count: `SELECT count(*) AS n FROM ${from} WHERE ${where}`,
      rows: `SELECT p.id, r.name AS countyName, p.code, p.name, u.name AS unitName, p.unit_code AS unitCode, p.category,
                    p.key_project AS keyProject, p.poverty_fund AS povertyFund,
                    (SELECT coalesce(sum(f.initial_fen + f.addition_fen - f.cut_fen), 0) FROM project_funds f WHERE f.project_id = p.id) AS adjustedFen,
                    (SELECT t.status FROM targets t WHERE t.project_id = p.id AND t.kind = 'project' AND t.deleted = 0) AS targetStatus,
                    ${SOURCE_COLUMNS}
               FROM ${from} JOIN regions r ON r.code = p.region_code
               ${sourceJoin('p', 'project')}
              WHERE ${where} ORDER BY p.region_code, p.unit_code, p.code`,
    },
    (raw: ProjectRaw) => ({ ...withSource(raw), keyProject: raw.keyProject === 1, povertyFund: raw.povertyFund === 1 }),
  );
}
