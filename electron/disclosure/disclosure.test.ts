import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { listAudit } from '../audit/audit';
import { AppError } from '../errors';
import { countyStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { projectYears, targetCoverage } from './coverage';
import { listDisclosures, publishDisclosure } from './publish';
import { disclosureFileName, disclosureWorkbook } from './targetSheet';
import { disclosureTable } from './targetTable';
import { seedCounty, type SeedIndicator } from '../testSupport/county';

const ROAD_INDICATORS: SeedIndicator[] = [
  { level1: '效益指标', level2: '社会效益指标', name: '群众出行条件改善', operator: '定性', value: '明显改善' },
  { level1: '产出指标', level2: '数量指标', name: '新建农村公路里程', operator: '≥', value: '12.5', unit: '公里' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '沿线群众满意度', operator: '≥', value: '90', unit: '%' },
  { level1: '产出指标', level2: '质量指标', name: '工程验收合格率', operator: '=', value: '100', unit: '%' },
  { level1: '产出指标', level2: '数量指标', name: '新建桥涵', operator: '≥', value: '3', unit: '座' },
];

/** 交通运输局 with a subordinate 公路管理站, and 公安局; five projects of 2020 in every state. */
function county(): Db {
  const { db } = countyStore();
  seedCounty(db, {
    units: [
      { code: '301001', name: '轮台县交通运输局' },
      { code: '301002', name: '轮台县公路管理站', departmentCode: '301001' },
      { code: '401001', name: '轮台县公安局' },
    ],
    projects: [
      {
        code: 'P2020-001',
        name: '农村公路建设项目',
        unitCode: '301002',
        funds: [
          { source: '本级财政拨款', initialFen: 1_000_000_00, additionFen: 200_000_00 }, // 100 万 + 20 万 追加
          { source: '上级补助（中央）', initialFen: 500_000_00 },
          { source: '单位资金', initialFen: 12_345_600, cutFen: 2_345_600 }, // 12.3456 万 − 2.3456 万
        ],
      },
      { code: 'P2020-002', name: '交通安全宣传项目', unitCode: '301001', funds: [{ source: '本级财政拨款', initialFen: 50_000_00 }] },
      { code: 'P2020-003', name: '公路养护项目', unitCode: '301002' },
      { code: 'P2020-004', name: '治安防控专项', unitCode: '401001', confidential: true },
      { code: 'P2020-005', name: '执法车辆购置', unitCode: '401001' },
      { code: 'P2019-001', name: '上年度项目', unitCode: '301001', year: 2019 },
    ],
    targets: [
      { project: 'P2020-001', status: 'approved', indicators: ROAD_INDICATORS },
      {
        project: 'P2020-002',
        status: 'approved',
        indicators: [
          { level1: '产出指标', level2: '数量指标', name: '宣传场次', operator: '≥', value: '20', unit: '场' },
          { level1: '效益指标', level2: '社会效益指标', name: '交通事故', operator: '≤', value: '5', unit: '起' },
        ],
      },
      { project: 'P2020-003', status: 'submitted' },
      { project: 'P2020-004', status: 'approved', indicators: ROAD_INDICATORS },
      { project: 'P2019-001', status: 'approved' },
    ],
  });
  return db;
}

describe('the publishable project target table', () => {
  it('lists approved targets only, never a confidential project, and says how many were left out and why', () => {
    const table = disclosureTable(county(), { year: 2020, unitCode: null , kind: 'projectTargets' });
    expect(table.title).toBe('轮台县2020年度项目支出绩效目标表');
    expect(table.scopeName).toBe('全县');
    // By 主管部门, then implementing unit, then project code.
    expect(table.targets.map((p) => p.name)).toEqual(['交通安全宣传项目', '农村公路建设项目']);
    expect(table.excluded).toEqual({ confidential: 1, notApproved: 2 });
    expect(table.exclusionNote).toBe('未列入 3 个项目：涉密项目 1 个（不公开），绩效目标尚未审核通过的项目 2 个。');
    expect(JSON.stringify(table)).not.toContain('治安防控专项');
  });

  it('shows departments and units by name, adjusted funds split into 财政拨款 and 其他资金, and targets as operator, value and unit', () => {
    const road = disclosureTable(county(), { year: 2020, unitCode: null , kind: 'projectTargets' }).targets.find((p) => p.code === 'P2020-001');
    expect(road).toMatchObject({ departmentName: '轮台县交通运输局', detail: '轮台县公路管理站', overallGoal: '农村公路建设项目的总体目标' });
    expect(road!.fiscalFen).toBe(1_700_000_00);
    expect(road!.otherFen).toBe(10_000_000);
    expect(road!.totalFen).toBe(1_800_000_00);
    // Dictionary order (产出 → 效益 → 满意度, 数量 → 质量), the form's order within a level.
    expect(road!.indicators.map((i) => [i.level2, i.name, i.target])).toEqual([
      ['数量指标', '新建农村公路里程', '≥12.5公里'],
      ['数量指标', '新建桥涵', '≥3座'],
      ['质量指标', '工程验收合格率', '=100%'],
      ['社会效益指标', '群众出行条件改善', '明显改善'],
      ['服务对象满意度指标', '沿线群众满意度', '≥90%'],
    ]);
  });

  it('for a 主管部门 includes its units’ projects, for a unit only its own, and refuses an unknown unit', () => {
    const db = county();
    expect(disclosureTable(db, { year: 2020, unitCode: '301001' , kind: 'projectTargets' }).targets.map((p) => p.code)).toEqual(['P2020-002', 'P2020-001']);
    const station = disclosureTable(db, { year: 2020, unitCode: '301002' , kind: 'projectTargets' });
    expect(station.title).toBe('轮台县公路管理站2020年度项目支出绩效目标表');
    expect(station.targets.map((p) => p.code)).toEqual(['P2020-001']);
    expect(station.excluded).toEqual({ confidential: 0, notApproved: 1 });
    const police = disclosureTable(db, { year: 2020, unitCode: '401001' , kind: 'projectTargets' });
    expect(police.targets).toEqual([]);
    expect(police.excluded).toEqual({ confidential: 1, notApproved: 1 });
    expect(() => disclosureTable(db, { year: 2020, unitCode: '999999' , kind: 'projectTargets' })).toThrow(/单位编码 999999 不存在/);
  });
});

/** Writes the workbook to a real file and reads it back the way Excel would open it. */
function readBack(bytes: Uint8Array): XLSX.WorkBook {
  const file = path.join(tempDir(), '公开.xlsx');
  fs.writeFileSync(file, bytes);
  return XLSX.read(fs.readFileSync(file), { type: 'buffer', cellNF: true });
}

const cell = (sheet: XLSX.WorkSheet, address: string) => sheet[address] as XLSX.CellObject | undefined;
const merged = (sheet: XLSX.WorkSheet) => (sheet['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).sort();

describe('the published xlsx', () => {
  it('has a title row, two merged header rows, and each project’s cells merged over its indicator rows', () => {
    const book = readBack(disclosureWorkbook(disclosureTable(county(), { year: 2020, unitCode: null , kind: 'projectTargets' })));
    const sheet = book.Sheets['全县']!;
    expect(cell(sheet, 'A1')?.v).toBe('轮台县2020年度项目支出绩效目标表');
    expect(cell(sheet, 'A2')?.v).toBe('公开范围：全县');
    expect(cell(sheet, 'K2')?.v).toBe('金额单位：万元');
    expect(['A3', 'B3', 'E3', 'H3', 'I3'].map((a) => cell(sheet, a)?.v)).toEqual(['序号', '项目名称', '资金情况（万元）', '总体目标', '绩效指标']);
    expect(['E4', 'F4', 'G4', 'I4', 'J4', 'K4', 'L4'].map((a) => cell(sheet, a)?.v)).toEqual([
      '年度资金总额',
      '其中：财政拨款',
      '其他资金',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
    ]);
    // Project 1 has two indicator rows (5–6), project 2 five (7–11).
    expect(['A5', 'B5', 'E5', 'F5', 'G5', 'K6', 'L6'].map((a) => cell(sheet, a)?.v)).toEqual(['1', '交通安全宣传项目', 5, 5, 0, '交通事故', '≤5起']);
    expect(['A7', 'B7', 'C7', 'D7', 'H7'].map((a) => cell(sheet, a)?.v)).toEqual(['2', '农村公路建设项目', '轮台县交通运输局', '轮台县公路管理站', '农村公路建设项目的总体目标']);
    expect(['E7', 'F7', 'G7'].map((a) => cell(sheet, a)?.v)).toEqual([180, 170, 10]);
    expect(cell(sheet, 'E7')?.z).toBe('0.0000');
    expect(['I7', 'J7', 'K7', 'L7', 'K11', 'L11'].map((a) => cell(sheet, a)?.v)).toEqual(['产出指标', '数量指标', '新建农村公路里程', '≥12.5公里', '沿线群众满意度', '≥90%']);
    expect(merged(sheet)).toEqual(
      [
        'A1:L1', // title
        'A2:J2',
        'K2:L2',
        ...['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:H4', 'I3:L3'], // headers
        ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => `${c}5:${c}6`), // project 1 over its 2 rows
        ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => `${c}7:${c}11`), // project 2 over its 5 rows
        'I7:I9', // 产出指标 ×3
        'J7:J8', // 数量指标 ×2
      ].sort(),
    );
    expect(cell(sheet, 'A12')).toBeUndefined();
  });

  it('adds one sheet per 主管部门 to the county’s workbook, and only the unit’s sheet for a unit', () => {
    const db = county();
    const countyBook = readBack(disclosureWorkbook(disclosureTable(db, { year: 2020, unitCode: null , kind: 'projectTargets' })));
    expect(countyBook.SheetNames).toEqual(['全县', '轮台县交通运输局']);
    expect(cell(countyBook.Sheets['轮台县交通运输局']!, 'A1')?.v).toBe('轮台县交通运输局2020年度项目支出绩效目标表');
    const unitTable = disclosureTable(db, { year: 2020, unitCode: '301002' , kind: 'projectTargets' });
    expect(readBack(disclosureWorkbook(unitTable)).SheetNames).toEqual(['轮台县公路管理站']);
    expect(disclosureFileName(unitTable)).toBe('轮台县公路管理站2020年度项目支出绩效目标表.xlsx');
  });
});

describe('recording a publication', () => {
  it('records scope, count, file and who, with the published project codes in the audit log', () => {
    const db = county();
    const record = publishDisclosure(db, TEST_ACTOR, { year: 2020, unitCode: null , kind: 'projectTargets' });
    expect(record).toMatchObject({ year: 2020, kind: 'projectTargets', scope: '*', recordCount: 2, fileName: '轮台县2020年度项目支出绩效目标表.xlsx', publishedBy: '测试员' });
    publishDisclosure(db, TEST_ACTOR, { year: 2020, unitCode: '301002' , kind: 'projectTargets' });
    expect(listDisclosures(db, 2020).map((d) => [d.scope, d.scopeName, d.recordCount])).toEqual([
      ['301002', '轮台县公路管理站', 1],
      ['*', '全县', 2],
    ]);
    expect(listDisclosures(db, 2019)).toEqual([]);
    const [entry] = listAudit(db, { entity: 'disclosure', naturalKey: '652822/2020/projectTargets/*', limit: 5 });
    expect(entry?.action).toBe('记录绩效公开');
    expect(JSON.parse(entry!.after!)).toMatchObject({ codes: ['P2020-002', 'P2020-001'], excluded: { confidential: 1, notApproved: 2 } });
  });

  it('refuses to record a publication with nothing to publish, and writes nothing', () => {
    const db = county();
    const refusal = (() => {
      try {
        publishDisclosure(db, TEST_ACTOR, { year: 2020, unitCode: '401001' , kind: 'projectTargets' });
      } catch (error) {
        return error as AppError;
      }
    })();
    expect(refusal?.message).toBe('轮台县公安局2020年度没有可公开的项目支出绩效目标表内容（未列入 2 个项目：涉密项目 1 个（不公开），绩效目标尚未审核通过的项目 1 个。），未记录公开');
    expect(listDisclosures(db, 2020)).toEqual([]);
    expect(listAudit(db, { entity: 'disclosure', limit: 5 })).toEqual([]);
  });
});

/** The county above with department-wide targets: 交通运输局 and 公安局 approved, 公路管理站 still in review. */
function countyWithDepartments(): Db {
  const db = county();
  const indicators: SeedIndicator[] = [
    { level1: '效益指标', level2: '社会效益指标', name: '部门职能履行情况', operator: '定性', value: '有效履行' },
    { level1: '产出指标', level2: '质量指标', name: '重点工作任务完成率', operator: '≥', value: '95', unit: '%' },
  ];
  seedCounty(db, {
    targets: [
      {
        department: '301001',
        status: 'approved',
        fiscalFen: 3_000_000_00,
        otherFen: 10_000_000,
        tasks: [
          { task: '组织农村公路建设', projectCodes: ['P2020-001'], amountFen: 1_800_000_00 },
          { task: '开展交通安全宣传', projectCodes: ['P2020-002'], amountFen: 5_000_000 },
        ],
        indicators,
      },
      { department: '301002', status: 'submitted', fiscalFen: 1_000_000_00, otherFen: 0, tasks: [] },
      {
        department: '401001',
        status: 'approved',
        fiscalFen: 5_000_000_00,
        otherFen: 0,
        tasks: [
          { task: '治安防控', projectCodes: ['P2020-004'], amountFen: 2_000_000_00 },
          { task: '日常执法', projectCodes: [], amountFen: 1_000_000_00 },
        ],
      },
    ],
  });
  return db;
}

describe('the publishable department-wide target table', () => {
  it('lists approved department-wide targets with budget, tasks and indicators, and withholds tasks of confidential projects', () => {
    const table = disclosureTable(countyWithDepartments(), { year: 2020, unitCode: null, kind: 'departmentTargets' });
    expect(table.title).toBe('轮台县2020年度部门整体支出绩效目标表');
    expect(table.targets.map((t) => t.name)).toEqual(['轮台县交通运输局', '轮台县公安局']);
    expect(table.targets[0]).toMatchObject({
      departmentName: '轮台县交通运输局',
      detail: '组织农村公路建设（180.0000万元）；开展交通安全宣传（5.0000万元）',
      totalFen: 3_100_000_00,
      fiscalFen: 3_000_000_00,
      otherFen: 10_000_000,
      overallGoal: '301001的年度总体目标',
    });
    expect(table.targets[0]!.indicators.map((i) => i.target)).toEqual(['≥95%', '有效履行']);
    expect(table.targets[1]!.detail).toBe('日常执法（100.0000万元）');
    expect(JSON.stringify(table)).not.toContain('治安防控');
    expect(table.excluded).toEqual({ confidential: 1, notApproved: 1 });
    expect(table.exclusionNote).toBe('未列入 1 个单位（部门整体支出绩效目标尚未审核通过）；涉密项目相关的年度任务 1 项未列出。');
  });

  it('exports with its own column headers and records its publication as its own kind', () => {
    const db = countyWithDepartments();
    const table = disclosureTable(db, { year: 2020, unitCode: '301001', kind: 'departmentTargets' });
    expect(table.targets.map((t) => t.code)).toEqual(['301001']);
    expect(table.excluded.notApproved).toBe(1); // 公路管理站, in the 交通运输局's scope
    const sheet = readBack(disclosureWorkbook(table)).Sheets['轮台县交通运输局']!;
    expect(['A1', 'B3', 'C3', 'D3', 'D5'].map((a) => cell(sheet, a)?.v)).toEqual([
      '轮台县交通运输局2020年度部门整体支出绩效目标表',
      '单位名称',
      '主管部门',
      '年度主要任务',
      '组织农村公路建设（180.0000万元）；开展交通安全宣传（5.0000万元）',
    ]);
    const record = publishDisclosure(db, TEST_ACTOR, { year: 2020, unitCode: '301001', kind: 'departmentTargets' });
    expect(record).toMatchObject({ kind: 'departmentTargets', scope: '301001', recordCount: 1, fileName: '轮台县交通运输局2020年度部门整体支出绩效目标表.xlsx' });
    expect(listAudit(db, { entity: 'disclosure', naturalKey: '652822/2020/departmentTargets/301001', limit: 5 })).toHaveLength(1);
  });
});

describe('coverage of approved targets', () => {
  it('counts per unit the projects of the year and those with approved targets, confidential ones included, as exact percents', () => {
    const coverage = targetCoverage(county(), 2020);
    expect(coverage).toMatchObject({ year: 2020, projects: 5, approved: 3, percent: '60.00' });
    expect(coverage.units).toEqual([
      { unitCode: '301001', unitName: '轮台县交通运输局', projects: 1, approved: 1, percent: '100.00' },
      { unitCode: '301002', unitName: '轮台县公路管理站', projects: 2, approved: 1, percent: '50.00' },
      { unitCode: '401001', unitName: '轮台县公安局', projects: 2, approved: 1, percent: '50.00' },
    ]);
    expect(targetCoverage(county(), 2021)).toEqual({ year: 2021, projects: 0, approved: 0, percent: null, units: [] });
  });

  it('knows the years that have projects, newest first', () => {
    expect(projectYears(county())).toEqual([2020, 2019]);
    expect(projectYears(countyStore().db)).toEqual([]);
  });
});
