// 各县绩效目标: the counties' project and department-wide targets with their review on both levels — the
// county's own state, and the latest decision this prefecture took on each (which travels back in a reply).
import type { Store } from '../../../db/open';
import type { TargetContent } from '../../domain/targets';
import { latestDecisionsOn } from '../../exchange';
import { readContent, requireTarget } from '../../targets';
import type { CountyListInput, CountyTarget } from '../contract';
import { countyScope, inCounties, pageOf, searchCondition, SOURCE_COLUMNS, sourceJoin, withSource, type CountyPage, type SourceColumns, type SourcePackage } from './scope';

export interface CountyTargetRow {
  id: string;
  countyName: string;
  kind: 'project' | 'department';
  ownerCode: string;
  /** The project's name, or the unit's for a department-wide target. */
  name: string | null;
  unitName: string | null;
  status: string;
  reviewGrade: string | null;
  indicatorCount: number;
  decision: CountyTarget['decision'];
  source: SourcePackage | null;
}

type TargetRaw = Omit<CountyTargetRow, 'source' | 'decision'> & SourceColumns;

const TARGET_NAME = `CASE t.kind WHEN 'project' THEN p.name ELSE u.name END`;

export function countyTargetList(store: Store, input: CountyListInput): CountyPage<CountyTargetRow> {
  const scope = countyScope(store, input);
  const where = `t.deleted = 0 AND ${inCounties('t')} AND t.year = @year ${searchCondition(input.search, ['t.owner_code', 'p.name', 'u.name'])}`;
  // A project target's unit is its project's; a department-wide target's owner is the unit itself.
  const from = `targets t
    LEFT JOIN projects p ON p.id = t.project_id
    LEFT JOIN units u ON u.region_code = t.region_code AND u.code = coalesce(p.unit_code, t.owner_code)`;
  const page = pageOf(
    scope,
    {
      count: `SELECT count(*) AS n FROM ${from} WHERE ${where}`,
      rows: `SELECT t.id, r.name AS countyName, t.kind, t.owner_code AS ownerCode, ${TARGET_NAME} AS name, u.name AS unitName, t.status,
                    t.review_grade AS reviewGrade, (SELECT count(*) FROM target_indicators i WHERE i.target_id = t.id) AS indicatorCount, ${SOURCE_COLUMNS}
               FROM ${from} JOIN regions r ON r.code = t.region_code
               ${sourceJoin('t', 'target')}
              WHERE ${where} ORDER BY t.region_code, t.kind DESC, t.owner_code`,
    },
    (raw: TargetRaw) => withSource(raw),
  );
  const decisions = latestDecisionsOn(store, 'target', page.rows.map((t) => t.id));
  return { ...page, rows: page.rows.map((t) => ({ ...t, decision: decisions.get(t.id) ?? null })) };
}

export interface CountyTargetDetail extends TargetContent {
  id: string;
  kind: 'project' | 'department';
  ownerCode: string;
  status: string;
  reviewOpinion: string | null;
  decision: CountyTarget['decision'];
}

/** A target as the county filed it: goals and indicators, read-only. */
export function countyTargetDetail(store: Store, id: string): CountyTargetDetail {
  const target = requireTarget(store.db, id);
  return {
    id,
    kind: target.kind,
    ownerCode: target.ownerCode,
    status: target.status,
    reviewOpinion: target.reviewOpinion,
    decision: latestDecisionsOn(store, 'target', [id]).get(id) ?? null,
    ...readContent(store.db, target),
  };
}
