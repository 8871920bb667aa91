// The target editors' model, apart from the components so it can be tested without a browser: rows
// carry a local key (so a row keeps its "touched" state when others are removed), money is typed in 万元,
// and the domain's problems are looked up by area, row and field to show them where they belong.
import { parseWanYuan, wanYuanText, type Fen } from '../../../../electron/domain/money';
import type { DepartmentBudget, DepartmentTask, TargetArea, TargetContent, TargetIndicator, TargetProblem } from '../../../../electron/domain/targets';

export interface EditorIndicator extends TargetIndicator {
  key: string;
}

let lastKey = 0;
export const newKey = (): string => `row-${++lastKey}`;

export const withKeys = (indicators: readonly TargetIndicator[]): EditorIndicator[] => indicators.map((i) => ({ ...i, key: newKey() }));

export const withoutKeys = (indicators: readonly EditorIndicator[]): TargetIndicator[] => indicators.map(({ key: _key, ...i }) => i);

export interface ContentState {
  overallGoal: string;
  annualGoals: string[];
  indicators: EditorIndicator[];
}

export const contentState = (content: TargetContent): ContentState => ({
  overallGoal: content.overallGoal,
  annualGoals: [...content.annualGoals],
  indicators: withKeys(content.indicators),
});

/** A state kept from an earlier session (a restored draft) with keys of this one, so no two rows share a key. */
export const withFreshKeys = (state: ContentState): ContentState => ({ ...state, indicators: withKeys(state.indicators) });

export const contentOf = (state: ContentState): TargetContent => ({
  overallGoal: state.overallGoal,
  annualGoals: state.annualGoals,
  indicators: withoutKeys(state.indicators),
});

/** The first message per field of one row (or of the area itself when `row` is undefined). */
export function fieldProblems(problems: readonly TargetProblem[], area: TargetArea, row?: number): Record<string, string> {
  const found: Record<string, string> = {};
  for (const p of problems) {
    if (p.area !== area || p.row !== row) continue;
    const field = p.field ?? '';
    found[field] ??= p.message;
  }
  return found;
}

/** Problems of a whole area, not of one row or field, e.g. 至少需要一个效益指标 or the weight total. */
export const areaMessages = (problems: readonly TargetProblem[], areas: readonly TargetArea[]): string[] =>
  problems.filter((p) => areas.includes(p.area) && p.row === undefined && p.field === undefined).map((p) => p.message);

/** Library suggestions not already on the form (by library code, or by level-3 name for typed rows). */
export function newSuggestions(current: readonly TargetIndicator[], suggestions: readonly TargetIndicator[]): TargetIndicator[] {
  const codes = new Set(current.map((i) => i.libraryCode).filter(Boolean));
  const names = new Set(current.map((i) => i.name.trim()));
  return suggestions.filter((s) => !codes.has(s.libraryCode) && !names.has(s.name.trim()));
}

export interface MoneyField {
  text: string;
  fen: Fen;
  error?: string;
}

/** Typed 万元 as 分; empty counts as 0, a malformed amount as 0 with its message. */
export function moneyField(text: string): MoneyField {
  if (text.trim() === '') return { text, fen: 0 };
  const parsed = parseWanYuan(text);
  return parsed.ok ? { text, fen: parsed.fen } : { text, fen: 0, error: parsed.message };
}

export type BudgetTexts = Record<keyof DepartmentBudget, string>;

export const budgetTexts = (budget: DepartmentBudget): BudgetTexts => ({
  basicFen: wanYuanText(budget.basicFen),
  projectFen: wanYuanText(budget.projectFen),
  fiscalFen: wanYuanText(budget.fiscalFen),
  otherFen: wanYuanText(budget.otherFen),
});

/** A row of 年度主要任务 as typed: its 预算金额 is 财政拨款 + 其他资金 (88号 annex 2). */
export interface TaskState {
  key: string;
  function: string;
  task: string;
  content: string;
  projectCodes: string[];
  fiscal: string;
  other: string;
}

/** A task whose split was never entered starts with all of its amount as 财政拨款. */
export const taskStates = (tasks: readonly DepartmentTask[]): TaskState[] =>
  tasks.map((t) => ({
    key: newKey(),
    function: t.function,
    task: t.task,
    content: t.content ?? '',
    projectCodes: [...t.projectCodes],
    fiscal: wanYuanText(t.fiscalFen ?? (t.otherFen == null ? t.amountFen : 0)),
    other: t.otherFen ? wanYuanText(t.otherFen) : '',
  }));

export const tasksOf = (tasks: readonly TaskState[]): DepartmentTask[] =>
  tasks.map((t) => {
    const fiscalFen = moneyField(t.fiscal).fen;
    const otherFen = moneyField(t.other).fen;
    return { function: t.function, task: t.task, content: t.content, projectCodes: t.projectCodes, amountFen: fiscalFen + otherFen, fiscalFen, otherFen };
  });

export function budgetOf(texts: BudgetTexts): DepartmentBudget {
  return {
    basicFen: moneyField(texts.basicFen).fen,
    projectFen: moneyField(texts.projectFen).fen,
    fiscalFen: moneyField(texts.fiscalFen).fen,
    otherFen: moneyField(texts.otherFen).fen,
  };
}
