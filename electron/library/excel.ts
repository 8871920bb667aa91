// The library in and out of Excel. An import is previewed first (per-row problems in Chinese, nothing
// written); the commit re-reads the same file and writes the good rows in one transaction. Imported new
// or changed indicators wait for confirmation (待确认) like any proposal, unless a row says 草稿 or 停用:
// Excel is a way to propose in bulk, never a way around the performance office's confirmation.
import { LIBRARY_STATUS_LABELS, INDICATOR_CODE, PROJECT_TYPE_CODE, checkLibraryIndicator, nextIndicatorCode, parseLibraryStatus, sameIndicatorContent, type LibraryIndicatorDraft, type LibraryIndicatorField, type LibraryStatus } from '../domain/library';
import { ACCRUAL_LABELS, BASES, defaultAccrual, parseAccrual, parseOperator, type Framework } from '../domain/indicators';
import type { Db } from '../../db/open';
import { summarise, type ImportAction, type ImportPreview, type ImportResult, type RowProblem } from '../xlsx/importKit';
import { readTable, writeWorkbook, type ColumnSpec, type SheetSpec } from '../xlsx/sheet';
import { recordAudit, type Actor } from '../audit/audit';
import { requireInstallation } from '../registry';
import { indicatorWriter, projectTypeWriter } from './bulk';
import { allIndicators, codesOfType, libraryFramework, type LibraryIndicator } from './indicators';
import { listProjectTypes, type ProjectTypeSummary } from './projectTypes';
import { openLibraryVersion } from './versions';

const COLUMNS = [
  { key: 'code', header: '指标编码' },
  { key: 'projectTypeCode', header: '项目类型编码', required: true },
  { key: 'projectTypeName', header: '项目类型' },
  { key: 'level1', header: '一级指标', required: true },
  { key: 'level2', header: '二级指标', required: true },
  { key: 'name', header: '三级指标', aliases: ['三级指标名称', '指标名称'], required: true },
  { key: 'operator', header: '指标性质', required: true },
  { key: 'referenceValue', header: '参考值', aliases: ['指标值'] },
  { key: 'unit', header: '计量单位' },
  { key: 'definition', header: '指标解释' },
  { key: 'basis', header: '设定依据' },
  { key: 'accrual', header: '累计方式' },
  { key: 'status', header: '状态' },
] as const satisfies readonly ColumnSpec<string>[];
type Key = (typeof COLUMNS)[number]['key'];
const HEADER: Record<Key, string> = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;
const WIDTHS = [18, 12, 20, 12, 16, 32, 10, 14, 12, 50, 12, 10, 10];

const FIELD_COLUMN: Record<LibraryIndicatorField, Key> = {
  projectTypeCode: 'projectTypeCode',
  level1: 'level1',
  level2: 'level2',
  name: 'name',
  operator: 'operator',
  referenceValue: 'referenceValue',
  unit: 'unit',
  definition: 'definition',
  basis: 'basis',
  accrual: 'accrual',
};

/** A sector for a type first met in an import; the office can correct it afterwards. */
const IMPORTED_TYPE_SECTOR = '其他';

export interface LibraryImportRow {
  rowNumber: number;
  /** The code in the file; empty for a new indicator that gets its code on import. */
  code: string;
  projectTypeCode: string;
  name: string;
  /** The status the indicator will have after the import. */
  status: LibraryStatus;
  action: ImportAction;
}

export interface LibraryImportPreview extends ImportPreview<LibraryImportRow> {
  /** Project types the file names that do not exist yet and will be created. */
  newProjectTypes: { code: string; name: string }[];
}

export type LibraryImportResult = ImportResult<LibraryImportPreview> & {
  /** The library version opened because accepted indicators were retired, if any. */
  libraryVersion: number | null;
};

interface PlannedRow extends LibraryImportRow {
  draft: LibraryIndicatorDraft;
  before: LibraryIndicator | undefined;
}

interface Context {
  fw: Framework;
  types: Map<string, ProjectTypeSummary>;
  existing: Map<string, LibraryIndicator>;
  newTypes: Map<string, string>;
  seen: Map<string, number>;
}

/** The status a row leaves its indicator in: 停用 and 草稿 as written, otherwise unchanged content keeps its status and anything new or changed awaits confirmation. */
function statusAfter(written: LibraryStatus | undefined, before: LibraryIndicator | undefined, draft: LibraryIndicatorDraft): LibraryStatus {
  if (written === 'retired' || written === 'draft') return written;
  if (before && sameIndicatorContent(before, draft)) return before.status;
  return 'proposed';
}

function planRow(ctx: Context, rowNumber: number, values: Record<Key, string>): { row: PlannedRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const report = (key: Key, message: string) => problems.push({ rowNumber, column: HEADER[key], message });

  const operator = parseOperator(values.operator);
  if (values.operator !== '' && !operator) report('operator', `“${values.operator}”不是指标性质，应为 ≥、>、=、<、≤ 或 定性`);
  const written = values.status === '' ? undefined : parseLibraryStatus(values.status);
  if (values.status !== '' && !written) report('status', `“${values.status}”不是指标状态，应为 ${Object.values(LIBRARY_STATUS_LABELS).join('、')} 或留空`);

  const projectTypeCode = values.projectTypeCode.toUpperCase();
  if (projectTypeCode !== '' && !ctx.types.has(projectTypeCode)) {
    if (!PROJECT_TYPE_CODE.test(projectTypeCode)) report('projectTypeCode', '项目类型编码应为 2–12 位大写字母或数字，如 JT01');
    else if (values.projectTypeName === '') report('projectTypeName', `项目类型 ${projectTypeCode} 不存在；如需新建，请在“项目类型”列填写其名称`);
    else ctx.newTypes.set(projectTypeCode, ctx.newTypes.get(projectTypeCode) ?? values.projectTypeName);
  }

  const accrual = values.accrual === '' ? defaultAccrual(values) : parseAccrual(values.accrual);
  if (!accrual) report('accrual', `“${values.accrual}”不是累计方式，应为“累计型”或“状态型”，也可留空按计量单位判断`);
  const draft: LibraryIndicatorDraft = {
    projectTypeCode,
    level1: values.level1,
    level2: values.level2,
    name: values.name,
    operator: operator ?? '',
    referenceValue: values.referenceValue,
    unit: operator === '定性' ? '' : values.unit,
    definition: values.definition,
    basis: values.basis || BASES[0],
    accrual: accrual ?? 'cumulative',
  };
  const checks = checkLibraryIndicator({ ...draft, unit: values.unit }, ctx.fw);
  for (const [field, message] of Object.entries(checks) as [LibraryIndicatorField, string][]) {
    if (field === 'operator' && values.operator !== '') continue; // already reported as typed
    report(FIELD_COLUMN[field], message);
  }

  const code = values.code.toUpperCase();
  if (code !== '' && !INDICATOR_CODE.test(code)) report('code', '指标编码格式不正确（应如 JT01-001）；新指标可留空，导入时自动编码');
  const firstRow = ctx.seen.get(code);
  if (code !== '' && firstRow !== undefined) report('code', `指标编码 ${code} 与第 ${firstRow} 行重复`);
  else if (code !== '') ctx.seen.set(code, rowNumber);
  const before = code === '' ? undefined : ctx.existing.get(code);
  if (before && projectTypeCode !== '' && before.projectTypeCode !== projectTypeCode) {
    report('projectTypeCode', `指标 ${code} 属于项目类型 ${before.projectTypeCode}，不能改为 ${projectTypeCode}`);
  }

  const status = statusAfter(written, before, draft);
  const action = problems.length ? 'error' : !before ? 'create' : status === before.status && sameIndicatorContent(before, draft) ? 'unchanged' : 'update';
  return { row: { rowNumber, code, projectTypeCode, name: draft.name, status, action, draft, before }, problems };
}

function plan(db: Db, bytes: Uint8Array) {
  const table = readTable(bytes, COLUMNS);
  const ctx: Context = {
    fw: libraryFramework(db),
    types: new Map(listProjectTypes(db).map((t) => [t.code, t])),
    existing: new Map(allIndicators(db).map((i) => [i.code, i])),
    newTypes: new Map(),
    seen: new Map(),
  };
  const problems: RowProblem[] = [];
  const rows = table.map(({ rowNumber, values }) => {
    const planned = planRow(ctx, rowNumber, values);
    problems.push(...planned.problems);
    return planned.row;
  });
  // A type is created only for the good rows that need it.
  const needed = new Set(rows.filter((r) => r.action !== 'error').map((r) => r.projectTypeCode));
  const newProjectTypes = [...ctx.newTypes].filter(([code]) => needed.has(code)).map(([code, name]) => ({ code, name }));
  return { rows, problems, newProjectTypes };
}

function preview(fileName: string, planned: ReturnType<typeof plan>): LibraryImportPreview {
  const rows = planned.rows.map(({ draft: _draft, before: _before, ...row }) => row);
  return { ...summarise(fileName, rows, planned.problems), newProjectTypes: planned.newProjectTypes };
}

export function previewLibraryImport(db: Db, fileName: string, bytes: Uint8Array): LibraryImportPreview {
  return preview(fileName, plan(db, bytes));
}

/** Writes the good rows in one transaction; new indicators get codes with this installation's region. */
export function commitLibraryImport(db: Db, actor: Actor, fileName: string, bytes: Uint8Array): LibraryImportResult {
  const { region } = requireInstallation(db);
  const planned = plan(db, bytes);
  const toWrite = planned.rows.filter((r) => r.action === 'create' || r.action === 'update');
  const retiredFromLibrary = toWrite.filter((r) => r.before?.status === 'accepted' && r.status === 'retired');
  const writeType = projectTypeWriter(db);
  const writeIndicator = indicatorWriter(db);
  const libraryVersion = db.transaction((tx) => {
    const version = retiredFromLibrary.length
      ? openLibraryVersion(tx, actor, { note: `Excel 导入停用 ${retiredFromLibrary.length} 条指标（${fileName}）` })
      : null;
    for (const type of planned.newProjectTypes) writeType({ ...type, sector: IMPORTED_TYPE_SECTOR, description: '' });
    const usedCodes = new Map<string, string[]>();
    for (const row of toWrite) {
      let code = row.code;
      if (code === '') {
        const used = usedCodes.get(row.projectTypeCode) ?? codesOfType(tx, row.projectTypeCode);
        code = nextIndicatorCode(row.projectTypeCode, region.code, used);
        usedCodes.set(row.projectTypeCode, [...used, code]);
      }
      writeIndicator({
        ...row.draft,
        code,
        status: row.status,
        libraryVersion: retiredFromLibrary.includes(row) ? version : null,
        proposedBy: row.status === 'proposed' ? actor.name : null,
      });
    }
    recordAudit(tx, actor, {
      entity: 'library_indicator',
      naturalKey: 'import',
      action: 'Excel 导入指标库',
      after: {
        fileName,
        created: toWrite.filter((r) => !r.before).length,
        updated: toWrite.filter((r) => r.before).map((r) => r.code),
        newProjectTypes: planned.newProjectTypes.map((t) => t.code),
        skippedRows: planned.rows.filter((r) => r.action === 'error').map((r) => r.rowNumber),
      },
    });
    return version;
  });
  return { ...preview(fileName, planned), written: toWrite.length, libraryVersion };
}

const indicatorsSheet = (rows: SheetSpec['rows']): SheetSpec => ({ name: '指标库', headers: COLUMNS.map((c) => c.header), rows, widths: WIDTHS });

const projectTypesSheet = (types: readonly ProjectTypeSummary[]): SheetSpec => ({
  name: '项目类型',
  headers: ['项目类型编码', '项目类型', '所属领域', '说明'],
  rows: types.map((t) => [t.code, t.name, t.sector, t.description]),
  widths: [14, 24, 12, 60],
});

/** The whole library, every status, as the office keeps it in Excel. */
export function exportLibrary(db: Db): Uint8Array {
  const types = listProjectTypes(db);
  const typeName = new Map(types.map((t) => [t.code, t.name]));
  const rows = allIndicators(db).map((i) => [
    i.code, i.projectTypeCode, typeName.get(i.projectTypeCode) ?? '', i.level1, i.level2, i.name, i.operator,
    i.referenceValue, i.unit, i.definition, i.basis, i.operator === '定性' ? '' : ACCRUAL_LABELS[i.accrual], LIBRARY_STATUS_LABELS[i.status],
  ]);
  return writeWorkbook([indicatorsSheet(rows), projectTypesSheet(types)]);
}

/** An empty sheet with the right headers, how to fill it, the dictionary and the project types. */
export function libraryTemplate(db: Db): Uint8Array {
  const fw = libraryFramework(db);
  return writeWorkbook([
    indicatorsSheet([]),
    {
      name: '填写说明',
      headers: ['列', '说明'],
      rows: [
        ['指标编码', '新指标留空，导入时自动编码；填写已有编码则按本表修改该指标'],
        ['项目类型编码', '必填，见“项目类型”表；填写新编码并在“项目类型”列写名称，可同时新建项目类型'],
        ['一级指标、二级指标', `必填，按“指标体系”表填写（${fw.name}）`],
        ['三级指标', '必填，不超过 100 个字'],
        ['指标性质', '必填：≥、>、=、<、≤ 或 定性（也可写 >=、<=）'],
        ['参考值', '定量指标填数字，如 95；定性指标填文字，如 明显改善'],
        ['计量单位', '定量指标必填，如 %、人、公里；定性指标不填'],
        ['设定依据', `${BASES.join('、')}，留空为 ${BASES[0]}`],
        ['累计方式', '累计型（人次、公里、所、万元等全年累计，监控时按序时进度折算）或 状态型（比率、满意度、等级、年限、质量标准，监控时与全年指标值比较）；留空按计量单位和二级指标判断'],
        ['状态', '留空或写“待确认”：导入后等待绩效办确认入库；写“草稿”暂存；写“停用”停用该指标'],
      ],
      widths: [20, 90],
    },
    {
      name: '指标体系',
      headers: ['一级指标', '二级指标'],
      rows: fw.level1.flatMap((l1) => l1.level2.map((l2) => [l1.name, l2])),
      widths: [16, 22],
    },
    projectTypesSheet(listProjectTypes(db)),
  ]);
}
