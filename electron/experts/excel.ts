// 专家库 in and out of Excel, like the unit import: a preview first, then the good rows written in one
// transaction; a bad row is reported by its Excel row and column and never blocks the rest. An expert is
// matched by name and organisation, so a list sent back with corrections updates instead of doubling.
import { randomUUID } from 'node:crypto';
import { sqliteOf, type Db } from '../../db/open';
import { recordAudit, type Actor } from '../audit/audit';
import { checkExpert, type ExpertDraft } from '../domain/experts';
import { AppError } from '../errors';
import { listUnits, requireInstallation, requirePermission } from '../registry';
import { summarise, type ImportAction, type ImportPreview, type ImportResult, type RowProblem } from '../xlsx/importKit';
import { readTable, writeWorkbook, type ColumnSpec } from '../xlsx/sheet';
import { listExperts, type Expert } from './experts';

const COLUMNS = [
  { key: 'name', header: '姓名', required: true },
  { key: 'field', header: '领域', aliases: ['专业领域'], required: true },
  { key: 'title', header: '职称' },
  { key: 'organisation', header: '工作单位' },
  { key: 'unitCode', header: '单位编码' },
  { key: 'contact', header: '联系方式' },
  { key: 'available', header: '状态' },
  { key: 'notes', header: '备注' },
] as const satisfies readonly ColumnSpec<string>[];
type Key = (typeof COLUMNS)[number]['key'];
const HEADER = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;
const WIDTHS = [10, 14, 14, 30, 12, 18, 8, 30];

export interface ExpertImportRow {
  rowNumber: number;
  name: string;
  organisation: string;
  action: ImportAction;
}
export type ExpertImportPreview = ImportPreview<ExpertImportRow>;
export type ExpertImportResult = ImportResult<ExpertImportPreview>;

interface PlannedRow extends ExpertImportRow {
  draft: ExpertDraft;
  existing: Expert | undefined;
}

const availability = (text: string): boolean | undefined => (text === '' || text === '可用' ? true : text === '暂停' ? false : undefined);
const sameAs = (stored: ExpertDraft, draft: ExpertDraft) => (Object.keys(draft) as (keyof ExpertDraft)[]).every((k) => stored[k] === draft[k]);
const identity = (name: string, organisation: string) => `${name}\u0000${organisation}`;

function plan(db: Db, bytes: Uint8Array): { rows: PlannedRow[]; problems: RowProblem[] } {
  const table = readTable(bytes, COLUMNS);
  const units = new Map(listUnits(db).map((u) => [u.code, u]));
  const existing = new Map(listExperts(db).map((e) => [identity(e.name, e.organisation), e]));
  const seen = new Map<string, number>();
  const problems: RowProblem[] = [];
  const rows = table.map(({ rowNumber, values }): PlannedRow => {
    const report = (key: Key, message: string) => problems.push({ rowNumber, column: HEADER[key], message });
    const before = problems.length;
    const available = availability(values.available.trim());
    if (available === undefined) report('available', `“${values.available}”应填“可用”或“暂停”`);
    const unitCode = values.unitCode.trim() || null;
    const unit = unitCode ? units.get(unitCode) : undefined;
    if (unitCode && !unit) report('unitCode', `单位编码 ${unitCode} 未登记；不是本县预算单位的，单位编码留空，只填工作单位`);
    const draft: ExpertDraft = {
      name: values.name.trim(),
      field: values.field.trim(),
      title: values.title.trim(),
      organisation: values.organisation.trim() || unit?.name || '',
      unitCode,
      contact: values.contact.trim(),
      available: available ?? true,
      notes: values.notes.trim(),
    };
    for (const [field, message] of Object.entries(checkExpert(draft))) report(field as Key, message);
    const key = identity(draft.name, draft.organisation);
    const firstRow = seen.get(key);
    if (firstRow !== undefined) report('name', `与第 ${firstRow} 行是同一位专家（姓名和工作单位相同）`);
    else seen.set(key, rowNumber);
    const match = existing.get(key);
    const action: ImportAction = problems.length > before ? 'error' : !match ? 'create' : sameAs(match, draft) ? 'unchanged' : 'update';
    return { rowNumber, name: draft.name, organisation: draft.organisation, action, draft, existing: match };
  });
  return { rows, problems };
}

const preview = (fileName: string, rows: PlannedRow[], problems: RowProblem[]): ExpertImportPreview =>
  summarise(fileName, rows.map(({ draft: _draft, existing: _existing, ...row }) => row), problems);

export function previewExpertImport(db: Db, fileName: string, bytes: Uint8Array): ExpertImportPreview {
  const { rows, problems } = plan(db, bytes);
  return preview(fileName, rows, problems);
}

export function commitExpertImport(db: Db, actor: Actor, fileName: string, bytes: Uint8Array): ExpertImportResult {
  requirePermission(db, actor, 'enter');
  const { region } = requireInstallation(db);
  const { rows, problems } = plan(db, bytes);
  const toWrite = rows.filter((r) => r.action === 'create' || r.action === 'update');
  if (rows.length === 0) throw new AppError('BAD_FILE', '文件里没有专家：请在表头下逐行填写');
  const sqlite = sqliteOf(db);
  const insert = sqlite.prepare(
    `INSERT INTO experts (id, region_code, name, field, title, organisation, unit_code, contact, available, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET field = excluded.field, title = excluded.title, unit_code = excluded.unit_code, contact = excluded.contact,
       available = excluded.available, notes = excluded.notes, version = experts.version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  db.transaction((tx) => {
    for (const { draft: d, existing } of toWrite) {
      insert.run(existing?.id ?? randomUUID(), region.code, d.name, d.field, d.title, d.organisation, d.unitCode, d.contact, d.available ? 1 : 0, d.notes);
    }
    recordAudit(tx, actor, {
      entity: 'expert',
      naturalKey: `${region.code}/专家/import`,
      action: 'Excel 导入专家',
      after: {
        fileName,
        created: toWrite.filter((r) => !r.existing).map((r) => r.name),
        updated: toWrite.filter((r) => r.existing).map((r) => r.name),
        skippedRows: rows.filter((r) => r.action === 'error').map((r) => r.rowNumber),
      },
    });
  });
  return { ...preview(fileName, rows, problems), written: toWrite.length };
}

export const exportExperts = (db: Db): Uint8Array =>
  writeWorkbook([
    {
      name: '专家库',
      headers: COLUMNS.map((c) => c.header),
      rows: listExperts(db).map((e) => [e.name, e.field, e.title, e.organisation, e.unitCode ?? '', e.contact, e.available ? '可用' : '暂停', e.notes]),
      widths: WIDTHS,
    },
  ]);

export const expertTemplate = (): Uint8Array =>
  writeWorkbook([
    { name: '专家库', headers: COLUMNS.map((c) => c.header), rows: [], widths: WIDTHS },
    {
      name: '填写说明',
      headers: ['列', '说明'],
      rows: [
        ['姓名', '必填'],
        ['领域', '必填，如 交通、教育、财务'],
        ['职称', '如 高级工程师、副教授'],
        ['工作单位', '单位编码留空时必填'],
        ['单位编码', '在本县预算单位工作的专家填写其单位编码，回避审查按它判断'],
        ['状态', '填“可用”或“暂停”，留空视为“可用”'],
      ],
      widths: [14, 70],
    },
  ]);
