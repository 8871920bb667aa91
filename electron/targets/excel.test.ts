import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { libraryIndicators } from '../../db/schema';
import { listAudit } from '../audit/audit';
import { addMandatory } from '../library';
import { seedCounty } from '../testSupport/county';
import { addProject, ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { countyStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { projectTarget, saveTarget, transitionTarget } from './targets';
import { commitTargetImport, exportTargetTemplate, previewTargetImport } from './excel';
import { ROAD_TYPE, seedRoadType } from '../testSupport/roadType';

function setUp() {
  const { db } = countyStore();
  seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
  seedRoadType(db);
  const road = addProject(db, { code: 'XM001', name: '农村公路硬化', projectTypeCode: ROAD_TYPE });
  const bridge = addProject(db, { code: 'XM002', name: '危桥改造' });
  return { db, road, bridge };
}

type Grid = (string | number)[][];

/** Reads the exported template as a unit would open it in Excel. */
function sheetsOf(bytes: Uint8Array): Record<string, Grid> {
  const book = XLSX.read(bytes, { type: 'array' });
  return Object.fromEntries(book.SheetNames.map((name) => [name, XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets[name]!, { header: 1, defval: '' })]));
}

/** Saves the unit's filled sheets as a real .xlsx file and reads the bytes back. */
function filledFile(goals: Grid, indicators: Grid): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(goals), '项目目标');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(indicators), '绩效指标');
  const file = path.join(tempDir(), '已填模板.xlsx');
  fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
  return fs.readFileSync(file);
}

describe('target template export', () => {
  it('pre-fills the unit’s projects, the library’s suggestions and the year’s dictionary', () => {
    const { db } = setUp();
    const { fileName, bytes } = exportTargetTemplate(db, 2020, '301002');
    expect(fileName).toBe('2020年项目绩效目标填报模板-轮台县农村公路管理站.xlsx');
    const sheets = sheetsOf(bytes);
    expect(Object.keys(sheets)).toEqual(['项目目标', '绩效指标', '填写说明']);
    expect(sheets['项目目标']).toEqual([
      ['项目编码', '项目名称', '总体目标', '年度目标（多项用“；”分隔）'],
      ['XM001', '农村公路硬化', '', ''],
      ['XM002', '危桥改造', '', ''],
    ]);
    expect(sheets['绩效指标']!.slice(1).map((r) => [r[0], r[4], r[5], r[6], r[7]])).toEqual([
      ['XM001', '新建（改建）农村道路里程', '≥', '10', '公里'],
      ['XM001', '工程验收合格率', '=', '100', '%'],
      ['XM001', '群众出行条件', '定性', '明显改善', ''],
      ['XM001', '沿线群众满意度', '≥', '90', '%'],
    ]);
    expect(sheets['填写说明']!.flat().join('')).toContain('产出指标：数量指标、质量指标、时效指标、成本指标');
  });

  it('carries each indicator’s accrual kind: 累计型 for a count, 状态型 for a rate and satisfaction, none for 定性', () => {
    const { db } = setUp();
    const sheet = sheetsOf(exportTargetTemplate(db, 2020, '301002').bytes)['绩效指标']!;
    expect(sheet[0]![11]).toBe('累计方式');
    expect(sheet.slice(1).map((r) => [r[4], r[11]])).toEqual([
      ['新建（改建）农村道路里程', '累计型'],
      ['工程验收合格率', '状态型'],
      ['群众出行条件', ''],
      ['沿线群众满意度', '状态型'],
    ]);
  });
});

describe('accrual kind in an imported template', () => {
  const goals: Grid = [
    ['项目编码', '项目名称', '总体目标', '年度目标（多项用“；”分隔）'],
    ['XM001', '农村公路硬化', '完成 12 公里农村公路硬化', ''],
  ];
  const header = ['项目编码', '项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '指标解释', '设定依据', '分值', '累计方式'];
  const rows = (accruals: [string, string, string]): Grid => [
    header,
    ['XM001', '农村公路硬化', '产出指标', '数量指标', '新建农村道路里程', '≥', 12, '公里', '', '计划标准', '', accruals[0]],
    ['XM001', '农村公路硬化', '产出指标', '质量指标', '验收合格率', '=', 100, '%', '', '计划标准', '', accruals[1]],
    ['XM001', '农村公路硬化', '效益指标', '社会效益指标', '群众出行比例', '≥', 80, '%', '', '计划标准', '', accruals[2]],
  ];

  it('defaults a blank cell from the unit and level 2, and keeps an override', () => {
    const { db, road } = setUp();
    commitTargetImport(db, TEST_ACTOR, 2020, 'a.xlsx', filledFile(goals, rows(['', '', '累计型'])));
    expect(projectTarget(db, road.id).indicators.map((i) => [i.name, i.accrual])).toEqual([
      ['新建农村道路里程', 'cumulative'],
      ['验收合格率', 'level'],
      ['群众出行比例', 'cumulative'],
    ]);
  });

  it('refuses an unknown accrual kind in its row and column', () => {
    const { db, road } = setUp();
    const preview = previewTargetImport(db, 2020, 'a.xlsx', filledFile(goals, rows(['', '时点型', ''])));
    expect(preview.problems).toEqual([
      { sheet: '绩效指标', rowNumber: 3, column: '累计方式', message: '“时点型”不是有效的累计方式，应为“累计型”或“状态型”，也可留空按计量单位判断' },
    ]);
    expect(projectTarget(db, road.id).id).toBeNull();
  });
});

describe('target template import', () => {
  const header = ['项目编码', '项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '指标解释', '设定依据', '分值'];
  const goals: Grid = [
    ['项目编码', '项目名称', '总体目标', '年度目标（多项用“；”分隔）'],
    ['XM001', '农村公路硬化', '完成 12 公里农村公路硬化', '上半年完成路基；年底前验收'], // row 2
    ['XM002', '危桥改造', '改造危桥 3 座', ''], // row 3
    ['XM999', '不存在的项目', '总体目标', ''], // row 4
  ];
  const indicators: Grid = [
    header,
    ['XM001', '农村公路硬化', '产出指标', '数量指标', '新建农村道路里程', '>=', 12, '公里', '', '计划标准', ''], // row 2: ">=" accepted
    ['XM001', '农村公路硬化', '效益指标', '社会效益指标', '群众出行条件', '定性', '明显改善', '', '', '', ''], // row 3
    ['XM002', '危桥改造', '产出指标', '数量指标', '改造危桥', '≥', 3, '', '', '计划标准', ''], // row 4: no unit
    ['XM002', '危桥改造', '效益指标', '社会效益指标', '通行安全', '大约', '提高', '', '', '计划标准', ''], // row 5: bad operator
    ['XM002', '危桥改造', '产出指标', '时效指标', '完工时间', '≤', '十月', '月', '', '计划标准', ''], // row 6: not a number
  ];

  it('reports each bad row by sheet, row number and column, and writes nothing until confirmed', () => {
    const { db, road, bridge } = setUp();
    const preview = previewTargetImport(db, 2020, '已填模板.xlsx', filledFile(goals, indicators));
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 2 });
    expect(preview.problems).toEqual([
      { sheet: '项目目标', rowNumber: 4, column: '项目编码', message: '项目编码 XM999 不是 2020 年登记的项目，请先在“单位与项目”中登记或导入' },
      { sheet: '绩效指标', rowNumber: 4, column: '计量单位', message: '定量指标请填写计量单位' },
      { sheet: '绩效指标', rowNumber: 5, column: '指标性质', message: '“大约”不是有效的指标性质，应为 ≥、>、=、<、≤、定性' },
      { sheet: '绩效指标', rowNumber: 6, column: '指标值', message: '定量指标的指标值应为数字' },
    ]);
    expect(preview.rows.map((p) => [p.code, p.indicatorCount, p.action])).toEqual([
      ['XM001', 2, 'create'],
      ['XM002', 3, 'error'],
      ['XM999', 0, 'error'],
    ]);
    expect(projectTarget(db, road.id).id).toBeNull();
    expect(projectTarget(db, bridge.id).id).toBeNull();
    expect(listAudit(db, { entity: 'target', limit: 5 })).toEqual([]);
  });

  it('on confirm imports the valid project whole as a draft and nothing of the project with a bad row', () => {
    const { db, road, bridge } = setUp();
    const result = commitTargetImport(db, TEST_ACTOR, 2020, '已填模板.xlsx', filledFile(goals, indicators));
    expect(result.written).toBe(1);
    const imported = projectTarget(db, road.id);
    expect(imported).toMatchObject({ status: 'draft', overallGoal: '完成 12 公里农村公路硬化', annualGoals: ['上半年完成路基', '年底前验收'], problems: [] });
    expect(imported.indicators.map((i) => [i.name, i.operator, i.value])).toEqual([
      ['新建农村道路里程', '≥', '12'],
      ['群众出行条件', '定性', '明显改善'],
    ]);
    expect(projectTarget(db, bridge.id).id).toBeNull();
    expect(listAudit(db, { entity: 'target', limit: 5 }).map((a) => [a.naturalKey, a.action])).toEqual([['652822/2020/project/XM001', 'Excel 导入绩效目标']]);
    // The same file again changes nothing for the imported project.
    expect(previewTargetImport(db, 2020, '已填模板.xlsx', filledFile(goals, indicators)).counts).toMatchObject({ create: 0, unchanged: 1 });
  });

  it('refuses to overwrite targets that were submitted, and reports a project missing its rule-required indicators', () => {
    const { db, road } = setUp();
    commitTargetImport(db, TEST_ACTOR, 2020, 'a.xlsx', filledFile(goals, indicators));
    const saved = projectTarget(db, road.id);
    transitionTarget(db, TEST_ACTOR, { id: saved.id!, version: saved.version!, action: 'submit' });
    const preview = previewTargetImport(db, 2020, 'b.xlsx', filledFile(goals.slice(0, 2), indicators.slice(0, 2)));
    expect(preview.problems).toEqual([{ sheet: '项目目标', rowNumber: 2, column: '项目编码', message: '该项目的绩效目标已送审，不能通过模板修改' }]);

    const other = addProject(db, { code: 'XM003', name: '桥梁养护' });
    saveTarget(db, TEST_ACTOR, { projectId: other.id, version: null, overallGoal: '旧', annualGoals: [], indicators: [] });
    const onlyOutput = previewTargetImport(
      db,
      2020,
      'c.xlsx',
      filledFile([goals[0]!, ['XM003', '桥梁养护', '养护桥梁', '']], [header, ['XM003', '桥梁养护', '产出指标', '数量指标', '养护桥梁', '≥', 5, '座', '', '', '']]),
    );
    expect(onlyOutput.problems).toEqual([{ sheet: '项目目标', rowNumber: 2, column: '项目编码', message: '绩效指标：至少需要一个效益指标（一级指标为“效益指标”）' }]);
  });
});

describe('固化指标 in an imported template', () => {
  /** The road type's library with the two 衔接资金 indicators set as mandatory, and a 衔接资金 road project beside XM001/XM002. */
  function withMandatory() {
    const county = setUp();
    const rows: [string, string, string, string, string][] = [
      ['L101', '效益指标', '社会效益指标', '带动脱贫户和监测户户数', '户'],
      ['L102', '产出指标', '时效指标', '资金支出进度', '%'],
    ];
    for (const [code, level1, level2, name, unit] of rows) {
      county.db.insert(libraryIndicators).values({ id: randomUUID(), code, projectTypeCode: ROAD_TYPE, level1, level2, name, operator: '≥', referenceValue: '', unit, status: 'accepted' }).run();
      addMandatory(county.db, TEST_ACTOR, { scope: 'fund', scopeCode: 'poverty', indicatorCode: code, operator: '' });
    }
    const poverty = addProject(county.db, { code: 'XM003', name: '庭院经济产业发展', povertyFund: true, projectTypeCode: ROAD_TYPE });
    return { ...county, poverty };
  }

  const header = ['项目编码', '项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '指标解释', '设定依据', '分值', '累计方式', '指标库编码'];
  const goals: Grid = [
    ['项目编码', '项目名称', '总体目标', '年度目标（多项用“；”分隔）'],
    ['XM002', '危桥改造', '改造危桥 3 座', ''], // row 2
    ['XM003', '庭院经济产业发展', '发展庭院经济，带动脱贫户增收', ''], // row 3
  ];
  const bridgeRows: Grid = [
    ['XM002', '危桥改造', '产出指标', '数量指标', '改造危桥', '≥', 3, '座', '', '计划标准', '', '', ''],
    ['XM002', '危桥改造', '效益指标', '社会效益指标', '通行安全', '定性', '明显提高', '', '', '计划标准', '', '', ''],
  ];
  const ownRows: Grid = [
    ['XM003', '庭院经济产业发展', '产出指标', '数量指标', '新建（改建）农村道路里程', '≥', 2, '公里', '', '计划标准', '', '', 'L001'],
    ['XM003', '庭院经济产业发展', '效益指标', '社会效益指标', '群众出行条件', '定性', '明显改善', '', '', '计划标准', '', '', 'L003'],
  ];

  it('adds the 固化指标 a 衔接资金 project’s rows lack, names them in the preview, and imports them first', () => {
    const { db, poverty } = withMandatory();
    const file = filledFile(goals, [header, ...bridgeRows, ...ownRows]);
    const preview = previewTargetImport(db, 2020, '衔接资金.xlsx', file);
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((p) => [p.code, p.action, p.addedMandatory])).toEqual([
      ['XM002', 'create', []],
      ['XM003', 'create', ['带动脱贫户和监测户户数', '资金支出进度']],
    ]);
    expect(commitTargetImport(db, TEST_ACTOR, 2020, '衔接资金.xlsx', file).written).toBe(2);
    const imported = projectTarget(db, poverty.id);
    expect(imported.indicators.map((i) => [i.name, i.libraryCode, i.value])).toEqual([
      ['带动脱贫户和监测户户数', 'L101', ''],
      ['资金支出进度', 'L102', ''],
      ['新建（改建）农村道路里程', 'L001', '2'],
      ['群众出行条件', 'L003', '明显改善'],
    ]);
    // The target carries its 固化指标: what is left is the unit's to fill (their values), not a missing one.
    expect(imported.problems.map((p) => p.message).filter((m) => m.includes('固化指标'))).toEqual([]);
    // The same file again adds nothing more and changes nothing.
    expect(previewTargetImport(db, 2020, '衔接资金.xlsx', file).rows.map((p) => [p.code, p.action, p.addedMandatory])).toEqual([
      ['XM002', 'unchanged', []],
      ['XM003', 'unchanged', []],
    ]);
    // A value the unit typed in the program survives a file that leaves the row out.
    const typed = projectTarget(db, poverty.id);
    saveTarget(db, TEST_ACTOR, { ...typed, projectId: poverty.id, version: typed.version, indicators: typed.indicators.map((i) => (i.libraryCode === 'L101' ? { ...i, value: '120' } : i)) });
    const changed = filledFile(goals, [header, ...bridgeRows, [...ownRows[0]!.slice(0, 6), 3, ...ownRows[0]!.slice(7)], ownRows[1]!]);
    expect(previewTargetImport(db, 2020, '衔接资金.xlsx', changed).rows[1]).toMatchObject({ action: 'update', addedMandatory: ['带动脱贫户和监测户户数', '资金支出进度'] });
    commitTargetImport(db, TEST_ACTOR, 2020, '衔接资金.xlsx', changed);
    expect(projectTarget(db, poverty.id).indicators.map((i) => i.value)).toEqual(['120', '', '3', '明显改善']);
  });

  it('takes a row with a 固化指标’s code, or without a code but with its name, for it: its value is kept, nothing added', () => {
    const { db, poverty } = withMandatory();
    const rows: Grid = [
      ['XM003', '庭院经济产业发展', '效益指标', '社会效益指标', '带动脱贫户和监测户户数', '≥', 120, '户', '', '计划标准', '', '', 'L101'],
      ['XM003', '庭院经济产业发展', '产出指标', '时效指标', '资金支出进度', '≥', 90, '%', '', '计划标准', '', '', ''],
      ...ownRows,
    ];
    const preview = previewTargetImport(db, 2020, 'a.xlsx', filledFile([goals[0]!, goals[2]!], [header, ...rows]));
    expect(preview.rows.map((p) => [p.code, p.action, p.addedMandatory])).toEqual([['XM003', 'create', []]]);
    commitTargetImport(db, TEST_ACTOR, 2020, 'a.xlsx', filledFile([goals[0]!, goals[2]!], [header, ...rows]));
    expect(projectTarget(db, poverty.id).indicators.map((i) => [i.name, i.libraryCode, i.value])).toEqual([
      ['带动脱贫户和监测户户数', 'L101', '120'],
      ['资金支出进度', 'L102', '90'],
      ['新建（改建）农村道路里程', 'L001', '2'],
      ['群众出行条件', 'L003', '明显改善'],
    ]);
  });

  it('refuses a row renaming a 固化指标 on its sheet, row and column, keeps that project out and imports the others', () => {
    const { db, bridge, poverty } = withMandatory();
    const renamed: Grid = [['XM003', '庭院经济产业发展', '产出指标', '时效指标', '资金支出率', '≥', 90, '%', '', '计划标准', '', '', 'L102'], ...ownRows];
    const file = filledFile(goals, [header, ...bridgeRows, ...renamed]);
    const preview = previewTargetImport(db, 2020, '改名.xlsx', file);
    expect(preview.problems).toEqual([
      {
        sheet: '绩效指标',
        rowNumber: 4,
        column: '三级指标',
        message: '“资金支出进度”（衔接资金项目的固化指标）是指标库设定的固化指标，三级指标名称不能修改，请改回“资金支出进度”；指标值可以修改',
      },
    ]);
    expect(preview.rows.map((p) => [p.code, p.action, p.addedMandatory])).toEqual([
      ['XM002', 'create', []],
      ['XM003', 'error', []],
    ]);
    expect(commitTargetImport(db, TEST_ACTOR, 2020, '改名.xlsx', file).written).toBe(1);
    expect(projectTarget(db, bridge.id).status).toBe('draft');
    expect(projectTarget(db, poverty.id).id).toBeNull();
  });

  it('exports the 指标库编码 of every library row, the 固化指标 first, and keeps no code the project does not know', () => {
    const { db, poverty } = withMandatory();
    const sheet = sheetsOf(exportTargetTemplate(db, 2020, '301002').bytes)['绩效指标']!;
    expect(sheet[0]![12]).toBe('指标库编码');
    expect(sheet.filter((r) => r[0] === 'XM003').map((r) => [r[4], r[12]])).toEqual([
      ['带动脱贫户和监测户户数', 'L101'],
      ['资金支出进度', 'L102'],
      ['新建（改建）农村道路里程', 'L001'],
      ['工程验收合格率', 'L002'],
      ['群众出行条件', 'L003'],
      ['沿线群众满意度', 'L004'],
    ]);
    const foreign: Grid = [['XM003', '庭院经济产业发展', '产出指标', '数量指标', '新建（改建）农村道路里程', '≥', 2, '公里', '', '计划标准', '', '', 'EDU-9'], ownRows[1]!];
    commitTargetImport(db, TEST_ACTOR, 2020, 'b.xlsx', filledFile([goals[0]!, goals[2]!], [header, ...foreign]));
    expect(projectTarget(db, poverty.id).indicators.map((i) => i.libraryCode)).toEqual(['L101', 'L102', null, 'L003']);
  });
});
