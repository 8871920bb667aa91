import { describe, expect, it } from 'vitest';
import { parseDecimal, toFixed, type Ratio } from '../ratio';
import { readWrittenRow, type WrittenRow } from './parse';
import { returnOpinion, reviewSelfEvaluation, type ReviewRow, type ReviewTable } from './review';
import type { IndicatorInput } from './scoring';
import { DEFAULT_SCORING } from './settings';

const d = (text: string): Ratio => parseDecimal(text)!;
const entered = (text: string | null) => (text === null ? null : d(text));

const row = (label: string, indicator: IndicatorInput, score: string | null, parent?: number): ReviewRow => ({ label, indicator, enteredScore: entered(score), parent });
const group = (label: string, weight: string | null, score: string | null, parent?: number): ReviewRow => ({ label, indicator: null, weight: weight === null ? null : d(weight), enteredScore: entered(score), parent });
const at = (operator: '≥' | '=' | '≤', target: string, actual: string, weight: string): IndicatorInput => ({ operator, target: d(target), actual: d(actual), weight: d(weight) });

/**
 * A 农村道路 project's table as a unit fills it in Excel, every score as the rule gives it: budget 90% of
 * 282.04 万元 (9.00); 数量指标 a parent row of two sub-rows; the rule's total 94.59.
 */
function roadTable(): ReviewTable {
  return {
    budget: { adjusted: d('282.04'), executed: d('253.836'), weight: d('10'), enteredScore: d('9') },
    rows: [
      group('数量指标', '20', '19'),
      row('新建道路长度', at('≥', '266', '270', '10'), '10', 0),
      row('安装路灯', at('≥', '40', '36', '10'), '9', 0),
      row('工程验收合格率', at('=', '100', '95', '10'), '9.5'),
      row('完工及时率', at('≥', '95', '100', '10'), '10'),
      row('每公里造价', at('≤', '90', '99', '10'), '9.09'),
      row('受益人口', at('≥', '1200', '1300', '15'), '15'),
      row('道路使用年限', { operator: '定性', tier: 'achieved', score: d('13'), weight: d('15') }, '13'),
      row('群众满意度', at('≥', '90', '92', '10'), '10'),
    ],
    enteredTotal: d('94.59'),
  };
}

const review = (table: ReviewTable) => reviewSelfEvaluation(table, DEFAULT_SCORING);
const kinds = (table: ReviewTable) => review(table).differences.map((x) => [x.kind, x.row ?? null, x.entered, x.rule]);
const setRow = (table: ReviewTable, index: number, change: Partial<ReviewRow>): ReviewTable => ({
  ...table,
  rows: table.rows.map((r, i) => (i === index ? ({ ...r, ...change } as ReviewRow) : r)),
});

describe('自评复核 of a table filled outside the program', () => {
  it('finds nothing in a table that follows the rules, counting the parent row once', () => {
    const result = review(roadTable());
    expect(result.differences).toEqual([]);
    expect([toFixed(result.total.total, 2), result.total.grade]).toEqual(['94.59', '优']);
    expect(result.rows[0]).toBeNull();
  });

  it('finds a met target marked down, an equality scored wrong and a misrounded proportional score, and the total that follows', () => {
    let table = setRow(roadTable(), 6, { enteredScore: d('13') }); // ≥1200 reached 1300: met, yet 13 of 15
    table = setRow(table, 3, { enteredScore: d('9') }); // =100% reached 95%: 9.50
    table = setRow(table, 5, { enteredScore: d('9.1') }); // ≤90 reached 99: 9.0909… shows as 9.09
    table = { ...table, enteredTotal: d('92.1') }; // their own sum: consistent with their scores
    expect(kinds(table)).toEqual([
      ['indicator', 3, '9.00', '9.50'],
      ['indicator', 5, '9.10', '9.09'],
      ['indicator', 6, '13.00', '15.00'],
      ['total', null, '92.10', '94.59'],
    ]);
    expect(review(table).differences[2]!.message).toBe('“受益人口”填报得分 13.00，按规则应为 15.00');
  });

  it('finds a wrong budget score and a total that is not the sum of its parts', () => {
    const table = { ...roadTable(), budget: { ...roadTable().budget, enteredScore: d('10') }, enteredTotal: d('96') };
    expect(kinds(table)).toEqual([
      ['budget', null, '10.00', '9.00'],
      ['total', null, '96.00', '94.59'],
      ['sum', null, '96.00', '95.59'],
    ]);
  });

  it('finds a total that counts the parent row in addition to its sub-rows', () => {
    const table = { ...roadTable(), enteredTotal: d('113.59') };
    const differences = review(table).differences;
    expect(differences.map((x) => [x.kind, x.entered, x.rule])).toEqual([
      ['total', '113.59', '94.59'],
      ['doubleCounted', '113.59', '94.59'],
    ]);
    expect(differences[1]!.message).toBe('总分把 “数量指标” 的小计与其下各行重复计入：各项得分之和为 94.59');
  });

  it('finds weights that do not add up to 100 and a parent whose weight is not its sub-rows’', () => {
    let table = setRow(roadTable(), 8, { indicator: at('≥', '90', '92', '5'), enteredScore: d('5') });
    table = setRow(table, 0, { weight: d('25') } as Partial<ReviewRow>);
    table = { ...table, enteredTotal: d('89.59') };
    expect(kinds(table)).toEqual([
      ['subRowWeights', 0, '25.00', '20.00'],
      ['weights', null, '95.00', '100.00'],
    ]);
    expect(review(table).differences[1]!.message).toBe('分值合计 95 分，应为 100 分');
  });

  it('finds a subtotal that is not the sum of its sub-rows', () => {
    expect(kinds(setRow(roadTable(), 0, { enteredScore: d('20') }))).toEqual([['subtotal', 0, '20.00', '19.00']]);
  });

  it('finds a qualitative score outside its tier and names the allowed range', () => {
    const table = setRow(roadTable(), 7, { indicator: { operator: '定性', tier: 'achieved', score: d('11'), weight: d('15') }, enteredScore: d('11') });
    const differences = review({ ...table, enteredTotal: d('92.59') }).differences;
    expect(differences.map((x) => [x.kind, x.row, x.entered, x.rule])).toEqual([['indicator', 7, '11.00', '12.00–15.00']]);
    expect(differences[0]!.message).toContain('定性指标“达成年度指标”的得分应在 12.00–15.00 之间');
  });

  it('counts a parent with 其中 rows without weight, and not the 其中 rows', () => {
    const base = roadTable();
    const rows = [...base.rows, group('其中：脱贫人口', null, null, 6)];
    const result = review({ ...base, rows });
    expect(result.differences).toEqual([]);
    expect(result.rows[6]).not.toBeNull();
    expect(result.rows[9]).toBeNull();
  });

  it('reports no total differences when the table has no total', () => {
    expect(review({ ...roadTable(), enteredTotal: null }).differences).toEqual([]);
  });
});

describe('自评复核 of written rows', () => {
  // The same table in the two common layouts: operator and unit inside the value, or in their own columns.
  const inside: WrittenRow[] = [
    { label: '数量指标', target: '/', actual: '/', weight: '20', score: '19' },
    { label: '新建道路长度', parent: 0, target: '≥266米', actual: '270米', weight: '10', score: '10' },
    { label: '安装路灯', parent: 0, target: '≧40盏', actual: '36盏', weight: '10', score: '9' },
    { label: '工程验收合格率', target: '﹦100%', actual: '95%', weight: '10', score: '9' },
    { label: '完工及时率', target: '95%以上', actual: '100%', weight: '10', score: '10' },
    { label: '每公里造价', target: '≤90万元', actual: '99万元', weight: '10', score: '9.1' },
    { label: '受益人口', target: '≥1,200人', actual: '1300人', weight: '15', score: '13' },
    { label: '其中：脱贫人口', parent: 6, target: '≥300人', actual: '320人', weight: '', score: '' },
    { label: '道路使用年限', target: '达成预期指标', actual: '达成预期指标', weight: '15', score: '13' },
    { label: '群众满意度', target: '≥90%', actual: '92%', weight: '10', score: '10' },
  ];
  const columns: WrittenRow[] = inside.map((r) => {
    const match = /^(≥|≧|﹦|≤)?([\d,.]+)(.*?)(以上)?$/.exec(r.target);
    if (!match) return r;
    const operator = match[4] ? '≥' : { '≧': '≥', '﹦': '=' }[match[1] as string] ?? match[1];
    return { ...r, operator, unit: match[3], target: match[2]!, actual: r.actual.replace(match[3]!, '') };
  });

  const reviewWritten = (rows: WrittenRow[], enteredTotal: string) => {
    const read = rows.map((r) => readWrittenRow(r));
    const table: ReviewTable = {
      budget: { adjusted: d('282.04'), executed: d('253.836'), weight: d('10'), enteredScore: d('9') },
      rows: read.map((r) => ('row' in r ? r.row : expect.unreachable(r.problem))),
      enteredTotal: d(enteredTotal),
    };
    return review(table).differences.map((x) => [x.kind, x.row ?? null, x.entered, x.rule]);
  };

  it.each([
    ['inside the value', inside],
    ['in 指标性质 and 度量单位 columns', columns],
  ])('finds the same three breaks with the operator and unit %s', (_layout, rows) => {
    expect(rows[6]).toMatchObject(rows === columns ? { operator: '≥', unit: '人', target: '1,200' } : { target: '≥1,200人' });
    expect(reviewWritten(rows, '92.1')).toEqual([
      ['indicator', 3, '9.00', '9.50'],
      ['indicator', 5, '9.10', '9.09'],
      ['indicator', 6, '13.00', '15.00'],
      ['total', null, '92.10', '94.59'],
    ]);
  });

  it('refuses rows it cannot read, naming the row', () => {
    expect(readWrittenRow({ label: '合格率', target: '100%', actual: '95%', weight: '10', score: '9.5' })).toEqual({ problem: '“合格率”的指标值“100%”没有写明指标性质（≥ > = < ≤）' });
    expect(readWrittenRow({ label: '长度', target: '≥266米', actual: '0.27公里', weight: '10', score: '10' })).toEqual({ problem: '“长度”的实际完成值单位“公里”与指标值单位“米”不一致' });
    expect(readWrittenRow({ label: '效果', target: '达成预期指标', actual: '较好', weight: '10', score: '9' })).toMatchObject({ problem: expect.stringContaining('是定性指标') });
    expect(readWrittenRow({ label: '长度', target: '≥266米', actual: '270米', weight: '十', score: '10' })).toEqual({ problem: '“长度”的分值“十”不是数字' });
    expect(readWrittenRow({ label: '长度', target: '≥266米', actual: '未完成', weight: '10', score: '0' })).toEqual({ problem: '“长度”是定量指标，实际完成值应为数字' });
  });
});

describe('the opinion of a returned table', () => {
  it('lists every difference, numbered, and is empty for a table without any', () => {
    const table = { ...setRow(roadTable(), 6, { enteredScore: d('13') }), enteredTotal: d('92.59') };
    expect(returnOpinion(review(table).differences)).toBe(
      '复核发现以下问题，请改正后重新填报：\n1. “受益人口”填报得分 13.00，按规则应为 15.00\n2. 总分填报 92.59，按规则应为 94.59',
    );
    expect(returnOpinion(review(roadTable()).differences)).toBe('');
  });
});
