// Test support for the indicator library: a library of any size, written the way bulk paths write,
// with prepared statements in one transaction.
import { randomUUID } from 'node:crypto';
import { sqliteOf, type Db } from '../../db/open';

const PLACES = ['乡镇', '县城', '村级', '社区', '学校', '医院', '园区', '灌区', '牧区', '林区'];
const OBJECTS = ['道路', '校舍', '供水管网', '卫生厕所', '垃圾收集点', '渠道', '桥梁', '活动中心', '设备', '农田'];
const MEASURES = ['建设数量', '维修面积', '验收合格率', '按期完工率', '运行维护率', '受益人数', '覆盖率', '使用率', '满意度', '单位成本'];

/** The generated name of indicator n: place + object + measure + a serial, e.g. 乡镇道路建设数量第1批. */
export const generatedName = (n: number) =>
  `${PLACES[n % 10]}${OBJECTS[Math.floor(n / 10) % 10]}${MEASURES[Math.floor(n / 100) % 10]}第${n}批`;

/** Writes `count` accepted indicators over `typeCount` project types (G001…), returning their names. */
export function generateLibrary(db: Db, count: number, typeCount = 100): string[] {
  const sqlite = sqliteOf(db);
  const insertType = sqlite.prepare('INSERT INTO project_types (id, code, name, sector) VALUES (?, ?, ?, ?)');
  const insertIndicator = sqlite.prepare(
    `INSERT INTO library_indicators (id, code, project_type_code, level1, level2, name, operator, reference_value, unit, definition, basis, status, library_version)
     VALUES (?, ?, ?, '产出指标', '数量指标', ?, '≥', '10', '个', ?, '计划标准', 'accepted', 1)`,
  );
  const names: string[] = [];
  sqlite.transaction(() => {
    for (let t = 0; t < typeCount; t++) insertType.run(randomUUID(), `G${String(t).padStart(3, '0')}`, `生成类型${t}`, '其他');
    for (let n = 0; n < count; n++) {
      const name = generatedName(n);
      const type = `G${String(n % typeCount).padStart(3, '0')}`;
      insertIndicator.run(randomUUID(), `${type}-${String(n).padStart(5, '0')}`, type, name, `${name}的计算口径。`);
      names.push(name);
    }
  })();
  return names;
}
