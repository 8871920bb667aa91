// Payments from the budget system's export ("三流合一": the fund flow joins the project flow by project
// code). Columns are found by their header; the amount in 元 or 万元 as the header says. Preview first
// (each bad row with its row number and reason, nothing written); the commit re-reads the same file and
// writes the good rows in one transaction with a prepared statement. A voucher already recorded with the
// same figures is left as it is, so importing the same export twice adds nothing.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { sqliteOf, type Db } from '../../db/open';
import { fundPayments, projects } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { dateInYearProblem, normaliseDate, overAllocationWarning, parsePaymentAmount, paymentProblems, PAYEE_TYPES, type PayeeType } from '../domain/funds';
import { formatWanYuan, type Fen } from '../domain/money';
import { requireInstallation } from '../registry';
import { summarise, type ImportAction, type ImportPreview, type ImportResult, type RowProblem } from '../xlsx/importKit';
import { readTable, writeWorkbook, type ColumnSpec } from '../xlsx/sheet';
import { projectTotals, type FundPayment } from './records';
import { documentIdsByNumber } from './summary';

type Key = 'code' | 'paidOn' | 'amountYuan' | 'amountWan' | 'payeeType' | 'voucher' | 'docNumber' | 'note';

// A bare 支付金额 is read as 元: the budget systems' payment exports are in 元.
export const PAYMENT_COLUMNS: readonly ColumnSpec<Key>[] = [
  { key: 'code', header: '项目编码', aliases: ['项目代码'], required: true },
  { key: 'paidOn', header: '支付日期', aliases: ['支付时间', '日期'], required: true },
  { key: 'amountYuan', header: '支付金额（元）', aliases: ['支付金额(元)', '支付金额', '金额（元）', '金额(元)'] },
  { key: 'amountWan', header: '支付金额（万元）', aliases: ['支付金额(万元)', '金额（万元）', '金额(万元)'] },
  { key: 'payeeType', header: '收款人类型', aliases: ['收款方类型', '收款人类别'], required: true },
  { key: 'voucher', header: '凭证号', aliases: ['支付凭证号', '凭证编号'], required: true },
  { key: 'docNumber', header: '指标文号', aliases: ['资金文号', '文号'] },
  { key: 'note', header: '备注', aliases: ['摘要', '用途'] },
];

const HEADER: Record<Key, string> = Object.fromEntries(PAYMENT_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

export interface PaymentImportRow {
  rowNumber: number;
  projectCode: string;
  projectName: string;
  voucher: string;
  amountFen: Fen;
  /** A voucher already recorded with the same figures is `unchanged`: the file was imported before. */
  action: Exclude<ImportAction, 'update'>;
}

export interface PaymentImportPreview extends ImportPreview<PaymentImportRow> {
  year: number;
  /** Projects that would be paid beyond their allocation once the file is in. */
  warnings: string[];
}

export type PaymentImportResult = ImportResult<PaymentImportPreview>;

type PlannedPayment = Omit<FundPayment, 'id'>;

interface ProjectOfCode {
  id: string;
  name: string;
  povertyFund: boolean;
}

function existingPayments(db: Db, projectIds: readonly string[]) {
  const byKey = new Map<string, { paidOn: string; amountFen: Fen }>();
  for (const id of projectIds) {
    for (const p of db.select({ voucher: fundPayments.voucher, paidOn: fundPayments.paidOn, amountFen: fundPayments.amountFen }).from(fundPayments).where(and(eq(fundPayments.projectId, id), eq(fundPayments.deleted, false))).all()) {
      byKey.set(`${id}|${p.voucher}`, p);
    }
  }
  return byKey;
}

function plan(db: Db, year: number, bytes: Uint8Array) {
  const { region } = requireInstallation(db);
  const table = readTable(bytes, PAYMENT_COLUMNS);
  const byCode = new Map<string, ProjectOfCode>(
    db
      .select({ id: projects.id, code: projects.code, name: projects.name, povertyFund: projects.povertyFund })
      .from(projects)
      .where(and(eq(projects.regionCode, region.code), eq(projects.year, year), eq(projects.deleted, false)))
      .all()
      .map((p) => [p.code, p]),
  );
  const documents = documentIdsByNumber(db, year);
  const recorded = existingPayments(db, [...byCode.values()].filter((p) => p.povertyFund).map((p) => p.id));
  const inFile = new Map<string, number>();
  const rows: PaymentImportRow[] = [];
  const problems: RowProblem[] = [];
  const toWrite: PlannedPayment[] = [];
  for (const { rowNumber, values } of table) {
    const found: RowProblem[] = [];
    const report = (key: Key, message: string) => found.push({ rowNumber, column: HEADER[key], message });
    const code = values.code.trim();
    const project = byCode.get(code);
    if (code === '') report('code', '请填写项目编码');
    else if (!project) report('code', `项目编码 ${code} 在 ${year} 年项目库中不存在，请核对预算系统的项目编码`);
    else if (!project.povertyFund) report('code', `项目 ${code}“${project.name}”不是衔接资金项目，请先在“单位与项目”中勾选“衔接资金”，或从文件中删去该行`);
    const paidOn = normaliseDate(values.paidOn);
    const dateProblem = dateInYearProblem(paidOn, year, '支付日期');
    if (dateProblem) report('paidOn', dateProblem);
    const amount = amountOf(values, report);
    const voucher = values.voucher.trim();
    const payeeType = values.payeeType.trim();
    const fieldProblems = paymentProblems({ paidOn: `${year}-01-01`, amount: '1', payeeType, voucher, note: values.note }, year);
    if (fieldProblems.payeeType) report('payeeType', `收款人类型“${payeeType}”应为：${PAYEE_TYPES.join('、')}`);
    if (fieldProblems.voucher) report('voucher', fieldProblems.voucher);
    if (fieldProblems.note) report('note', fieldProblems.note);
    const docNumber = values.docNumber.trim();
    const documentId = docNumber === '' ? null : (documents.get(docNumber) ?? null);
    if (docNumber !== '' && documentId === null) report('docNumber', `指标文号“${docNumber}”尚未登记，请先在“衔接资金 → 资金文件”中登记该文件，或清空此格`);
    let action: PaymentImportRow['action'] = 'create';
    if (project && voucher !== '' && !fieldProblems.voucher) {
      const key = `${project.id}|${voucher}`;
      const first = inFile.get(key);
      const before = recorded.get(key);
      if (first !== undefined) report('voucher', `凭证号“${voucher}”与第 ${first} 行重复，同一项目的凭证不能登记两次`);
      else if (before && amount !== null && (before.amountFen !== amount || before.paidOn !== paidOn)) {
        report('voucher', `凭证号“${voucher}”已登记（${before.paidOn}，${formatWanYuan(before.amountFen)} 万元），与本行的日期或金额不同，请核对`);
      } else if (before) action = 'unchanged';
      inFile.set(key, first ?? rowNumber);
    }
    problems.push(...found);
    const ok = found.length === 0 && project && amount !== null;
    rows.push({ rowNumber, projectCode: code, projectName: project?.name ?? '', voucher, amountFen: amount ?? 0, action: ok ? action : 'error' });
    if (ok && action === 'create') toWrite.push({ projectId: project.id, documentId, paidOn, amountFen: amount, payeeType: payeeType as PayeeType, voucher, note: values.note.trim() });
  }
  return { region: region.code, rows, problems, toWrite };
}

function amountOf(values: Record<Key, string>, report: (key: Key, message: string) => void): Fen | null {
  const yuan = values.amountYuan.trim();
  const wan = values.amountWan.trim();
  if (yuan !== '' && wan !== '') return report('amountYuan', '同一行同时填了“元”和“万元”两种金额，请只保留一种'), null;
  if (yuan === '' && wan === '') return report('amountYuan', '请填写支付金额（表头注明单位：“支付金额（元）”或“支付金额（万元）”）'), null;
  const parsed = parsePaymentAmount(yuan || wan, yuan ? 'yuan' : 'wan');
  if ('problem' in parsed) return report(yuan ? 'amountYuan' : 'amountWan', parsed.problem), null;
  return parsed.fen;
}

/** The projects the file would take beyond their allocation. */
function allocationWarnings(db: Db, toWrite: readonly PlannedPayment[]): string[] {
  const adding = new Map<string, Fen>();
  for (const p of toWrite) adding.set(p.projectId, (adding.get(p.projectId) ?? 0) + p.amountFen);
  return [...adding].flatMap(([projectId, fen]) => {
    const totals = projectTotals(db, projectId);
    const warning = overAllocationWarning(totals.paidFen + fen, totals.allocatedFen);
    const name = db.select({ name: projects.name }).from(projects).where(eq(projects.id, projectId)).get()!.name;
    return warning ? [`${name}：${warning}`] : [];
  });
}

export function previewPaymentImport(db: Db, year: number, fileName: string, bytes: Uint8Array): PaymentImportPreview {
  const { rows, problems, toWrite } = plan(db, year, bytes);
  return { ...summarise(fileName, rows, problems), year, warnings: allocationWarnings(db, toWrite) };
}

export function commitPaymentImport(db: Db, actor: Actor, year: number, fileName: string, bytes: Uint8Array): PaymentImportResult {
  const { region, rows, problems, toWrite } = plan(db, year, bytes);
  const warnings = allocationWarnings(db, toWrite);
  const insert = sqliteOf(db).prepare(
    // A voucher deleted before comes back on its own row (its tombstone revived), so the record keeps one
    // identity wherever it travelled.
    `INSERT INTO fund_payments (id, project_id, document_id, paid_on, amount_fen, payee_type, voucher, note)
     VALUES (@id, @projectId, @documentId, @paidOn, @amountFen, @payeeType, @voucher, @note)
     ON CONFLICT (project_id, voucher) DO UPDATE SET document_id = excluded.document_id, paid_on = excluded.paid_on, amount_fen = excluded.amount_fen,
       payee_type = excluded.payee_type, note = excluded.note, deleted = 0, version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE fund_payments.deleted = 1`,
  );
  db.transaction((tx) => {
    for (const payment of toWrite) insert.run({ id: randomUUID(), ...payment });
    recordAudit(tx, actor, {
      entity: 'fund-payment',
      naturalKey: `${region}/${year}/import`,
      action: 'Excel 导入资金支付',
      after: { fileName, written: toWrite.map((p) => p.voucher), skippedRows: rows.filter((r) => r.action === 'error').map((r) => r.rowNumber) },
    });
  });
  return { ...summarise(fileName, rows, problems), year, warnings, written: toWrite.length };
}

/** The import's layout, with one example row, for a bureau whose budget system exports something else. */
export function paymentTemplate(): Uint8Array {
  return writeWorkbook([
    {
      name: '资金支付',
      headers: ['项目编码', '支付日期', '支付金额（元）', '收款人类型', '凭证号', '指标文号', '备注'],
      rows: [['XM2020001', '2020-05-20', '125000.00', '农户', 'PZ2020-0001', '', `收款人类型：${PAYEE_TYPES.join('、')}`]],
      widths: [16, 12, 16, 24, 16, 22, 24],
    },
  ]);
}
