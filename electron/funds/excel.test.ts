import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { countyStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { seedFundCounty } from '../testSupport/funds';
import { commitPaymentImport, paymentTemplate, previewPaymentImport } from './excel';
import { addPayment, deletePayment, listPayments } from './records';

/** A real .xlsx as the budget system exports it: a title row, the headers, then one row per payment. */
function exportFile(headers: string[], rows: (string | number)[][]): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([['2020年衔接资金支付明细'], headers, ...rows]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '支付明细');
  const file = path.join(tempDir(), '支付明细.xlsx');
  fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
  return fs.readFileSync(file);
}

const HEADERS = ['凭证号', '项目编码', '支付日期', '支付金额（元）', '收款人类型', '指标文号', '摘要'];
const mixed = () =>
  exportFile(HEADERS, [
    ['PZ-001', 'XC2020-001', '2020/5/20', 125000.5, '合作社', '新财农〔2020〕8号', '购置种苗'], // row 3: good
    ['PZ-002', 'XC2020-002', '2020-06-01', '300000', '村集体', '', ''], // row 4: good
    ['PZ-003', 'XC2099-999', '2020-06-02', 1000, '农户', '', ''], // row 5: unknown project
    ['PZ-004', 'XC2020-003', '2020-06-03', 1000, '农户', '', ''], // row 6: not a fund project
    ['PZ-001', 'XC2020-001', '2020-05-20', 125000.5, '合作社', '', ''], // row 7: voucher twice in the file
    ['PZ-005', 'XC2020-002', '2021-01-05', 1000, '农户', '', ''], // row 8: date of another year
    ['PZ-006', 'XC2020-002', '2020-07-01', '一千元', '农户', '', ''], // row 9: bad amount
    ['PZ-007', 'XC2020-002', '2020-07-01', 1000, '个人', '', ''], // row 10: unknown payee type
  ]);

describe('payment import from the budget system export', () => {
  it('reports every bad row with its number and reason, and writes nothing in preview', () => {
    const { db } = countyStore();
    const { road } = seedFundCounty(db);
    const preview = previewPaymentImport(db, 2020, '支付明细.xlsx', mixed());
    expect(preview.counts).toEqual({ create: 2, update: 0, unchanged: 0, error: 6 });
    expect(preview.problems.map((p) => [p.rowNumber, p.column, p.message])).toEqual([
      [5, '项目编码', '项目编码 XC2099-999 在 2020 年项目库中不存在，请核对预算系统的项目编码'],
      [6, '项目编码', '项目 XC2020-003“农业技术推广”不是衔接资金项目，请先在“单位与项目”中勾选“衔接资金”，或从文件中删去该行'],
      [7, '凭证号', '凭证号“PZ-001”与第 3 行重复，同一项目的凭证不能登记两次'],
      [8, '支付日期', '支付日期 2021-01-05 不在 2020 年内，请填写本年度的日期'],
      [9, '支付金额（元）', '“一千元”不是有效的金额，请只填写数字（元）'],
      [10, '收款人类型', '收款人类型“个人”应为：农户、合作社、企业、村集体、其他'],
    ]);
    expect(listPayments(db, road)).toEqual([]);
  });

  it('writes the good rows with their document, in 元 as the header says, and adds nothing when the same file comes again', () => {
    const { db } = countyStore();
    const { industry, road, document } = seedFundCounty(db);
    const result = commitPaymentImport(db, TEST_ACTOR, 2020, '支付明细.xlsx', mixed());
    expect(result.written).toBe(2);
    expect(listPayments(db, industry).map((p) => [p.voucher, p.paidOn, p.amountFen, p.documentId, p.note])).toEqual([['PZ-001', '2020-05-20', 12_500_050, document.id, '购置种苗']]);
    expect(listPayments(db, road).map((p) => [p.voucher, p.amountFen, p.payeeType])).toEqual([['PZ-002', 30_000_000, '村集体']]);
    const again = commitPaymentImport(db, TEST_ACTOR, 2020, '支付明细.xlsx', mixed());
    expect(again.written).toBe(0);
    expect(again.counts).toMatchObject({ create: 0, unchanged: 2 });
    expect(listPayments(db, industry)).toHaveLength(1);
    expect(listAudit(db, { entity: 'fund-payment', limit: 5 })[0]!.action).toBe('Excel 导入资金支付');
  });

  it('reads a 万元 column, refuses a voucher already recorded with other figures, and warns an allocation overrun', () => {
    const { db } = countyStore();
    seedFundCounty(db);
    commitPaymentImport(db, TEST_ACTOR, 2020, 'a.xlsx', exportFile(['项目编码', '支付日期', '支付金额（万元）', '收款人类型', '凭证号'], [['XC2020-002', '20200601', '12.5', '企业', 'PZ-100']]));
    const preview = previewPaymentImport(
      db,
      2020,
      'b.xlsx',
      exportFile(['项目编码', '支付日期', '支付金额（万元）', '收款人类型', '凭证号'], [
        ['XC2020-002', '2020-06-01', '13', '企业', 'PZ-100'],
        ['XC2020-002', '2020-07-01', '30', '企业', 'PZ-101'],
      ]),
    );
    expect(preview.problems.map((p) => p.message)).toEqual(['凭证号“PZ-100”已登记（2020-06-01，12.5000 万元），与本行的日期或金额不同，请核对']);
    expect(preview.warnings).toEqual(['村道硬化项目：累计支付 42.5000 万元 超过该项目已分配的衔接资金 40.0000 万元，请核对资金文件的分配或支付金额']);
  });

  it('refuses a file without the columns it needs, naming them, and a broken file', () => {
    const { db } = countyStore();
    seedFundCounty(db);
    expect(() => previewPaymentImport(db, 2020, 'x.xlsx', exportFile(['项目编码', '金额'], [['XC2020-001', 1]]))).toThrow('缺少“支付日期”“收款人类型”“凭证号”列');
    const broken = Buffer.from(mixed()).subarray(0, 200);
    expect(() => previewPaymentImport(db, 2020, 'x.xlsx', broken)).toThrow(/不是有效的 Excel/);
  });

  it('gives a template that imports its example row once the project exists', () => {
    const { db } = countyStore();
    seedFundCounty(db);
    const preview = previewPaymentImport(db, 2020, '模板.xlsx', paymentTemplate());
    expect(preview.problems.map((p) => p.message)).toEqual(['项目编码 XM2020001 在 2020 年项目库中不存在，请核对预算系统的项目编码']);
  });
});

describe('re-importing a deleted payment', () => {
  it('brings a deleted voucher back on its own record from the budget system’s export', () => {
    const { db } = countyStore();
    const county = seedFundCounty(db);
    const first = addPayment(db, TEST_ACTOR, { projectId: county.road, documentId: null, paidOn: '2020-06-02', amount: '15', payeeType: '村集体', voucher: 'PZ-102', note: '' }).payment;
    deletePayment(db, TEST_ACTOR, { id: first.id });
    const file = exportFile(HEADERS, [['PZ-102', 'XC2020-002', '2020-06-02', 150000, '村集体', '', '']]);
    expect(previewPaymentImport(db, 2020, '支付明细.xlsx', file).rows.map((r) => r.action)).toEqual(['create']);
    commitPaymentImport(db, TEST_ACTOR, 2020, '支付明细.xlsx', file);
    expect(listPayments(db, county.road).map((p) => [p.id, p.voucher, p.amountFen])).toEqual([[first.id, 'PZ-102', 15_000_000]]);
  });
});
