import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testSupport/cli';
import { tempDir } from '../testSupport/fixtures';
import { countyWithResults } from '../testSupport/results';
import { generateResults, recordDecision } from './proposals';

function generatedCounty() {
  const county = countyWithResults();
  const view = generateResults(county.db, county.office, { year: 2020, replace: false });
  recordDecision(county.db, county.clerk, { id: view.lines.find((l) => l.projectCode === 'LT-03')!.id, decision: 'partly', amountFen: 95_000_000, reason: '保留续建部分' });
  return county;
}

describe('jixiao results list', () => {
  it('prints each proposal with its grade and source, the measure and the amounts in 万元 as decimal strings (--json)', async () => {
    const { store, selfEvaluationIds } = generatedCounty();
    const run = await runCli('--db', store.path, 'results', 'list', '--year', '2020', '--json');
    expect(run.code, run.err).toBe(0);
    const printed = JSON.parse(run.out) as { year: number; generated: boolean; lines: Record<string, unknown>[] };
    expect(printed.generated).toBe(true);
    expect(printed.lines.map((l) => [l.projectCode, l.grade, l.measure, l.baseWanYuan, l.proposedWanYuan, l.recoverWanYuan])).toEqual([
      ['LT-01', '优', '优先保障', '150.0000', '150.0000', '0.0000'],
      ['LT-02', '良', '据实保障', '50.0000', '50.0000', '5.0000'],
      ['LT-03', '中', '核减 10%', '100.0000', '90.0000', '20.0000'],
      ['LT-04', '差', '取消或暂停', '40.0000', '0.0000', '30.0000'],
      ['LT-05', '良', '整改后再安排', '30.0000', '30.0000', '0.0000'],
    ]);
    expect(printed.lines[2]).toMatchObject({ gradeSource: 'self-evaluation', gradeRecordId: selfEvaluationIds.get('LT-03'), decision: 'partly', decidedWanYuan: '95.0000' });
  });

  it('prints a table for people, and says when the year has no list yet', async () => {
    const { store } = generatedCounty();
    const table = await runCli('--db', store.path, 'results', 'list', '--year', '2020');
    expect(table.out.split('\n')[3]).toMatch(/^LT-03\t中\t绩效自评\t[0-9a-f-]{36}\t核减 10%\t100\.0000（下年申请数）\t90\.0000\t20\.0000$/);
    const none = await runCli('--db', store.path, 'results', 'list', '--year', '2021');
    expect(none.out).toBe('2021年度的结果应用清单还没有生成（已审核的等级 0 个项目）');
    expect((await runCli('--db', store.path, 'results', 'list', '--year', '20x0')).code).toBe(2);
  });
});

describe('jixiao results export', () => {
  it('writes the list as a workbook and never overwrites a file', async () => {
    const { store } = generatedCounty();
    const out = path.join(tempDir(), '清单.xlsx');
    const run = await runCli('--db', store.path, 'results', 'export', '--year', '2020', '--out', out);
    expect(run.code, run.err).toBe(0);
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(XLSX.read(fs.readFileSync(out)).Sheets['预算调整建议清单']!, { raw: false });
    expect(rows.map((r) => r['项目编码'])).toEqual(['LT-01', 'LT-02', 'LT-03', 'LT-04', 'LT-05']);
    const again = await runCli('--db', store.path, 'results', 'export', '--year', '2020', '--out', out);
    expect([again.code, again.err]).toEqual([1, expect.stringContaining('已存在，未覆盖')]);
  });

  it('refuses a year whose list was not generated', async () => {
    const { store } = countyWithResults();
    const run = await runCli('--db', store.path, 'results', 'export', '--year', '2020', '--out', path.join(tempDir(), 'x.xlsx'));
    expect([run.code, run.err]).toEqual([1, expect.stringContaining('2020年度的结果应用清单还没有生成')]);
  });
});
