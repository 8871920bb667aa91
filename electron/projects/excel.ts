// The project list and budget figures from the budget system's Excel export (one row per project and
// fund source), matched by project code: existing projects are updated, new ones added, and unknown units
// reported per row, so nobody retypes them. A project is imported whole or not at all: one bad row keeps
// the whole project (all its sources) out, and never blocks the other projects.
import { randomUUID } from 'node:crypto';
import { sqliteOf, type Db } from '../../db/open';
import { parseWanYuan, wanYuanText } from '../domain/money';
import {
  checkFunds,
  checkProject,
  checkProjectUnits,
  departmentOf,
  PROJECT_ATTRIBUTES,
  PROJECT_CATEGORIES,
  type FundRow,
  type ProjectAttribute,
  type ProjectCategory,
  type ProjectDraft,
} from '../domain/projects';
import { summarise, type ImportAction, type ImportPreview, type ImportResult, type RowProblem } from '../xlsx/importKit';
import { parseYesNo, readTable, writeWorkbook, yesNo, type ColumnSpec } from '../xlsx/sheet';
import { recordAudit, type Actor } from '../audit/audit';
import { requireInstallation } from '../registry';
import { normaliseDraft, projectsWithFunds, unitLookup, type Project } from './projects';

const COLUMNS = [
  { key: 'year', header: '年度', aliases: ['预算年度'] },
  { key: 'code', header: '项目编码', aliases: ['项目代码'], required: true },
  { key: 'name', header: '项目名称', required: true },
  { key: 'departmentCode', header: '主管部门编码', aliases: ['主管部门代码'] },
  { key: 'unitCode', header: '实施单位编码', aliases: ['实施单位代码', '单位编码', '预算单位编码'], required: true },
  { key: 'category', header: '项目类别' },
  { key: 'attribute', header: '项目属性' },
  { key: 'keyProject', header: '是否重点项目' },
  { key: 'povertyFund', header: '是否衔接资金', aliases: ['是否扶贫资金', '是否衔接推进乡村振兴补助资金'] },
  { key: 'confidential', header: '是否涉密' },
  { key: 'startDate', header: '开始日期', aliases: ['项目开始日期'] },
  { key: 'endDate', header: '结束日期', aliases: ['项目结束日期'] },
  { key: 'personInCharge', header: '项目负责人' },
  { key: 'source', header: '资金来源', required: true },
  { key: 'initial', header: '年初预算（万元）', aliases: ['年初预算数（万元）', '年初预算'], required: true },
  { key: 'addition', header: '追加（万元）', aliases: ['追加数（万元）', '追加'] },
  { key: 'cut', header: '调减（万元）', aliases: ['调减数（万元）', '调减'] },
] as const satisfies readonly ColumnSpec<string>[];
type Key = (typeof COLUMNS)[number]['key'];
const HEADER = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

/** Header fields that every row of one project must repeat identically. */
const HEADER_FIELDS = ['name', 'departmentCode', 'unitCode', 'category', 'attribute', 'keyProject', 'povertyFund', 'confidential', 'startDate', 'endDate', 'personInCharge'] as const satisfies readonly (keyof ProjectDraft & Key)[];

export interface ProjectImportRow {
  code: string;
  name: string;
  unitCode: string;
  /** Excel rows of this project (one per fund source). */
  rowNumbers: number[];
  adjustedFen: number;
  action: ImportAction;
}

export interface ProjectImportPreview extends ImportPreview<ProjectImportRow> {
  year: number;
}

export type ProjectImportResult = ImportResult<ProjectImportPreview>;

interface ParsedRow {
  rowNumber: number;
  draft: ProjectDraft;
  fund: FundRow;
  problems: RowProblem[];
}

interface PlannedProject extends ProjectImportRow {
  draft: ProjectDraft;
  funds: FundRow[];
  existing: Project | undefined;
}

function parseAmount(text: string, key: Key, report: (key: Key, message: string) => void): number {
  if (text.trim() === '') return 0;
  const parsed = parseWanYuan(text);
  if (parsed.ok) return parsed.fen;
  report(key, parsed.message);
  return 0;
}

function parseChoice<T extends string>(text: string, choices: readonly T[], fallback: T, key: Key, report: (key: Key, message: string) => void): T {
  const value = text.trim();
  if (value === '') return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  report(key, `“${value}”应为：${choices.join('、')}`);
  return fallback;
}

function parseFlag(text: string, key: Key, report: (key: Key, message: string) => void): boolean {
  const value = parseYesNo(text);
  if (value === undefined) report(key, `“${text}”应填“是”或“否”`);
  return value ?? false;
}

function parseRow(rowNumber: number, values: Record<Key, string>, year: number): ParsedRow {
  const problems: RowProblem[] = [];
  const report = (key: Key, message: string) => problems.push({ rowNumber, column: HEADER[key], message });
  if (values.year.trim() !== '' && values.year.trim() !== String(year)) report('year', `该行是 ${values.year} 年的数据，本次导入的是 ${year} 年`);
  const draft = normaliseDraft({
    code: values.code,
    name: values.name,
    departmentCode: values.departmentCode,
    unitCode: values.unitCode,
    category: parseChoice<ProjectCategory>(values.category, PROJECT_CATEGORIES, '本级支出', 'category', report),
    attribute: parseChoice<ProjectAttribute>(values.attribute, PROJECT_ATTRIBUTES, '延续', 'attribute', report),
    keyProject: parseFlag(values.keyProject, 'keyProject', report),
    povertyFund: parseFlag(values.povertyFund, 'povertyFund', report),
    confidential: parseFlag(values.confidential, 'confidential', report),
    projectTypeCode: null,
    startDate: values.startDate,
    endDate: values.endDate,
    personInCharge: values.personInCharge,
  });
  const fund: FundRow = {
    source: values.source.trim(),
    initialFen: parseAmount(values.initial, 'initial', report),
    additionFen: parseAmount(values.addition, 'addition', report),
    cutFen: parseAmount(values.cut, 'cut', report),
  };
  return { rowNumber, draft, fund, problems };
}

const FUND_COLUMN: Record<keyof FundRow, Key> = { source: 'source', initialFen: 'initial', additionFen: 'addition', cutFen: 'cut' };

/** Groups the rows by project code and checks each project as a whole. */
function plan(db: Db, year: number, bytes: Uint8Array): { projects: PlannedProject[]; problems: RowProblem[] } {
  const table = readTable(bytes, COLUMNS);
  const unitOf = unitLookup(db);
  const existing = new Map(projectsWithFunds(db, year).map((p) => [p.code, p]));
  const groups = new Map<string, ParsedRow[]>();
  for (const { rowNumber, values } of table) {
    const row = parseRow(rowNumber, values, year);
    const group = groups.get(row.draft.code);
    if (group) group.push(row);
    else groups.set(row.draft.code, [row]);
  }
  const planned = [...groups.values()].map((rows) => planProject(rows, unitOf, existing));
  const problems = planned.flatMap((p) => p.problems);
  return { projects: planned.map((p) => p.project), problems };
}

function planProject(
  rows: ParsedRow[],
  unitOf: ReturnType<typeof unitLookup>,
  existing: Map<string, Project>,
): { project: PlannedProject; problems: RowProblem[] } {
  const [first] = rows as [ParsedRow, ...ParsedRow[]];
  const problems = rows.flatMap((r) => r.problems);
  const draft = { ...first.draft };
  // The budget system may leave the department out: it is the one the unit reports to.
  const unit = unitOf(draft.unitCode);
  if (draft.departmentCode === '' && unit) draft.departmentCode = departmentOf(unit);
  const firstRow = (key: Key, message: string) => problems.push({ rowNumber: first.rowNumber, column: HEADER[key], message });
  const headerProblems = { ...checkProject(draft), ...checkProjectUnits(draft, unitOf) };
  // A blank department is only wrong because the unit is unknown, which is reported already.
  if (first.draft.departmentCode === '') delete headerProblems.departmentCode;
  for (const [field, message] of Object.entries(headerProblems)) firstRow(field as Key, message);
  for (const row of rows.slice(1)) {
    for (const field of HEADER_FIELDS) {
      if (row.draft[field] !== first.draft[field] && !(field === 'departmentCode' && row.draft[field] === '')) {
        problems.push({ rowNumber: row.rowNumber, column: HEADER[field], message: `同一项目各行的${HEADER[field]}应一致，与第 ${first.rowNumber} 行不同` });
      }
    }
  }
  const funds = rows.map((r) => r.fund);
  for (const problem of checkFunds(funds)) {
    const rowNumber = rows[problem.row ?? 0]!.rowNumber;
    const message = problem.message.replace(/与第 (\d+) 行重复/, (_, n: string) => `与第 ${rows[Number(n) - 1]!.rowNumber} 行重复`);
    problems.push({ rowNumber, column: HEADER[FUND_COLUMN[problem.field ?? 'source']], message });
  }
  const before = existing.get(draft.code);
  const action: ImportAction = problems.length ? 'error' : !before ? 'create' : unchanged(before, draft, funds) ? 'unchanged' : 'update';
  const adjustedFen = funds.reduce((sum, f) => sum + f.initialFen + f.additionFen - f.cutFen, 0);
  return {
    project: { code: draft.code, name: draft.name, unitCode: draft.unitCode, rowNumbers: rows.map((r) => r.rowNumber), adjustedFen, action, draft, funds, existing: before },
    problems,
  };
}

function unchanged(before: Project, draft: ProjectDraft, funds: readonly FundRow[]): boolean {
  const sameHeader = HEADER_FIELDS.every((field) => before[field] === draft[field]);
  const key = (f: FundRow) => `${f.source}|${f.initialFen}|${f.additionFen}|${f.cutFen}`;
  const sameFunds = before.funds.map(key).sort().join(';') === funds.map(key).sort().join(';');
  return sameHeader && sameFunds;
}

function preview(fileName: string, year: number, planned: PlannedProject[], problems: RowProblem[]): ProjectImportPreview {
  const rows = planned.map(({ draft: _draft, funds: _funds, existing: _existing, ...row }) => row);
  return { ...summarise(fileName, rows, problems), year };
}

export function previewBudgetImport(db: Db, year: number, fileName: string, bytes: Uint8Array): ProjectImportPreview {
  const { projects, problems } = plan(db, year, bytes);
  return preview(fileName, year, projects, problems);
}

/**
 * Writes the good projects of the file in one transaction with prepared statements. The file's sources
 * replace a project's funds (the budget system's export is the whole picture); the project type, which
 * the budget system does not know, is kept.
 */
export function commitBudgetImport(db: Db, actor: Actor, year: number, fileName: string, bytes: Uint8Array): ProjectImportResult {
  const { region } = requireInstallation(db);
  const { projects, problems } = plan(db, year, bytes);
  const toWrite = projects.filter((p) => p.action === 'create' || p.action === 'update');
  const sqlite = sqliteOf(db);
  const upsert = sqlite.prepare(
    `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code, category, attribute, key_project,
       poverty_fund, confidential, start_date, end_date, person_in_charge)
     VALUES (@id, @region, @year, @code, @name, @departmentCode, @unitCode, @category, @attribute, @keyProject,
       @povertyFund, @confidential, @startDate, @endDate, @personInCharge)
     ON CONFLICT (region_code, year, code) DO UPDATE SET
       name = excluded.name, department_code = excluded.department_code, unit_code = excluded.unit_code,
       category = excluded.category, attribute = excluded.attribute, key_project = excluded.key_project,
       poverty_fund = excluded.poverty_fund, confidential = excluded.confidential, start_date = excluded.start_date,
       end_date = excluded.end_date, person_in_charge = excluded.person_in_charge, deleted = 0,
       version = projects.version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     RETURNING id`,
  );
  const clearFunds = sqlite.prepare('DELETE FROM project_funds WHERE project_id = ?');
  const insertFund = sqlite.prepare('INSERT INTO project_funds (project_id, source, initial_fen, addition_fen, cut_fen) VALUES (?, ?, ?, ?, ?)');
  db.transaction((tx) => {
    for (const { draft, funds } of toWrite) {
      const { id } = upsert.get({
        ...draft,
        id: randomUUID(),
        region: region.code,
        year,
        keyProject: draft.keyProject ? 1 : 0,
        povertyFund: draft.povertyFund ? 1 : 0,
        confidential: draft.confidential ? 1 : 0,
      }) as { id: string };
      clearFunds.run(id);
      for (const f of funds) insertFund.run(id, f.source, f.initialFen, f.additionFen, f.cutFen);
    }
    recordAudit(tx, actor, {
      entity: 'project',
      naturalKey: `${region.code}/${year}/import`,
      action: 'Excel 导入预算项目',
      after: {
        fileName,
        created: toWrite.filter((p) => !p.existing).map((p) => p.code),
        updated: toWrite.filter((p) => p.existing).map((p) => p.code),
        skippedRows: projects.filter((p) => p.action === 'error').flatMap((p) => p.rowNumbers),
      },
    });
  });
  return { ...preview(fileName, year, projects, problems), written: toWrite.length };
}

const WIDTHS = [8, 18, 36, 14, 14, 14, 10, 12, 12, 10, 12, 12, 12, 18, 16, 14, 14];

/** The year's projects in the budget system's layout, one row per source; it imports back unchanged. */
export function exportProjects(db: Db, year: number): Uint8Array {
  const rows = projectsWithFunds(db, year).flatMap((p) =>
    (p.funds.length ? p.funds : [null]).map((f) => [
      year,
      p.code,
      p.name,
      p.departmentCode,
      p.unitCode,
      p.category,
      p.attribute,
      yesNo(p.keyProject),
      yesNo(p.povertyFund),
      yesNo(p.confidential),
      p.startDate ?? '',
      p.endDate ?? '',
      p.personInCharge,
      f?.source ?? '',
      f ? wanYuanText(f.initialFen) : '',
      f ? wanYuanText(f.additionFen) : '',
      f ? wanYuanText(f.cutFen) : '',
    ]),
  );
  return writeWorkbook([{ name: `${year}年项目`, headers: COLUMNS.map((c) => c.header), rows, widths: WIDTHS }]);
}

/** The import layout with an explanation sheet, for counties whose budget system exports other headers. */
export const budgetTemplate = (): Uint8Array =>
  writeWorkbook([
    { name: '项目', headers: COLUMNS.map((c) => c.header), rows: [], widths: WIDTHS },
    {
      name: '填写说明',
      headers: ['列', '说明'],
      rows: [
        ['年度', '可不填；填写时须与导入时选择的年度一致'],
        ['项目编码', '必填，与预算系统一致；同一项目有多个资金来源时每个来源一行，项目信息各行相同'],
        ['主管部门编码', '可不填，按实施单位的主管部门自动填入'],
        ['实施单位编码', '必填，须是“预算单位”中已登记并启用的单位'],
        ['项目类别', PROJECT_CATEGORIES.join(' / ') + '，不填视为本级支出'],
        ['项目属性', PROJECT_ATTRIBUTES.join(' / ') + '，不填视为延续'],
        ['是否重点项目 / 是否衔接资金 / 是否涉密', '填“是”或“否”，不填视为“否”；涉密项目不公开'],
        ['开始日期 / 结束日期', '如 2020-01-01'],
        ['资金来源', '本级财政拨款、上级补助（中央）、上级补助（自治区）、上级补助（州）、上年结转、财政专户管理资金、单位资金、其他资金'],
        ['年初预算 / 追加 / 调减（万元）', '以万元为单位的数字，最多 6 位小数；不填视为 0。调整后预算 = 年初预算 + 追加 − 调减'],
        ['说明', '导入时按项目编码匹配：已有的项目按本表更新（资金来源以本表为准），没有的新增；有错误的项目整体跳过'],
      ],
      widths: [36, 90],
    },
  ]);
