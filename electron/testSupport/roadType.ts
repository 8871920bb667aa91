// Test support: a project type in the library with accepted indicators (and one still proposed, which
// must never be suggested), written straight into the library tables with their default accrual kinds.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/open';
import { libraryIndicators, projectTypes } from '../../db/schema';
import { defaultAccrual } from '../domain/indicators';

export const ROAD_TYPE = 'TROAD';

type Row = [code: string, level1: string, level2: string, name: string, operator: string, referenceValue: string, unit: string];

const ACCEPTED: Row[] = [
  ['L001', '产出指标', '数量指标', '新建（改建）农村道路里程', '≥', '10', '公里'],
  ['L002', '产出指标', '质量指标', '工程验收合格率', '=', '100', '%'],
  ['L003', '效益指标', '社会效益指标', '群众出行条件', '定性', '明显改善', ''],
  ['L004', '满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥', '90', '%'],
];
const PROPOSED: Row = ['L005', '产出指标', '成本指标', '每公里造价（待确认）', '≤', '80', '万元'];

export function seedRoadType(db: Db): void {
  db.insert(projectTypes).values({ id: randomUUID(), code: ROAD_TYPE, name: '农村道路建设', sector: '交通运输' }).run();
  const insert = ([code, level1, level2, name, operator, referenceValue, unit]: Row, status: 'accepted' | 'proposed') =>
    db.insert(libraryIndicators)
      .values({ id: randomUUID(), code, projectTypeCode: ROAD_TYPE, level1, level2, name, operator, referenceValue, unit, accrual: defaultAccrual({ unit, level2 }), status })
      .run();
  ACCEPTED.forEach((row) => insert(row, 'accepted'));
  insert(PROPOSED, 'proposed');
}
