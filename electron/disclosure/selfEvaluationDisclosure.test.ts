// 绩效公开 of self-evaluation tables with the final accounts (决算公开), on a real SQLite file: only approved
// self-evaluations, never a 涉密 project, with what was left out counted; the Excel to publish (the grid,
// the 主管部门 parts and each project's own 10号 form) read back; and the record of the publication.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { listAudit, type Actor } from '../audit/audit';
import { createOperator } from '../registry/operators';
import { readSelfEvaluationTables } from '../selfEvaluation/review/excel';
import { createSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, transitionSelfEvaluation } from '../selfEvaluation/selfEvaluations';
import { seedCounty, type SeedIndicator } from '../testSupport/county';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { entries, WAN } from '../testSupport/selfEvaluation';
import { listDisclosures, publishDisclosure } from './publish';
import { disclosureFile } from './targetSheet';
import { disclosureTable } from './targetTable';

const INDICATORS: SeedIndicator[] = [
  { level1: '产出指标', level2: '数量指标', name: '新建农村公路里程', operator: '≥', value: '12.5', unit: '公里', weight: '50' },
  { level1: '效益指标', level2: '社会效益指标', name: '群众出行条件改善', operator: '定性', value: '明显改善', weight: '40' },
];
const SELF = { year: 2020, unitCode: null, kind: 'selfEvaluations' } as const;

/** The self-evaluation of a project, filled (12.5 公里 of 12.5, achieved at 36 of 40, all spent) and left at `until`. */
function evaluate(db: Db, people: { clerk: Actor; reviewer: Actor }, code: string, until: 'draft' | 'approved') {
  const target = listSelfEvaluations(db, { year: 2020 }).find((r) => r.projectCode === code)!;
  const created = createSelfEvaluation(db, people.clerk, { targetId: target.targetId });
  const spent = { ...created.funds, appropriation: { ...created.funds.appropriation, executedFen: created.funds.appropriation.adjustedFen } };
  const saved = saveSelfEvaluation(db, people.clerk, entries(created, { funds: spent, goalAchieved: '道路建成通车' }, { 0: { actual: '12.5' }, 1: { tier: 'achieved', score: '36' } }));
  if (until === 'draft') return;
  const submitted = transitionSelfEvaluation(db, people.clerk, { id: saved.id, version: saved.version, action: 'submit' });
  transitionSelfEvaluation(db, people.reviewer, { id: submitted.id, version: submitted.version, action: 'approve' });
}

/** 交通运输局 with its 公路管理站, and 公安局: one table approved, one a draft, one confidential, one not started. */
function county(): Db {
  const { db } = countyStore({ colleagues: true });
  seedCounty(db, {
    units: [
      { code: '301001', name: '轮台县交通运输局' },
      { code: '301002', name: '轮台县公路管理站', departmentCode: '301001' },
      { code: '401001', name: '轮台县公安局' },
    ],
    projects: [
      { code: 'P2020-001', name: '农村公路建设项目', unitCode: '301002', funds: [{ source: '本级财政拨款', initialFen: 100 * WAN, additionFen: 20 * WAN }] },
      { code: 'P2020-002', name: '交通安全宣传项目', unitCode: '301001', funds: [{ source: '本级财政拨款', initialFen: 5 * WAN }] },
      { code: 'P2020-004', name: '治安防控专项', unitCode: '401001', confidential: true, funds: [{ source: '本级财政拨款', initialFen: 30 * WAN }] },
      { code: 'P2020-005', name: '执法车辆购置', unitCode: '401001' },
    ],
    targets: ['P2020-001', 'P2020-002', 'P2020-004', 'P2020-005'].map((project) => ({ project, status: 'approved' as const, indicators: INDICATORS })),
  });
  const people = {
    clerk: createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null }),
    reviewer: createOperator(db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null }),
  };
  evaluate(db, people, 'P2020-001', 'approved');
  evaluate(db, people, 'P2020-002', 'draft');
  evaluate(db, people, 'P2020-004', 'approved');
  return db;
}

describe('the publishable self-evaluation tables', () => {
  it('lists approved self-evaluations only, never a confidential project, with their results, and counts what was left out', () => {
    const table = disclosureTable(county(), SELF);
    expect(table.title).toBe('轮台县2020年度项目支出绩效自评表');
    expect([table.count, table.targets]).toEqual([1, []]);
    expect(table.selfEvaluations).toEqual([
      {
        id: expect.any(String) as unknown as string,
        code: 'P2020-001',
        name: '农村公路建设项目',
        departmentName: '轮台县交通运输局',
        unitName: '轮台县公路管理站',
        adjustedFen: 120 * WAN,
        executedFen: 120 * WAN,
        rate: '100.00%',
        total: '96.00',
        grade: '优',
        indicators: [
          { level1: '产出指标', level2: '数量指标', name: '新建农村公路里程', target: '≥12.5公里', actual: '12.5公里', score: '50.00' },
          { level1: '效益指标', level2: '社会效益指标', name: '群众出行条件改善', target: '明显改善', actual: '', score: '36.00' },
        ],
      },
    ]);
    expect(table.excluded).toEqual({ confidential: 1, notApproved: 2 });
    expect(table.exclusionNote).toBe('未列入 3 个项目：涉密项目 1 个（不公开），自评表尚未审核通过（或未自评）的项目 2 个。');
  });

  it('scopes to a 主管部门 with its units, and publishes nothing of a unit whose only approved table is confidential', () => {
    const db = county();
    expect(disclosureTable(db, { ...SELF, unitCode: '301001' }).selfEvaluations.map((s) => s.code)).toEqual(['P2020-001']);
    const police = disclosureTable(db, { ...SELF, unitCode: '401001' });
    expect([police.count, police.excluded]).toEqual([0, { confidential: 1, notApproved: 1 }]);
    expect(() => publishDisclosure(db, TEST_ACTOR, { ...SELF, unitCode: '401001' })).toThrow('轮台县公安局2020年度没有可公开的项目支出绩效自评表内容');
  });

  it('exports the table, each 主管部门’s part and each project’s own form, which reads back as scored', () => {
    const file = disclosureFile(county(), SELF);
    expect(file.fileName).toBe('轮台县2020年度项目支出绩效自评表.xlsx');
    const book = XLSX.read(file.bytes);
    expect(book.SheetNames).toEqual(['全县', '轮台县交通运输局', 'P2020-001']);
    const grid = XLSX.utils.sheet_to_json<string[]>(book.Sheets['全县']!, { header: 1, raw: false, defval: '' });
    expect(grid[0]![0]).toBe('轮台县2020年度项目支出绩效自评表');
    expect(grid[3]).toEqual(['', '', '', '', '全年预算数', '全年执行数', '执行率', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分', '', '']);
    expect(grid[4]).toEqual(['1', '农村公路建设项目', '轮台县交通运输局', '轮台县公路管理站', '120.0000', '120.0000', '100.00%', '产出指标', '数量指标', '新建农村公路里程', '≥12.5公里', '12.5公里', '50.00', '96.00', '优']);
    const [form] = readSelfEvaluationTables(file.bytes).filter((t) => t.sheet === 'P2020-001');
    expect([form!.written!.projectCode, form!.written!.total?.score, form!.written!.grade]).toEqual(['P2020-001', '96.00', '优']);
  });

  it('records the publication as its own kind with the published codes', () => {
    const db = county();
    const record = publishDisclosure(db, TEST_ACTOR, SELF);
    expect(record).toMatchObject({ year: 2020, kind: 'selfEvaluations', scope: '*', recordCount: 1, fileName: '轮台县2020年度项目支出绩效自评表.xlsx' });
    expect(listDisclosures(db, 2020).map((d) => d.kind)).toEqual(['selfEvaluations']);
    const [audit] = listAudit(db, { entity: 'disclosure', limit: 5 });
    expect(JSON.parse(audit!.after!)).toMatchObject({ codes: ['P2020-001'], excluded: { confidential: 1, notApproved: 2 } });
  });
});
