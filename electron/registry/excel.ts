// Budget units in and out of Excel. An import is previewed first; the commit re-reads the same file and
// writes only the good rows, all in one transaction. A bad row is reported and never blocks the rest.
import { randomUUID } from 'node:crypto';
import { sqliteOf, type Db } from '../../db/open';
import { checkUnit, duplicateUnitName, type UnitDraft } from '../domain/registry';
import { summarise, type ImportAction, type ImportPreview, type ImportResult, type RowProblem } from '../xlsx/importKit';
import { parseYesNo, readTable, writeWorkbook, yesNo, type ColumnSpec } from '../xlsx/sheet';
import { recordAudit, type Actor } from '../audit/audit';
import { requireInstallation } from './installation';
import { listUnits, type Unit } from './units';

const COLUMNS = [
  { key: 'code', header: '单位编码', required: true },
  { key: 'name', header: '单位名称', required: true },
  { key: 'departmentCode', header: '主管部门编码', aliases: ['主管部门代码'] },
  { key: 'isDepartment', header: '是否主管部门' },
  { key: 'active', header: '是否启用' },
] as const satisfies readonly ColumnSpec<string>[];
type Key = (typeof COLUMNS)[number]['key'];
const HEADER: Record<Key, string> = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

export interface UnitImportRow {
  rowNumber: number;
  code: string;
  name: string;
  action: ImportAction;
}

export type UnitImportPreview = ImportPreview<UnitImportRow>;
export type UnitImportResult = ImportResult<UnitImportPreview>;

interface PlannedRow extends UnitImportRow {
  draft: UnitDraft & { active: boolean };
}

const FIELD_COLUMN: Record<keyof UnitDraft, Key> = {
  code: 'code',
  name: 'name',
  departmentCode: 'departmentCode',
  isDepartment: 'isDepartment',
};

function plan(db: Db, bytes: Uint8Array): { rows: PlannedRow[]; problems: RowProblem[]; existing: Map<string, Unit> } {
  const table = readTable(bytes, COLUMNS);
  const existing = new Map(listUnits(db).map((u) => [u.code, u]));
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  // The register as the file leaves it: units the file does not name, then its good rows one by one.
  const codesInFile = new Set(table.map(({ values }) => values.code.trim()));
  const register: UnitDraft[] = [...existing.values()].filter((u) => !codesInFile.has(u.code));
  const rows: PlannedRow[] = table.map(({ rowNumber, values }) => {
    const rowProblems: RowProblem[] = [];
    const report = (key: Key, message: string) => rowProblems.push({ rowNumber, column: HEADER[key], message });
    const isDepartment = parseYesNo(values.isDepartment);
    if (isDepartment === undefined) report('isDepartment', `“${values.isDepartment}”应填“是”或“否”`);
    const active = values.active === '' ? true : parseYesNo(values.active);
    if (active === undefined) report('active', `“${values.active}”应填“是”或“否”`);
    const draft = {
      code: values.code.trim(),
      name: values.name.trim(),
      departmentCode: values.departmentCode.trim() || null,
      isDepartment: isDepartment ?? false,
      active: active ?? true,
    };
    for (const [field, message] of Object.entries(checkUnit(draft))) report(FIELD_COLUMN[field as keyof UnitDraft], message);
    const firstRow = seen.get(draft.code);
    if (draft.code && firstRow !== undefined) report('code', `单位编码 ${draft.code} 与第 ${firstRow} 行重复`);
    else if (draft.code) seen.set(draft.code, rowNumber);
    const sameName = draft.name && duplicateUnitName(draft, register);
    if (sameName) report('name', sameName);
    if (!rowProblems.length) register.push(draft);
    problems.push(...rowProblems);
    const before = existing.get(draft.code);
    const same =
      before &&
      before.name === draft.name &&
      before.departmentCode === draft.departmentCode &&
      before.isDepartment === draft.isDepartment &&
      before.active === draft.active;
    const action = rowProblems.length ? 'error' : !before ? 'create' : same ? 'unchanged' : 'update';
    return { rowNumber, code: draft.code, name: draft.name, action, draft };
  });
  checkDepartments(rows, existing, problems);
  return { rows, problems, existing };
}

/** A unit's supervising department must be a department, either already registered or in the same file. */
function checkDepartments(rows: PlannedRow[], existing: Map<string, Unit>, problems: RowProblem[]): void {
  const departmentsInFile = new Set(rows.filter((r) => r.action !== 'error' && r.draft.isDepartment).map((r) => r.code));
  for (const row of rows) {
    const department = row.draft.departmentCode;
    if (row.action === 'error' || !department || department === row.code) continue;
    const known = departmentsInFile.has(department) || existing.get(department)?.isDepartment;
    if (known) continue;
    row.action = 'error';
    problems.push({
      rowNumber: row.rowNumber,
      column: HEADER.departmentCode,
      message: `主管部门编码 ${department} 在系统和本文件中都不是主管部门`,
    });
  }
}

function preview(fileName: string, rows: PlannedRow[], problems: RowProblem[]): UnitImportPreview {
  return summarise(fileName, rows.map(({ draft: _draft, ...row }) => row), problems);
}

export function previewUnitImport(db: Db, fileName: string, bytes: Uint8Array): UnitImportPreview {
  const { rows, problems } = plan(db, bytes);
  return preview(fileName, rows, problems);
}

/** Writes the good rows of the file in one transaction with prepared statements; bad rows are skipped. */
export function commitUnitImport(db: Db, actor: Actor, fileName: string, bytes: Uint8Array): UnitImportResult {
  const { region } = requireInstallation(db);
  const { rows, problems, existing } = plan(db, bytes);
  const toWrite = rows.filter((r) => r.action === 'create' || r.action === 'update');
  const sqlite = sqliteOf(db);
  const insert = sqlite.prepare(
    `INSERT INTO units (id, region_code, code, name, department_code, is_department, active)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (region_code, code) DO UPDATE SET
       name = excluded.name, department_code = excluded.department_code, is_department = excluded.is_department,
       active = excluded.active, deleted = 0, version = units.version + 1,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  db.transaction((tx) => {
    for (const { draft } of toWrite) {
      insert.run(randomUUID(), region.code, draft.code, draft.name, draft.departmentCode, draft.isDepartment ? 1 : 0, draft.active ? 1 : 0);
    }
    recordAudit(tx, actor, {
      entity: 'unit',
      naturalKey: `${region.code}/import`,
      action: 'Excel 导入单位',
      after: {
        fileName,
        created: toWrite.filter((r) => !existing.has(r.code)).map((r) => r.code),
        updated: toWrite.filter((r) => existing.has(r.code)).map((r) => r.code),
        skippedRows: rows.filter((r) => r.action === 'error').map((r) => r.rowNumber),
      },
    });
  });
  return { ...preview(fileName, rows, problems), written: toWrite.length };
}

export function unitsWorkbook(units: readonly Unit[]): Uint8Array {
  return writeWorkbook([
    {
      name: '预算单位',
      headers: COLUMNS.map((c) => c.header),
      rows: units.map((u) => [u.code, u.name, u.departmentCode ?? '', yesNo(u.isDepartment), yesNo(u.active)]),
      widths: [14, 36, 14, 12, 10],
    },
  ]);
}

export const exportUnits = (db: Db): Uint8Array => unitsWorkbook(listUnits(db));

/** An empty sheet with the right headers, and a second sheet explaining how to fill it. */
export const unitTemplate = (): Uint8Array =>
  writeWorkbook([
    { name: '预算单位', headers: COLUMNS.map((c) => c.header), rows: [], widths: [14, 36, 14, 12, 10] },
    {
      name: '填写说明',
      headers: ['列', '说明'],
      rows: [
        ['单位编码', '必填，3–20 位数字或字母，与预算系统一致；已存在的编码会按本表更新'],
        ['单位名称', '必填，不超过 60 个字'],
        ['主管部门编码', '下属单位填写其主管部门的单位编码；主管部门本身留空'],
        ['是否主管部门', '填“是”或“否”'],
        ['是否启用', '填“是”或“否”，留空视为“是”'],
      ],
      widths: [16, 70],
    },
  ]);
