// 绩效公开 of key evaluation results with the final accounts, on a real SQLite file: only approved 财政评价
// and 部门评价, never a 涉密 project, with what was left out counted; the Excel read back; the publication recorded.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { TEST_ACTOR } from '../testSupport/fixtures';
import { countyWithEvaluations, WAN } from '../testSupport/evaluationExchange';
import { listDisclosures, publishDisclosure } from './publish';
import { disclosureFile } from './targetSheet';
import { disclosureTable } from './targetTable';

const RESULTS = { year: 2020, unitCode: null, kind: 'evaluations' } as const;

describe('disclosure of evaluation results', () => {
  it('lists approved evaluations with amount, total, grade and findings, leaving out and counting the confidential and the unapproved', () => {
    const { db } = countyWithEvaluations();
    const table = disclosureTable(db, RESULTS);
    expect(table.title).toBe('轮台县2020年度绩效评价结果表');
    // LT-1's approved 财政评价 is listed; EDU-3's is approved but 涉密; EDU-1's is only submitted and EDU-2's a draft.
    expect(table.evaluations).toEqual([
      expect.objectContaining({ code: 'LT-1', name: '农村公路养护', kindLabel: '财政评价', departmentName: '轮台县交通运输局', unitName: '轮台县农村公路管理站', amountFen: 100 * WAN, total: '86.50', grade: '良', findings: '1. 资金到位偏晚\n2. 绩效目标细化不足' }),
    ]);
    expect(table.excluded).toEqual({ confidential: 1, notApproved: 2 });
    expect(table.exclusionNote).toBe('未列入：涉密项目的评价 1 项（不公开），尚未审核通过的评价 2 项。');

    const book = XLSX.read(disclosureFile(db, RESULTS).bytes);
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: false, defval: '' });
    const header = rows.find((r) => r.includes('主要问题与发现'))!;
    expect(header).toEqual(['序号', '项目名称', '主管部门', '实施单位', '评价类型', '项目金额（万元）', '总分', '评价等级', '主要问题与发现']);
    const line = rows[rows.indexOf(header) + 1]!;
    expect(line.slice(0, 5)).toEqual(['1', '农村公路养护', '轮台县交通运输局', '轮台县农村公路管理站', '财政评价']);
    expect(Number(line[5])).toBe(100);
    expect(line.slice(6)).toEqual(['86.50', '良', '1. 资金到位偏晚\n2. 绩效目标细化不足']);
    expect(JSON.stringify(rows)).not.toContain('保密项目');
  });

  it('records what was published and when, and refuses to record a scope with nothing to publish', () => {
    const { db } = countyWithEvaluations();
    const record = publishDisclosure(db, TEST_ACTOR, RESULTS);
    expect(record).toMatchObject({ kind: 'evaluations', scope: '*', recordCount: 1, publishedBy: TEST_ACTOR.name });
    expect(listDisclosures(db, 2020)).toEqual([{ ...record, scopeName: '全县' }]);
    // 教育局's evaluations are a confidential one and two not approved.
    expect(() => publishDisclosure(db, TEST_ACTOR, { ...RESULTS, unitCode: '302001' })).toThrow('轮台县教育局2020年度没有可公开的绩效评价结果表内容（未列入：涉密项目的评价 1 项（不公开），尚未审核通过的评价 2 项。），未记录公开');
    expect(listDisclosures(db, 2020)).toHaveLength(1);
  });
});
