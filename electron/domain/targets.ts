// 绩效目标, domain.md §4: the checks a reviewer would otherwise do by hand on a project's 申报表 and a
// unit's 部门整体支出绩效目标表, and what each review grade (优/良/中/差) means. The form runs these while
// the user types; the service runs them again before a target can be submitted or imported.
import { BASES, checkIndicator, level1Kind, type Accrual, type Framework, type IndicatorField, type IndicatorRow, type Level1Kind } from './indicators';
import { formatWanYuan, wanYuanText, type Fen } from './money';
import { checkFunds, type FundRow } from './projects';
import { add, compare, parseDecimal, plainDecimal, ratio, type Ratio } from './ratio';
import type { WorkflowAction } from './workflow';

/** One level-3 indicator row of a target form. */
export interface TargetIndicator extends IndicatorRow {
  definition: string;
  basis: string;
  /** 累计型 or 状态型: how monitoring reads the value reached (defaultAccrual until someone chooses). */
  accrual: Accrual;
  /** The library indicator it was taken from, if any. */
  libraryCode: string | null;
  /** 评（扣）分标准 (财预〔2021〕101号 template); rows written before it existed have none. */
  scoringStandard?: string;
}

/** What a target says, whichever kind: goals and indicator rows. An adjustment proposes a new one of these. */
export interface TargetContent {
  overallGoal: string;
  annualGoals: string[];
  indicators: TargetIndicator[];
}

export interface ProjectTargetForm extends TargetContent {
  keyProject: boolean;
  funds: readonly FundRow[];
}

/**
 * 部门整体支出: a row of the 年度主要任务 table linking function → task (任务名称) → projects → 预算金额. The
 * 88号 annex 2 adds 主要内容 and the amount split 财政拨款 / 其他资金 (null where it was never entered).
 */
export interface DepartmentTask {
  function: string;
  task: string;
  content?: string;
  projectCodes: string[];
  /** 预算金额 总额 */
  amountFen: Fen;
  fiscalFen?: Fen | null;
  otherFen?: Fen | null;
}

export interface DepartmentBudget {
  basicFen: Fen;
  projectFen: Fen;
  fiscalFen: Fen;
  otherFen: Fen;
}

export interface DepartmentTargetForm extends TargetContent, DepartmentBudget {
  /** 职能概述 */
  functions: string;
  tasks: DepartmentTask[];
}

export interface TargetRules {
  /** The budget-execution weight (setting evaluation.weightBudget, default 10). */
  budgetWeight: number;
}

export type TargetArea =
  | 'overallGoal'
  | 'annualGoals'
  | 'funds'
  | 'budget'
  | 'functions'
  | 'tasks'
  | 'indicators'
  | 'weights'
  // 88号 annex 1 (targetAnnex.ts)
  | 'midtermGoal'
  | 'midtermIndicators'
  | 'midtermFunds'
  | 'annualFunds'
  | 'projectBasis'
  | 'schedule'
  | 'contact';

export interface TargetProblem {
  area: TargetArea;
  /** The row within the area (indicator, fund, task or annual goal index), when the problem is one row's. */
  row?: number;
  field?: string;
  message: string;
}

export const emptyIndicator = (level1 = '', level2 = ''): TargetIndicator => ({
  level1,
  level2,
  name: '',
  operator: '',
  value: '',
  unit: '',
  definition: '',
  basis: '计划标准',
  weight: '',
  accrual: 'cumulative',
  libraryCode: null,
  scoringStandard: '',
});

const MAX_GOAL = 1000;

function checkGoals(content: TargetContent): TargetProblem[] {
  const problems: TargetProblem[] = [];
  const overall = content.overallGoal.trim();
  if (overall === '') problems.push({ area: 'overallGoal', message: '请填写总体目标' });
  else if (overall.length > MAX_GOAL) problems.push({ area: 'overallGoal', message: `总体目标不能超过 ${MAX_GOAL} 个字` });
  content.annualGoals.forEach((goal, row) => {
    if (goal.trim() === '') problems.push({ area: 'annualGoals', row, message: `第 ${row + 1} 项年度目标为空，请填写或删除` });
    else if (goal.trim().length > MAX_GOAL) problems.push({ area: 'annualGoals', row, message: `年度目标不能超过 ${MAX_GOAL} 个字` });
  });
  return problems;
}

/** Each indicator row on its own: its fields, its basis, the length of its definition. */
export function checkRows(indicators: readonly TargetIndicator[], fw: Framework): TargetProblem[] {
  const problems: TargetProblem[] = [];
  indicators.forEach((indicator, row) => {
    for (const [field, message] of Object.entries(checkIndicator(indicator, fw))) {
      problems.push({ area: 'indicators', row, field: field as IndicatorField, message });
    }
    if (!(BASES as readonly string[]).includes(indicator.basis)) {
      problems.push({ area: 'indicators', row, field: 'basis', message: `设定依据应为：${BASES.join('、')}` });
    }
    if (indicator.definition.trim().length > 500) {
      problems.push({ area: 'indicators', row, field: 'definition', message: '指标解释不能超过 500 个字' });
    }
    if ((indicator.scoringStandard ?? '').trim().length > 500) {
      problems.push({ area: 'indicators', row, field: 'scoringStandard', message: '评（扣）分标准不能超过 500 个字' });
    }
  });
  return problems;
}

const KIND_LABELS: Record<Level1Kind, string> = { cost: '成本', output: '产出', benefit: '效益', satisfaction: '满意度' };

/** ≥1 output and ≥1 benefit indicator; key projects also ≥1 satisfaction indicator. */
function checkCoverage(indicators: readonly TargetIndicator[], fw: Framework, keyProject: boolean): TargetProblem[] {
  const kinds = new Set(indicators.map((i) => level1Kind(fw, i.level1)));
  const required: Level1Kind[] = ['output', 'benefit', ...(keyProject ? (['satisfaction'] as const) : [])];
  return required
    .filter((kind) => !kinds.has(kind))
    .map((kind) => ({
      area: 'indicators' as const,
      message:
        kind === 'satisfaction'
          ? '重点项目至少需要一个满意度指标'
          : `至少需要一个${KIND_LABELS[kind]}指标（一级指标为“${fw.level1.find((l) => l.kind === kind)?.name}”）`,
    }));
}

/**
 * Weighted (分值) forms: every row weighted, and indicator weights + the budget-execution weight = 100.
 * Each fault is reported once where it is: a bad value only at its cell (checkRows), rows left without a
 * weight in one message naming them, a wrong total in one message at the total — never the same message
 * on every row, so the count of problems is the count of things to fix.
 */
function checkWeights(indicators: readonly TargetIndicator[], rules: TargetRules): TargetProblem[] {
  const weighted = indicators.filter((i) => i.weight.trim() !== '');
  if (weighted.length === 0) return [];
  const weights = weighted.map((i) => parseDecimal(i.weight));
  if (weights.some((w) => w === null || w.num < 0n)) return []; // the row check names the bad value
  const unweighted = indicators.flatMap((indicator, row) => (indicator.weight.trim() === '' ? [row + 1] : []));
  if (unweighted.length > 0) {
    return [{ area: 'weights', message: `第 ${unweighted.join('、')} 个指标还没有分值：已有指标填写了分值，请为每个指标填写分值，或全部留空` }];
  }
  const indicatorTotal = (weights as Ratio[]).reduce(add, ratio(0));
  const total = add(indicatorTotal, ratio(rules.budgetWeight));
  if (compare(total, ratio(100)) === 0) return [];
  return [{ area: 'weights', message: `指标分值合计 ${plainDecimal(indicatorTotal)} 分，加预算执行 ${rules.budgetWeight} 分共 ${plainDecimal(total)} 分，应为 100 分` }];
}

function checkIndicatorRows(content: TargetContent, fw: Framework, rules: TargetRules, keyProject: boolean): TargetProblem[] {
  return [...checkRows(content.indicators, fw), ...checkCoverage(content.indicators, fw, keyProject), ...checkWeights(content.indicators, rules)];
}

/** Every §4 rule for a project's 申报表; an empty list means it may be submitted. */
export function checkProjectTargets(form: ProjectTargetForm, fw: Framework, rules: TargetRules): TargetProblem[] {
  const funds: TargetProblem[] = form.funds.length
    ? checkFunds(form.funds).map((p) => ({ area: 'funds', ...p }))
    : [{ area: 'funds', message: '项目还没有资金来源和金额，请在项目信息中填写' }];
  return [...funds, ...checkGoals(form), ...checkIndicatorRows(form, fw, rules, form.keyProject)];
}

/** A proposed 目标调整 must still be a complete, valid target (funds are the project's, unchanged here). */
export function checkAdjustedContent(content: TargetContent, fw: Framework, rules: TargetRules, keyProject: boolean): TargetProblem[] {
  return [...checkGoals(content), ...checkIndicatorRows(content, fw, rules, keyProject)];
}

function checkBudget(form: DepartmentBudget): TargetProblem[] {
  const problems: TargetProblem[] = [];
  const labels: [keyof DepartmentBudget, string][] = [
    ['basicFen', '基本支出'],
    ['projectFen', '项目支出'],
    ['fiscalFen', '财政拨款'],
    ['otherFen', '其他资金'],
  ];
  for (const [field, label] of labels) {
    if (!Number.isSafeInteger(form[field]) || form[field] < 0) problems.push({ area: 'budget', field, message: `${label}不能为负数` });
  }
  const byUse = form.basicFen + form.projectFen;
  const bySource = form.fiscalFen + form.otherFen;
  if (problems.length === 0 && byUse !== bySource) {
    problems.push({
      area: 'budget',
      field: 'otherFen',
      message: `按支出用途合计 ${formatWanYuan(byUse)} 万元（基本支出 + 项目支出），按资金来源合计 ${formatWanYuan(bySource)} 万元（财政拨款 + 其他资金），两者应相等`,
    });
  }
  return problems;
}

/** A task's 财政拨款 / 其他资金, when entered, add up to its 预算金额. */
function taskSplitProblem(task: DepartmentTask): string | null {
  if (task.fiscalFen == null && task.otherFen == null) return null;
  const fiscal = task.fiscalFen ?? 0;
  const other = task.otherFen ?? 0;
  if (![fiscal, other].every((f) => Number.isSafeInteger(f) && f >= 0)) return '财政拨款和其他资金不能为负数';
  if (fiscal + other === task.amountFen) return null;
  return `财政拨款 ${formatWanYuan(fiscal)} 万元 + 其他资金 ${formatWanYuan(other)} 万元，与预算金额 ${formatWanYuan(task.amountFen)} 万元不一致`;
}

/**
 * The 年度主要任务 table (88号 annex 2): function, 任务名称 and amount on every row, only the unit's own
 * project codes, each row's split adding up to its amount, and task amounts that add up to the unit's
 * whole budget — 基本支出 + 项目支出, since the basic spending is a task of the department too.
 */
function checkTasks(form: DepartmentTargetForm, knownProjectCodes: ReadonlySet<string>): TargetProblem[] {
  const problems: TargetProblem[] = [];
  if (form.tasks.length === 0) return [{ area: 'tasks', message: '请至少填写一项年度主要任务' }];
  form.tasks.forEach((task, row) => {
    if (task.function.trim() === '') problems.push({ area: 'tasks', row, field: 'function', message: '请填写该任务对应的部门职能' });
    if (task.task.trim() === '') problems.push({ area: 'tasks', row, field: 'task', message: '请填写任务名称' });
    if ((task.content ?? '').trim().length > 500) problems.push({ area: 'tasks', row, field: 'content', message: '主要内容不能超过 500 个字' });
    if (!Number.isSafeInteger(task.amountFen) || task.amountFen < 0) {
      problems.push({ area: 'tasks', row, field: 'amountFen', message: '任务金额不能为负数' });
    }
    const split = taskSplitProblem(task);
    if (split) problems.push({ area: 'tasks', row, field: 'fiscalFen', message: split });
    const unknown = task.projectCodes.filter((code) => !knownProjectCodes.has(code));
    if (unknown.length) {
      problems.push({ area: 'tasks', row, field: 'projectCodes', message: `项目编码 ${unknown.join('、')} 不是本单位本年度的项目` });
    }
  });
  const total = form.tasks.reduce((sum, t) => sum + (Number.isSafeInteger(t.amountFen) ? t.amountFen : 0), 0);
  const budget = form.basicFen + form.projectFen;
  // A negative budget figure is the budget's own problem; a total against it would say nothing more.
  if (form.basicFen >= 0 && form.projectFen >= 0 && total !== budget) {
    problems.push({
      area: 'tasks',
      message: `年度主要任务预算金额合计 ${formatWanYuan(total)} 万元，应等于部门预算总额 ${formatWanYuan(budget)} 万元（基本支出 ${formatWanYuan(form.basicFen)} + 项目支出 ${formatWanYuan(form.projectFen)}）`,
    });
  }
  return problems;
}

/** The projects a unit implements in the year, as its 项目支出 counts them: how many, and their adjusted budgets' sum. */
export interface UnitProjectSpending {
  count: number;
  adjustedFen: Fen;
}

/**
 * 项目支出 of a unit's department-wide target (88号 annex 2) counts the projects the unit implements (its
 * 实施单位 is the unit) that year, each at its adjusted budget (调整后预算, all fund sources, as annex 1's
 * 年度资金总额): what its 部门整体自评 and 部门整体监控 measure 项目支出 against. A department's subordinate
 * units' projects belong to their own department-wide targets, or the county would count them twice.
 */
export function unitProjectSpending(projects: readonly { unitCode: string; adjustedFen: Fen }[], unitCode: string): UnitProjectSpending {
  const own = projects.filter((p) => p.unitCode === unitCode);
  return { count: own.length, adjustedFen: own.reduce((sum, p) => sum + p.adjustedFen, 0) };
}

/** 万元 as the forms print it (4 decimals), or to the 分 when 4 decimals would hide a difference of a few 分. */
const exactWan = (fen: Fen) => (fen % 100 === 0 ? formatWanYuan(fen) : wanYuanText(fen));

/** 项目支出 that is not the sum of the unit's projects' budgets, naming both sums in 万元 and what to do. */
export function projectSpendingProblem(projectFen: Fen, unitProjects: UnitProjectSpending): string | null {
  if (!Number.isSafeInteger(projectFen) || projectFen < 0 || projectFen === unitProjects.adjustedFen) return null;
  const sum = exactWan(unitProjects.adjustedFen);
  const projects = unitProjects.count === 0 ? `本单位本年度没有登记实施的项目，项目预算合计 ${sum} 万元` : `本单位实施的 ${unitProjects.count} 个项目调整后预算合计 ${sum} 万元`;
  const difference = exactWan(Math.abs(projectFen - unitProjects.adjustedFen));
  return `项目支出 ${exactWan(projectFen)} 万元，${projects}，相差 ${difference} 万元：请把项目支出改为 ${sum} 万元，或在“单位与项目”中核对本单位的项目及其资金`;
}

/** What the 部门整体 checks read beside the form: the unit's project codes the tasks may link, and the projects it implements. */
export interface DepartmentContext {
  linkableProjectCodes: ReadonlySet<string>;
  unitProjects: UnitProjectSpending;
}

/** Every §4 rule for a unit's 部门整体支出绩效目标表. */
export function checkDepartmentTargets(form: DepartmentTargetForm, fw: Framework, rules: TargetRules, context: DepartmentContext): TargetProblem[] {
  const functions: TargetProblem[] = form.functions.trim() === '' ? [{ area: 'functions', message: '请填写职能概述' }] : [];
  const projectSpending = projectSpendingProblem(form.projectFen, context.unitProjects);
  return [
    ...checkBudget(form),
    ...(projectSpending ? [{ area: 'budget' as const, field: 'projectFen', message: projectSpending }] : []),
    ...functions,
    ...checkGoals(form),
    ...checkTasks(form, context.linkableProjectCodes),
    ...checkIndicatorRows(form, fw, rules, false),
  ];
}

const FIELD_LABELS: Record<string, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  operator: '指标性质',
  value: '指标值',
  unit: '计量单位',
  definition: '指标解释',
  basis: '设定依据',
  weight: '分值',
  scoringStandard: '评（扣）分标准',
  source: '资金来源',
  initialFen: '年初预算',
  additionFen: '追加',
  cutFen: '调减',
  function: '部门职能',
  task: '任务名称',
  content: '主要内容',
  fiscalFen: '财政拨款',
  period: '时间段',
  work: '工作内容',
  contactPhone: '联系电话',
  contactPerson: '联系人',
  projectCodes: '关联项目',
  amountFen: '金额',
};

const AREA_ROW_LABELS: Partial<Record<TargetArea, string>> = {
  indicators: '指标',
  funds: '资金来源',
  tasks: '任务',
  annualGoals: '年度目标',
  midtermIndicators: '中期指标',
  schedule: '进度计划',
};

/** A problem as one sentence, naming its row and field, for a service refusal or a list of problems. */
export function describeProblem(problem: TargetProblem): string {
  const rowLabel = AREA_ROW_LABELS[problem.area];
  const where = problem.row !== undefined && rowLabel ? `第 ${problem.row + 1} 个${rowLabel}` : '';
  const field = problem.field && FIELD_LABELS[problem.field] && problem.area !== 'budget' ? `“${FIELD_LABELS[problem.field]}”` : '';
  return where || field ? `${where}${field}：${problem.message}` : problem.message;
}

/** The refusal text for a form that still has problems: the first few, and how many more. */
export function summariseProblems(problems: readonly TargetProblem[], limit = 5): string {
  const shown = problems.slice(0, limit).map(describeProblem).join('；');
  const more = problems.length > limit ? `；另有 ${problems.length - limit} 处问题` : '';
  return `${shown}${more}`;
}

export const REVIEW_GRADES = ['优', '良', '中', '差'] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];

export interface ReviewOutcome {
  action: Extract<WorkflowAction, 'approve' | 'return'>;
  /** Whether the target goes into the budget (三同步). */
  entersBudget: boolean;
  opinionRequired: boolean;
  consequence: string;
}

/** 目标审核 grades [NAT 88号]: what each one does to the target. */
export const REVIEW_OUTCOMES: Record<ReviewGrade, ReviewOutcome> = {
  优: { action: 'approve', entersBudget: true, opinionRequired: false, consequence: '审核通过，纳入预算' },
  良: { action: 'approve', entersBudget: true, opinionRequired: true, consequence: '与单位商定修改意见后通过，纳入预算' },
  中: { action: 'return', entersBudget: false, opinionRequired: true, consequence: '退回单位修改后重新送审' },
  差: { action: 'return', entersBudget: false, opinionRequired: true, consequence: '退回，不得纳入预算' },
};

/** Why a review decision cannot be recorded as given, or null when it can. */
export function checkReview(action: WorkflowAction, grade: ReviewGrade | null | undefined, opinion: string | null | undefined): string | null {
  if (action !== 'approve' && action !== 'return') return null;
  if (!grade) return '请选择审核等级（优、良、中、差）';
  const outcome = REVIEW_OUTCOMES[grade];
  if (outcome.action !== action) {
    return action === 'approve' ? `审核等级为“${grade}”的目标不能通过，应退回单位（${outcome.consequence}）` : `审核等级为“${grade}”的目标应审核通过，不能退回`;
  }
  if (outcome.opinionRequired && !opinion?.trim()) {
    return grade === '良' ? '审核等级为“良”时，请在审核意见中写明与单位商定的修改内容' : '退回时必须填写审核意见';
  }
  return null;
}

/** 年度总体目标 as approved: the annual goals (a JSON array of texts), or the overall goal when the target has none. */
export function expectedGoal(target: { annualGoals: string; overallGoal: string }): string {
  const annual = (JSON.parse(target.annualGoals) as string[]).filter((g) => g.trim() !== '');
  return annual.length > 0 ? annual.join('\n') : target.overallGoal;
}
