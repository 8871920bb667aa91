// Batch entry of project targets by Excel, for the many units that fill spreadsheets rather than the app.
// The bureau exports a template per unit, pre-filled with its projects (current targets, or the library's
// suggestions for a project type); the filled file is previewed with every bad row named by row number
// and column, and only then written. A project's targets are all or nothing: one bad row keeps that
// project out, while the other projects' good rows still import.
// 固化指标: a project's file rows keep the 指标库编码 the template carries, so a row that stands for a
// mandatory indicator is known (by its code, else by its name) and refused when it renames it; the
// mandatory indicators a project's rows lack are added in front, as a new target starts, and the preview
// names them per project (已自动补充固化指标 …).
import type { Db } from '../../db/open';
import { ACCRUAL_LABELS, BASES, defaultAccrual, OPERATORS, parseAccrual, type Framework, type IndicatorOperator } from '../domain/indicators';
import { completedWithMandatory, mandatoryRenameProblem, recognisedMandatory, renamesMandatory, type MandatoryIndicator } from '../domain/mandatoryIndicators';
import { checkProjectTargets, type TargetContent, type TargetIndicator, type TargetProblem } from '../domain/targets';
import { editable, WORKFLOW_LABELS } from '../domain/workflow';
import { AppError } from '../errors';
import { summarise, type ImportAction, type ImportPreview, type ImportResult, type RowProblem } from '../xlsx/importKit';
import { readTable, writeWorkbook, type ColumnSpec, type SheetRow } from '../xlsx/sheet';
import { recordAudit, type Actor } from '../audit/audit';
import { projectsWithFunds, type Project } from '../projects';
import { requireInstallation, listUnits } from '../registry';
import { suggestedTargetIndicators } from './librarySource';
import { frameworkFor, normaliseContent, rulesFor, sameContent, targetKey, writeTarget } from './store';
import { projectTarget, projectTargetRow } from './targets';

const GOALS_SHEET = '项目目标';
const INDICATORS_SHEET = '绩效指标';
const GOAL_SEPARATOR = '；';

const GOAL_COLUMNS = [
  { key: 'code', header: '项目编码', required: true },
  { key: 'name', header: '项目名称' },
  { key: 'overallGoal', header: '总体目标', required: true },
  { key: 'annualGoals', header: '年度目标（多项用“；”分隔）', aliases: ['年度目标'] },
] as const satisfies readonly ColumnSpec<string>[];

const INDICATOR_COLUMNS = [
  { key: 'code', header: '项目编码', required: true },
  { key: 'name', header: '项目名称' },
  { key: 'level1', header: '一级指标', required: true },
  { key: 'level2', header: '二级指标', required: true },
  { key: 'indicator', header: '三级指标', required: true },
  { key: 'operator', header: '指标性质', required: true },
  { key: 'value', header: '指标值', required: true },
  { key: 'unit', header: '计量单位' },
  { key: 'definition', header: '指标解释' },
  { key: 'basis', header: '设定依据' },
  { key: 'weight', header: '分值' },
  { key: 'accrual', header: '累计方式' },
  { key: 'libraryCode', header: '指标库编码' },
] as const satisfies readonly ColumnSpec<string>[];

type GoalKey = (typeof GOAL_COLUMNS)[number]['key'];
type IndicatorKey = (typeof INDICATOR_COLUMNS)[number]['key'];
const header = <K extends string>(columns: readonly ColumnSpec<K>[], key: K) => columns.find((c) => c.key === key)!.header;

/** Which template column holds each field of an indicator row. */
const INDICATOR_FIELD_COLUMN: Record<string, IndicatorKey> = {
  level1: 'level1',
  level2: 'level2',
  name: 'indicator',
  operator: 'operator',
  value: 'value',
  unit: 'unit',
  definition: 'definition',
  basis: 'basis',
  weight: 'weight',
  accrual: 'accrual',
};

/** Comparison signs as people type them in Excel. */
const OPERATOR_ALIASES: Record<string, IndicatorOperator> = { '>=': '≥', '≧': '≥', '＞': '>', '=<': '≤', '<=': '≤', '≦': '≤', '＜': '<', '＝': '=', '==': '=' };

export interface TemplateProject {
  code: string;
  name: string;
  indicatorCount: number;
  action: ImportAction;
  /** The 固化指标 the file's rows lacked, added on import (names); empty for a project nothing is written for. */
  addedMandatory: string[];
}

export interface TargetImportPreview extends ImportPreview<TemplateProject> {
  year: number;
}

export type TargetImportResult = ImportResult<TargetImportPreview>;

// ---------------------------------------------------------------------------------------------- export

function indicatorCells(project: Project, i: TargetIndicator): (string | number)[] {
  return [project.code, project.name, i.level1, i.level2, i.name, i.operator, i.value, i.unit, i.definition, i.basis, i.weight, i.operator === '定性' ? '' : ACCRUAL_LABELS[i.accrual], i.libraryCode ?? ''];
}

function instructions(fw: Framework, year: number, unitLabel: string, locked: readonly string[]): (string | number)[][] {
  return [
    ['适用', `${year} 年 ${unitLabel} 的项目支出绩效目标（仅含可填报的项目：未填报、草稿或被退回）`],
    ['项目目标表', '每个项目一行：总体目标必填；年度目标可填多项，用中文分号“；”分隔。项目编码和名称已预填，请勿修改编码'],
    ['绩效指标表', '每个指标一行，用项目编码对应到项目；可增删行。已有指标或指标库建议已预填，请核对指标值'],
    ['一级 / 二级指标', fw.level1.map((l) => `${l.name}：${l.level2.join('、')}`).join('；')],
    ['指标性质', `${OPERATORS.join('、')}；定量指标的指标值只填数字，单位填在“计量单位”列；定性指标的指标值填文字（如“达成预期目标”），不填单位`],
    ['设定依据', BASES.join('、')],
    ['累计方式', '累计型：人次、公里、所、万元等全年逐步累计的指标，监控时按序时进度折算；状态型：比率、满意度、等级、年限、质量标准等，监控时与全年指标值比较。留空按计量单位和二级指标自动判断（%、‰、百分比、分、星、级、年及质量指标、满意度指标为状态型）'],
    ['分值', '可全部留空；填写时每个指标都要填，且指标分值合计加预算执行分值应为 100'],
    ['必备指标', '每个项目至少一个产出指标和一个效益指标；重点项目还需至少一个满意度指标'],
    ['指标库编码', '从指标库带出的指标已预填编码，请勿修改；自己新增的指标留空。不是本项目或其项目类型指标库指标的编码导入时不保留'],
    ['固化指标', '衔接资金等项目必须包含指标库设定的固化指标：可以修改指标值，不能修改三级指标名称（改名的行导入时报错）；文件中缺少的固化指标导入时自动补充，指标值为指标库参考值，请在软件中核对'],
    ['导入规则', '导入时先预览，逐行列出错误；一个项目只要有一行错误，该项目整体不导入，其他项目照常导入。导入后为草稿，需在软件中送审'],
    ...(locked.length ? [['未列入的项目', `已送审或已通过、不能通过模板修改：${locked.join('、')}`]] : []),
  ];
}

/** A unit's template for a year, pre-filled with its editable projects and their current or suggested targets. */
export function exportTargetTemplate(db: Db, year: number, unitCode: string): { fileName: string; bytes: Uint8Array } {
  const unit = listUnits(db).find((u) => u.code === unitCode);
  if (!unit) throw new AppError('NOT_FOUND', `单位编码 ${unitCode} 不在预算单位名录中`);
  const forms = projectsWithFunds(db, year, { unitCode }).map((p) => projectTarget(db, p.id));
  const open = forms.filter((f) => editable(f.status));
  const locked = forms.filter((f) => !editable(f.status)).map((f) => `${f.project.code}（${WORKFLOW_LABELS[f.status]}）`);
  const bytes = writeWorkbook([
    {
      name: GOALS_SHEET,
      headers: GOAL_COLUMNS.map((c) => c.header),
      rows: open.map((f) => [f.project.code, f.project.name, f.overallGoal, f.annualGoals.join(GOAL_SEPARATOR)]),
      widths: [18, 30, 60, 60],
    },
    {
      name: INDICATORS_SHEET,
      headers: INDICATOR_COLUMNS.map((c) => c.header),
      rows: open.flatMap((f) => f.indicators.map((i) => indicatorCells(f.project, i))),
      widths: [18, 24, 12, 16, 30, 10, 14, 10, 36, 12, 8, 10, 14],
    },
    { name: '填写说明', headers: ['项目', '说明'], rows: instructions(frameworkFor(db, year), year, `${unit.name}（${unit.code}）`, locked), widths: [16, 110] },
  ]);
  return { fileName: `${year}年项目绩效目标填报模板-${unit.name}.xlsx`, bytes };
}

// ---------------------------------------------------------------------------------------------- import

interface ProjectPlan extends TemplateProject {
  project: Project | undefined;
  content: TargetContent;
  problems: RowProblem[];
}

function parseOperator(text: string): IndicatorOperator | null {
  const value = text.trim().replace(/\s/g, '');
  if ((OPERATORS as readonly string[]).includes(value)) return value as IndicatorOperator;
  return OPERATOR_ALIASES[value] ?? null;
}

function splitGoals(text: string): string[] {
  return text
    .split(/[；;\n]/)
    .map((g) => g.trim())
    .filter((g) => g !== '');
}

/** Indicator rows with nothing but the pre-filled code and name (and 指标库编码) are left-over blanks, not errors. */
const isBlankIndicator = (values: Record<IndicatorKey, string>) =>
  (Object.keys(values) as IndicatorKey[]).every((key) => key === 'code' || key === 'name' || key === 'libraryCode' || values[key] === '');

/**
 * The library codes a project's file may carry: its 固化指标, its target's rows and its type's suggestions —
 * what the template was filled from. Another code (mistyped, another project's) is not kept.
 */
function knownLibraryCodes(db: Db, project: Project, target: TargetContent, mandatory: readonly MandatoryIndicator[]): Set<string> {
  const suggested = project.projectTypeCode ? suggestedTargetIndicators(db, project.projectTypeCode) : [];
  return new Set([...mandatory.map((m) => m.libraryCode), ...[...target.indicators, ...suggested].flatMap((i) => (i.libraryCode ? [i.libraryCode] : []))]);
}

function readTemplate(bytes: Uint8Array) {
  const goals = readTable(bytes, GOAL_COLUMNS);
  const indicators = readTable(bytes, INDICATOR_COLUMNS).filter((row) => !isBlankIndicator(row.values));
  return { goals, indicators };
}

function planImport(db: Db, year: number, bytes: Uint8Array): ProjectPlan[] {
  const { goals, indicators } = readTemplate(bytes);
  const fw = frameworkFor(db, year);
  const rules = rulesFor(db);
  const codes = [...new Set([...goals, ...indicators].map((r) => r.values.code.trim()))];
  const projects = new Map(projectsWithFunds(db, year, { codes: codes.filter((c) => c !== '') }).map((p) => [p.code, p]));
  return codes.map((code) => {
    const goalRows = goals.filter((r) => r.values.code.trim() === code);
    const indicatorRows = indicators.filter((r) => r.values.code.trim() === code);
    return planProject(db, year, code, projects.get(code), goalRows, indicatorRows, fw, rules);
  });
}

function planProject(
  db: Db,
  year: number,
  code: string,
  project: Project | undefined,
  goalRows: SheetRow<GoalKey>[],
  indicatorRows: SheetRow<IndicatorKey>[],
  fw: Framework,
  rules: ReturnType<typeof rulesFor>,
): ProjectPlan {
  const problems: RowProblem[] = [];
  const goalProblem = (rowNumber: number, key: GoalKey, message: string) => problems.push({ sheet: GOALS_SHEET, rowNumber, column: header(GOAL_COLUMNS, key), message });
  const indicatorProblem = (rowNumber: number, key: IndicatorKey, message: string) =>
    problems.push({ sheet: INDICATORS_SHEET, rowNumber, column: header(INDICATOR_COLUMNS, key), message });

  const [goalRow, ...extraGoalRows] = goalRows;
  for (const extra of extraGoalRows) goalProblem(extra.rowNumber, 'code', `项目编码 ${code} 在“${GOALS_SHEET}”表中重复，与第 ${goalRow!.rowNumber} 行重复`);

  const target = project ? projectTarget(db, project.id) : undefined;
  const mandatory = target?.mandatory ?? [];
  const knownCodes = target ? knownLibraryCodes(db, target.project, target, mandatory) : new Set<string>();
  /** The row's library indicator: a known 指标库编码, else the 固化指标 of its name; a row renaming one is refused. */
  const libraryCodeOf = (rowNumber: number, values: Record<IndicatorKey, string>): string | null => {
    const code = values.libraryCode.trim();
    const row = { libraryCode: knownCodes.has(code) ? code : null, name: values.indicator };
    const held = recognisedMandatory(row, mandatory);
    if (held && renamesMandatory(row, held)) indicatorProblem(rowNumber, 'indicator', mandatoryRenameProblem(held));
    return held?.libraryCode ?? row.libraryCode;
  };
  const badOperatorRows = new Set<number>();
  const fileContent: TargetContent = normaliseContent({
    overallGoal: goalRow?.values.overallGoal ?? '',
    annualGoals: splitGoals(goalRow?.values.annualGoals ?? ''),
    indicators: indicatorRows.map(({ rowNumber, values }, index) => {
      const operator = parseOperator(values.operator);
      if (operator === null && values.operator.trim() !== '') {
        indicatorProblem(rowNumber, 'operator', `“${values.operator}”不是有效的指标性质，应为 ${OPERATORS.join('、')}`);
        badOperatorRows.add(index);
      }
      const accrual = values.accrual.trim() === '' ? defaultAccrual({ unit: values.unit, level2: values.level2 }) : parseAccrual(values.accrual);
      if (!accrual) indicatorProblem(rowNumber, 'accrual', `“${values.accrual}”不是有效的累计方式，应为“累计型”或“状态型”，也可留空按计量单位判断`);
      return {
        level1: values.level1,
        level2: values.level2,
        name: values.indicator,
        operator: operator ?? '',
        value: values.value,
        unit: values.unit,
        definition: values.definition,
        basis: values.basis.trim() || '计划标准',
        weight: values.weight,
        accrual: accrual ?? 'cumulative',
        libraryCode: libraryCodeOf(rowNumber, values),
      };
    }),
  });

  const anchor = goalRow?.rowNumber ?? indicatorRows[0]!.rowNumber;
  const anchorSheet = goalRow ? GOALS_SHEET : INDICATORS_SHEET;
  const anchorProblem = (message: string) => problems.push({ sheet: anchorSheet, rowNumber: anchor, column: '项目编码', message });

  if (code === '') anchorProblem('请填写项目编码');
  else if (!project) anchorProblem(`项目编码 ${code} 不是 ${year} 年登记的项目，请先在“单位与项目”中登记或导入`);
  else if (!editable(target!.status)) anchorProblem(`该项目的绩效目标${WORKFLOW_LABELS[target!.status]}，不能通过模板修改`);
  else if (!goalRow) anchorProblem(`“${GOALS_SHEET}”表中没有项目 ${code} 的总体目标行`);
  else {
    // The rows as the file has them: each problem is on a row the user can fix in the file.
    const found = checkProjectTargets({ ...fileContent, keyProject: project.keyProject, funds: project.funds }, fw, rules);
    for (const problem of found) placeProblem(problem, goalRow.rowNumber, indicatorRows, badOperatorRows, goalProblem, indicatorProblem, anchorProblem);
  }

  const completed = completedWithMandatory(fileContent.indicators, mandatory, target?.indicators);
  const content: TargetContent = { ...fileContent, indicators: completed.indicators };
  const action: ImportAction = problems.length ? 'error' : !target?.id ? 'create' : sameContent(target, content) ? 'unchanged' : 'update';
  const written = action === 'create' || action === 'update';
  return {
    code,
    name: project?.name ?? goalRow?.values.name ?? indicatorRows[0]?.values.name ?? '',
    indicatorCount: indicatorRows.length,
    action,
    addedMandatory: written ? completed.added.map((m) => m.row.name) : [],
    project,
    content,
    problems,
  };
}

/** Puts a §4 problem where the user will look: on its indicator row and column, else on the goal row. */
function placeProblem(
  problem: TargetProblem,
  goalRowNumber: number,
  indicatorRows: SheetRow<IndicatorKey>[],
  badOperatorRows: ReadonlySet<number>,
  goalProblem: (rowNumber: number, key: GoalKey, message: string) => void,
  indicatorProblem: (rowNumber: number, key: IndicatorKey, message: string) => void,
  anchorProblem: (message: string) => void,
): void {
  if (problem.area === 'indicators' && problem.row !== undefined) {
    if (problem.field === 'operator' && badOperatorRows.has(problem.row)) return; // already named as typed
    indicatorProblem(indicatorRows[problem.row]!.rowNumber, INDICATOR_FIELD_COLUMN[problem.field ?? 'name'] ?? 'indicator', problem.message);
  } else if (problem.area === 'overallGoal') goalProblem(goalRowNumber, 'overallGoal', problem.message);
  else if (problem.area === 'annualGoals') goalProblem(goalRowNumber, 'annualGoals', problem.message);
  else if (problem.area === 'funds') anchorProblem(`项目资金：${problem.message}（请在“单位与项目”中修改）`);
  else goalProblem(goalRowNumber, 'code', `绩效指标：${problem.message}`);
}

function preview(fileName: string, year: number, plans: ProjectPlan[]): TargetImportPreview {
  const rows = plans.map(({ code, name, indicatorCount, action, addedMandatory }) => ({ code, name, indicatorCount, action, addedMandatory }));
  // The goals sheet first, then the indicators sheet, as the user will walk them.
  return { ...summarise(fileName, rows, plans.flatMap((p) => p.problems), [GOALS_SHEET, INDICATORS_SHEET]), year };
}

export function previewTargetImport(db: Db, year: number, fileName: string, bytes: Uint8Array): TargetImportPreview {
  requireInstallation(db);
  return preview(fileName, year, planImport(db, year, bytes));
}

/**
 * Writes the targets of every fully valid project in one transaction, as drafts for the unit to submit.
 * A unit's file holds tens of rows, so the ordinary target writer is fast enough here.
 */
export function commitTargetImport(db: Db, actor: Actor, year: number, fileName: string, bytes: Uint8Array): TargetImportResult {
  const { region } = requireInstallation(db);
  const plans = planImport(db, year, bytes);
  const toWrite = plans.filter((p) => p.action === 'create' || p.action === 'update');
  db.transaction((tx) => {
    for (const plan of toWrite) {
      const project = plan.project!;
      const identity = { regionCode: region.code, year, kind: 'project' as const, ownerCode: project.code, projectId: project.id };
      writeTarget(tx, projectTargetRow(tx, project.id), identity, plan.content);
      recordAudit(tx, actor, { entity: 'target', naturalKey: targetKey(identity), action: 'Excel 导入绩效目标', after: { fileName, ...plan.content } });
    }
  });
  return { ...preview(fileName, year, plans), written: toWrite.length };
}
