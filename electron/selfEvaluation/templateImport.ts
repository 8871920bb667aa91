// The per-unit template (review/template.ts) filled offline, imported back INTO the program's
// self-evaluations: each sheet is matched to its project's approved target by the 项目编码 on it, the
// self-evaluation is started through the create service where none exists (so it is prefilled and keeps
// the approved rows as they were), and the unit's figures are saved through the save service. A blank
// cell keeps what the program already holds (the prefill from the budget and monitoring, or an earlier
// save). Preview and commit run the same steps in one transaction; the preview always rolls back, and the
// commit rolls back too when any sheet has a problem: a file goes in whole or not at all. A
// self-evaluation already submitted or approved is reported and left as it is.
import type { Db } from '../../db/open';
import { recordAudit, type Actor } from '../audit/audit';
import { parseWanYuan } from '../domain/money';
import { assessIndicator, FUND_ROW_LABELS, FUND_ROW_ORDER, parseTier, TIER_LABELS, TIERS, type FundBlock, type FundFigures, type IndicatorEntryField, type ScoringSettings } from '../domain/selfEvaluation';
import { editable, WORKFLOW_LABELS, type WorkflowState } from '../domain/workflow';
import { AppError } from '../errors';
import { requireInstallation, requirePermission } from '../registry';
import { readWorkbook } from '../xlsx/sheet';
import { summarise, type ImportAction, type ImportPreview, type ImportResult, type RowProblem } from '../xlsx/importKit';
import { at, columnsOf, field, findRow, FUND_COLUMNS, gridOf, INDICATOR_COLUMNS, isFundHeader, isIndicatorHeader, key, type Grid } from './review/excel';
import { createSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, type IndicatorEntry, type SelfEvaluationSaveInput } from './selfEvaluations';
import { requireSelfEvaluation, scoringRules, scoringSettingsOf, type SelfEvaluationIndicator, type SelfEvaluationRecord } from './store';
import { SHEET_WORDS } from './tableSheet';

export interface TemplateImportRow {
  sheet: string;
  /** The Excel row of 项目名称. */
  rowNumber: number;
  projectCode: string;
  projectName: string;
  unitName: string;
  /** The self-evaluation's state, and its 总分 and 等级 as the import leaves them. */
  status: WorkflowState | null;
  totalScore: string | null;
  grade: string | null;
  action: ImportAction;
  /** Why a sheet is left alone (already submitted or approved). */
  note: string;
}

export type TemplateImportPreview = ImportPreview<TemplateImportRow>;
export type TemplateImportResult = ImportResult<TemplateImportPreview>;

const TEMPLATE_COLUMNS = {
  ...INDICATOR_COLUMNS,
  deduction: [SHEET_WORDS.deduction],
  deductionReason: [SHEET_WORDS.deductionReason],
  indicatorId: [SHEET_WORDS.indicatorId],
} as const;

/** The template's column a form field is typed in, to name it in a problem. */
const FIELD_COLUMNS: Record<IndicatorEntryField, string> = {
  actual: '实际完成值',
  tier: '实际完成值',
  score: '得分',
  deduction: SHEET_WORDS.deduction,
  deductionReason: SHEET_WORDS.deductionReason,
  deviationReason: '偏差原因分析及改进措施',
};

const TIER_HINT = TIERS.map((t) => TIER_LABELS[t]).join(' / ');

const TOTAL_WORDS = ['总分', '合计', '总计'];

type Report = (rowNumber: number, column: string, message: string) => void;

/** A cell's text, or what the program holds when the unit left it blank. */
const orKept = (cell: string, kept: string) => (cell.trim() === '' ? kept : cell.trim());

/** 全年执行数 and the budgets of the 其中 rows; the 年度资金总额 row only checks their sum. */
function readFunds(rows: readonly string[][], firstRow: number, kept: FundBlock, report: Report): FundBlock {
  const header = findRow(rows, 0, isFundHeader);
  if (header < 0) {
    report(firstRow, '项目资金', '找不到项目资金表头（年初预算数、全年预算数、全年执行数），请使用本软件下载的自评模板');
    return kept;
  }
  const columns = columnsOf(rows[header]!, FUND_COLUMNS);
  const end = findRow(rows, header + 1, (row) => row.some((c) => key(c) === '预期目标'));
  const within = rows.slice(header + 1, end < 0 ? rows.length : end);
  const money = (cell: string, keptFen: number, rowNumber: number, column: string, label: string): number => {
    if (cell.trim() === '') return keptFen;
    const parsed = parseWanYuan(cell.replace(/万元$/, ''));
    if (parsed.ok && parsed.fen >= 0) return parsed.fen;
    report(rowNumber, column, `${label}的${column}“${cell}”应为不小于 0 的金额（万元，最多 6 位小数）`);
    return keptFen;
  };
  const block = Object.fromEntries(
    FUND_ROW_ORDER.map((name) => {
      const r = within.findIndex((row) => row.some((c) => key(c).replace(/^其中[:：]?/, '') === FUND_ROW_LABELS[name]));
      if (r < 0) return [name, kept[name]];
      const row = within[r]!;
      const rowNumber = firstRow + header + 1 + r;
      const figures: FundFigures = {
        initialFen: money(at(row, columns.initial), kept[name].initialFen, rowNumber, '年初预算数', FUND_ROW_LABELS[name]),
        adjustedFen: money(at(row, columns.adjusted), kept[name].adjustedFen, rowNumber, '全年预算数', FUND_ROW_LABELS[name]),
        executedFen: money(at(row, columns.executed), kept[name].executedFen, rowNumber, '全年执行数', FUND_ROW_LABELS[name]),
      };
      return [name, figures];
    }),
  ) as FundBlock;
  const totalAt = within.findIndex((row) => row.some((c) => key(c).startsWith('年度资金总额')));
  const totalCell = totalAt < 0 ? '' : at(within[totalAt], columns.executed);
  if (totalCell.trim() !== '') {
    const total = parseWanYuan(totalCell);
    const sum = FUND_ROW_ORDER.reduce((s, name) => s + block[name].executedFen, 0);
    if (!total.ok || total.fen !== sum) {
      report(firstRow + header + 1 + totalAt, '全年执行数', `年度资金总额的全年执行数“${totalCell}”与其中各行（当年财政拨款、上年结转资金、其他资金）之和不符：请在其中各行分别填写全年执行数`);
    }
  }
  return block;
}

function readGoalAchieved(rows: readonly string[][], kept: string): string {
  const header = findRow(rows, 0, (row) => row.some((c) => key(c) === '预期目标') && row.some((c) => key(c) === '实际完成情况'));
  if (header < 0) return kept;
  const column = columnsOf(rows[header]!, { actual: ['实际完成情况'] }).actual;
  return orKept(at(rows[header + 1], column), kept);
}

/** The approved row an Excel row stands for: by its hidden 指标标识, else by its 三级指标. */
function approvedRow(record: SelfEvaluationRecord, id: string, name: string): SelfEvaluationIndicator | undefined {
  return record.indicators.find((i) => id !== '' && i.indicatorId === id) ?? record.indicators.find((i) => key(i.name) === key(name));
}

/** One Excel indicator row as the form's entry; the rule's score for a quantitative row, the unit's for a qualitative one. */
function entryOf(cells: (column: keyof typeof TEMPLATE_COLUMNS) => string, row: SelfEvaluationIndicator, rowNumber: number, report: Report): IndicatorEntry {
  const actual = orKept(cells('actual'), row.actual);
  let tier = row.tier;
  if (row.operator === '定性' && cells('actual').trim() !== '') {
    tier = parseTier(actual);
    if (!tier) report(rowNumber, '实际完成值', `定性指标“${row.name}”的实际完成值应写完成档次（${TIER_HINT}），而不是“${actual}”`);
  }
  return {
    id: row.id,
    actual,
    tier,
    score: row.operator === '定性' ? orKept(cells('score'), row.score) : row.score,
    deduction: orKept(cells('deduction'), row.deduction),
    deductionReason: orKept(cells('deductionReason'), row.deductionReason),
    deviationReason: orKept(cells('deviation'), row.deviationReason),
  };
}

function readIndicators(rows: readonly string[][], firstRow: number, record: SelfEvaluationRecord, settings: ScoringSettings, report: Report): IndicatorEntry[] {
  const header = findRow(rows, 0, isIndicatorHeader);
  if (header < 0) {
    report(firstRow, '绩效指标', '找不到绩效指标表头（三级指标、实际完成值、得分），请使用本软件下载的自评模板');
    return [];
  }
  const columns = columnsOf(rows[header]!, TEMPLATE_COLUMNS);
  const entries = new Map<string, IndicatorEntry>();
  for (let r = header + 1; r < rows.length; r++) {
    const cells = (column: keyof typeof TEMPLATE_COLUMNS) => at(rows[r], columns[column]);
    if (rows[r]!.slice(0, columns.weight).some((c) => TOTAL_WORDS.includes(key(c)))) break;
    const name = cells('label');
    if (name.trim() === '' && cells('indicatorId') === '') continue;
    const rowNumber = firstRow + r;
    const row = approvedRow(record, cells('indicatorId'), name);
    if (!row) {
      report(rowNumber, '三级指标', `“${name}”不是该项目批复的绩效指标：自评只能按批复的指标填报，请不要增加或改名指标行`);
      continue;
    }
    if (entries.has(row.id)) {
      report(rowNumber, '三级指标', `指标“${row.name}”在表中出现了两次，请只保留一行`);
      continue;
    }
    const entry = entryOf(cells, row, rowNumber, report);
    entries.set(row.id, entry);
    const { errors } = assessIndicator({ ...row, ...entry }, settings);
    for (const [fieldName, message] of Object.entries(errors) as [IndicatorEntryField, string][]) report(rowNumber, FIELD_COLUMNS[fieldName], `指标“${row.name}”：${message}`);
  }
  return [...entries.values()];
}

/** The save request a sheet makes of the self-evaluation as it stands. */
function saveInputOf(rows: readonly string[][], firstRow: number, record: SelfEvaluationRecord, settings: ScoringSettings, report: Report): SelfEvaluationSaveInput {
  return {
    id: record.id,
    version: record.version,
    funds: readFunds(rows, firstRow, record.funds, report),
    budgetReason: orKept(field(rows, SHEET_WORDS.budgetReason), record.budgetReason),
    goalAchieved: readGoalAchieved(rows, record.goalAchieved),
    problems: orKept(field(rows, SHEET_WORDS.problems), record.problems),
    measures: orKept(field(rows, SHEET_WORDS.measures), record.measures),
    indicators: readIndicators(rows, firstRow, record, settings, report),
  };
}

/** A sheet that says what the program already holds is not saved again (no new version, no audit). */
function sameAsRecord(input: SelfEvaluationSaveInput, record: SelfEvaluationRecord): boolean {
  const entries = (rows: readonly IndicatorEntry[]) => rows.map(({ id, actual, tier, score, deduction, deductionReason, deviationReason }) => ({ id, actual, tier, score, deduction, deductionReason, deviationReason }));
  const mine = { funds: input.funds, texts: [input.budgetReason, input.goalAchieved, input.problems, input.measures], indicators: entries(input.indicators) };
  const held = { funds: record.funds, texts: [record.budgetReason, record.goalAchieved, record.problems, record.measures], indicators: entries(record.indicators.filter((i) => input.indicators.some((e) => e.id === i.id))) };
  return JSON.stringify(mine) === JSON.stringify(held);
}

interface SheetRead {
  cells: readonly string[][];
  firstRow: number;
  settings: ScoringSettings;
  report: Report;
  base: Pick<TemplateImportRow, 'sheet' | 'rowNumber' | 'projectCode' | 'projectName' | 'unitName'>;
}

/** Saves what the sheet says through the save service, unless it says what the record already holds. */
function saveSheet(tx: Db, actor: Actor, record: SelfEvaluationRecord, sheet: SheetRead, action: 'create' | 'update' = 'update'): TemplateImportRow {
  const { base, report } = sheet;
  const failed: TemplateImportRow = { ...base, status: record.status, totalScore: null, grade: null, action: 'error', note: '' };
  let problems = 0;
  const input = saveInputOf(sheet.cells, sheet.firstRow, record, sheet.settings, (...problem) => {
    problems++;
    report(...problem);
  });
  if (problems > 0) return failed;
  if (sameAsRecord(input, record)) {
    const note = action === 'create' ? '表中没有填写内容，未开始自评' : '与软件中的自评表相同';
    return { ...base, status: record.status, totalScore: record.totalScore, grade: record.grade, action: 'unchanged', note };
  }
  try {
    const saved = saveSelfEvaluation(tx, actor, input);
    return { ...base, status: saved.status, totalScore: saved.totalScore, grade: saved.grade, action, note: '' };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    report(sheet.firstRow, '项目名称', error.message);
    return failed;
  }
}

const UNDO_START = Symbol('sheet left as downloaded');

/**
 * Starts the self-evaluation through the create service (prefilled as always) and saves the sheet into it;
 * a sheet left as downloaded, or one with problems, starts nothing: its savepoint is rolled back.
 */
function startAndSave(tx: Db, actor: Actor, targetId: string, sheet: SheetRead): TemplateImportRow {
  const outcome: { row?: TemplateImportRow } = {};
  try {
    tx.transaction((savepoint) => {
      const record = requireSelfEvaluation(savepoint, createSelfEvaluation(savepoint, actor, { targetId }).id);
      outcome.row = saveSheet(savepoint, actor, record, sheet, 'create');
      if (outcome.row.action !== 'create') throw UNDO_START;
    });
  } catch (error) {
    if (error !== UNDO_START) throw error;
    outcome.row = { ...outcome.row!, status: null, totalScore: null, grade: null };
  }
  return outcome.row!;
}

interface Approved {
  targetId: string;
  projectName: string;
  unitName: string;
  id: string | null;
  status: WorkflowState | null;
}

/** A sheet holding a table, not a summary or a note: it names a project and has indicator rows. */
const isTable = (grid: Grid) => ['项目名称', '三级指标'].every((word) => grid.cells.some((row) => row.some((c) => key(c) === word)));

/** Imports every sheet into `tx`; what the preview shows comes out of the very writes the commit keeps. */
function importSheets(tx: Db, actor: Actor, year: number, fileName: string, bytes: Uint8Array): TemplateImportPreview {
  const workbook = readWorkbook(bytes);
  const approved = new Map<string, Approved>(listSelfEvaluations(tx, { year }).map((r) => [r.projectCode, r]));
  const grids = workbook.SheetNames.map((name) => gridOf(name, workbook.Sheets[name]!)).filter(isTable);
  if (grids.length === 0) {
    throw new AppError('BAD_FILE', `文件中找不到项目支出绩效自评表（工作表：${workbook.SheetNames.join('、')}）：请在“绩效自评 → 自评表”中下载本单位的自评模板，填好后再导入`);
  }
  const settings = scoringSettingsOf(scoringRules(tx));
  const problems: RowProblem[] = [];
  const seen = new Map<string, string>();
  const rows = grids.map((grid): TemplateImportRow => {
    const start = grid.cells.findIndex((row) => row.some((c) => key(c) === '项目名称'));
    const cells = grid.cells.slice(start);
    const firstRow = grid.firstRow + start;
    const before = problems.length;
    const report: Report = (rowNumber, column, message) => problems.push({ sheet: grid.sheet, rowNumber, column, message });
    const projectCode = field(cells, '项目编码').trim();
    const base = { sheet: grid.sheet, rowNumber: firstRow, projectCode, projectName: field(cells, '项目名称').trim(), unitName: field(cells, '实施单位').trim(), note: '' };
    const none: TemplateImportRow = { ...base, status: null, totalScore: null, grade: null, action: 'error' };
    const target = approved.get(projectCode);
    if (projectCode === '') report(firstRow, '项目编码', '请填写项目编码：导入按项目编码对应批复的绩效目标');
    else if (!target) report(firstRow, '项目编码', `项目编码“${projectCode}”在 ${year} 年没有审核通过的项目绩效目标：请核对编码，或确认导入的年度`);
    else if (seen.has(projectCode)) report(firstRow, '项目编码', `与工作表“${seen.get(projectCode)}”是同一个项目（${projectCode}），请只保留一张`);
    if (!target || problems.length > before) return none;
    seen.set(projectCode, grid.sheet);
    if (target.status && !editable(target.status)) {
      return { ...base, status: target.status, totalScore: null, grade: null, action: 'unchanged', note: `自评表${WORKFLOW_LABELS[target.status]}，未导入${target.status === 'submitted' ? '（如需修改，请先撤回）' : '（已锁定）'}` };
    }
    const sheet: SheetRead = { cells, firstRow, settings, report, base };
    return target.id !== null ? saveSheet(tx, actor, requireSelfEvaluation(tx, target.id), sheet) : startAndSave(tx, actor, target.targetId, sheet);
  });
  return summarise(fileName, rows, problems, grids.map((g) => g.sheet));
}

const ROLLED_BACK = Symbol('template import rolled back');

/** Runs the import in a transaction and keeps it only when `keep` says so (and has recorded it). */
function inTransaction(db: Db, actor: Actor, year: number, fileName: string, bytes: Uint8Array, keep: (tx: Db, preview: TemplateImportPreview) => boolean): { preview: TemplateImportPreview; kept: boolean } {
  const outcome: { preview?: TemplateImportPreview } = {};
  try {
    db.transaction((tx) => {
      outcome.preview = importSheets(tx, actor, year, fileName, bytes);
      if (!keep(tx, outcome.preview)) throw ROLLED_BACK;
    });
    return { preview: outcome.preview!, kept: true };
  } catch (error) {
    if (error !== ROLLED_BACK) throw error;
    return { preview: outcome.preview!, kept: false };
  }
}

/** What the file would do, sheet by sheet, with every problem by sheet and row; nothing is kept. */
export function previewTemplateImport(db: Db, actor: Actor, year: number, fileName: string, bytes: Uint8Array): TemplateImportPreview {
  requirePermission(db, actor, 'enter');
  return inTransaction(db, actor, year, fileName, bytes, () => false).preview;
}

/** The file's self-evaluations, all of them or, when any sheet has a problem, none. */
export function commitTemplateImport(db: Db, actor: Actor, year: number, fileName: string, bytes: Uint8Array): TemplateImportResult {
  requirePermission(db, actor, 'enter');
  const region = requireInstallation(db).region.code;
  const { preview, kept } = inTransaction(db, actor, year, fileName, bytes, (tx, p) => {
    if (p.problemTotal > 0) return false;
    recordAudit(tx, actor, {
      entity: 'self-evaluation',
      naturalKey: `${region}/${year}`,
      action: 'Excel 导入自评模板',
      after: { fileName, imported: p.rows.filter((r) => r.action === 'create' || r.action === 'update').map((r) => r.projectCode), left: p.rows.filter((r) => r.action === 'unchanged').map((r) => r.projectCode) },
    });
    return true;
  });
  if (!kept) throw new AppError('INVALID_INPUT', `文件中有 ${preview.problemTotal} 处错误（见导入预览），没有导入任何自评表；请改正后重新导入`);
  return { ...preview, written: preview.counts.create + preview.counts.update };
}
