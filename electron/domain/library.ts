// 指标库 rules (domain.md §3): the statuses of a library indicator and who may move it where (units
// propose, the performance office confirms or returns, retired indicators leave the suggestions), the
// code formats, and the check of one library indicator against the dictionary.
import { ACCRUALS, BASES, checkIndicator, displayTarget, FRAMEWORKS, type Accrual, type Framework, type IndicatorOperator } from './indicators';
import type { FieldErrors } from './validation';

export const LIBRARY_STATUSES = ['draft', 'proposed', 'accepted', 'retired'] as const;
export type LibraryStatus = (typeof LIBRARY_STATUSES)[number];
export const LIBRARY_STATUS_LABELS: Record<LibraryStatus, string> = {
  draft: '草稿',
  proposed: '待确认',
  accepted: '已入库',
  retired: '停用',
};

/** Reads a status as staff type it in Excel (the Chinese label, or the stored name). */
export function parseLibraryStatus(text: string): LibraryStatus | undefined {
  const t = text.trim();
  return LIBRARY_STATUSES.find((s) => s === t || LIBRARY_STATUS_LABELS[s] === t);
}

export const LIBRARY_ACTIONS = ['propose', 'confirm', 'reject', 'retire', 'restore'] as const;
export type LibraryAction = (typeof LIBRARY_ACTIONS)[number];
export const LIBRARY_ACTION_LABELS: Record<LibraryAction, string> = {
  propose: '提交入库申请',
  confirm: '确认入库',
  reject: '退回',
  retire: '停用',
  restore: '恢复为草稿',
};

const MOVES: Record<LibraryAction, { from: readonly LibraryStatus[]; to: LibraryStatus }> = {
  propose: { from: ['draft'], to: 'proposed' },
  confirm: { from: ['proposed'], to: 'accepted' },
  reject: { from: ['proposed'], to: 'draft' },
  retire: { from: ['draft', 'accepted'], to: 'retired' },
  restore: { from: ['retired'], to: 'draft' },
};

export type LibraryTransition = { ok: true; next: LibraryStatus } | { ok: false; message: string };

/** The status after `action`, or why it is not allowed now. A return needs the office's opinion. */
export function libraryTransition(status: LibraryStatus, action: LibraryAction, opinion?: string | null): LibraryTransition {
  const move = MOVES[action];
  if (!move.from.includes(status)) {
    return { ok: false, message: `该指标当前为“${LIBRARY_STATUS_LABELS[status]}”，不能${LIBRARY_ACTION_LABELS[action]}` };
  }
  if (action === 'reject' && !opinion?.trim()) return { ok: false, message: '退回时必须填写退回意见，说明需要修改什么' };
  return { ok: true, next: move.to };
}

/** The actions offered on an indicator in this status (the page shows these buttons). */
export const libraryActions = (status: LibraryStatus): LibraryAction[] =>
  LIBRARY_ACTIONS.filter((action) => MOVES[action].from.includes(status));

/**
 * Whether an action changes what the library publishes (its accepted indicators), and so opens a new
 * library version: accepting an indicator, or retiring one that was accepted.
 */
export const changesPublishedLibrary = (action: LibraryAction, from: LibraryStatus): boolean =>
  action === 'confirm' || (action === 'retire' && from === 'accepted');

/**
 * Why an indicator in this status cannot be edited, or null when it can. Editing an accepted indicator
 * takes it out of the library as a draft: the change must be proposed and confirmed again.
 */
export function editRefusal(status: LibraryStatus): string | null {
  if (status === 'proposed') return '该指标正在等待确认，不能修改；如需修改，请绩效办先退回';
  if (status === 'retired') return '该指标已停用，请先“恢复为草稿”再修改';
  return null;
}

/** 行业/领域 of a project type, in the order the library page lists them. */
export const SECTORS = ['教育', '卫生健康', '交通运输', '农业农村', '水利', '乡村振兴', '社会保障', '行政运行', '生态环境', '城乡建设', '其他'] as const;

/** A project type code: 2–12 capital letters or digits, e.g. JY01 (教育) or JT02 (交通). */
export const PROJECT_TYPE_CODE = /^[A-Z0-9]{2,12}$/;
/**
 * An indicator code: the project type code, then a serial (JY01-001). Indicators created by a county or a
 * prefecture carry its region code in between (JY01-652822-001), so that codes never collide when
 * libraries travel between them.
 */
export const INDICATOR_CODE = /^[A-Z0-9]{2,12}-(?:\d{6}-)?\d{3,5}$/;

/** The next free code for a new indicator of a type, after the highest serial already used with the same prefix. */
export function nextIndicatorCode(projectTypeCode: string, regionCode: string | null, existing: Iterable<string>): string {
  const prefix = regionCode ? `${projectTypeCode}-${regionCode}-` : `${projectTypeCode}-`;
  let highest = 0;
  for (const code of existing) {
    if (!code.startsWith(prefix)) continue;
    const serial = code.slice(prefix.length);
    if (/^\d+$/.test(serial)) highest = Math.max(highest, Number(serial));
  }
  return `${prefix}${String(highest + 1).padStart(3, '0')}`;
}

export interface ProjectTypeDraft {
  code: string;
  name: string;
  sector: string;
  description: string;
}

export type ProjectTypeProblems = FieldErrors<ProjectTypeDraft>;

export function checkProjectType(draft: ProjectTypeDraft): ProjectTypeProblems {
  const problems: ProjectTypeProblems = {};
  const code = draft.code.trim();
  if (code === '') problems.code = '请填写项目类型编码';
  else if (!PROJECT_TYPE_CODE.test(code)) problems.code = '项目类型编码应为 2–12 位大写字母或数字，如 JY01';
  const name = draft.name.trim();
  if (name === '') problems.name = '请填写项目类型名称';
  else if (name.length > 40) problems.name = '项目类型名称不能超过 40 个字';
  if (draft.sector === '') problems.sector = '请选择所属领域';
  else if (!(SECTORS as readonly string[]).includes(draft.sector)) problems.sector = `所属领域应为：${SECTORS.join('、')}`;
  if (draft.description.trim().length > 200) problems.description = '说明不能超过 200 个字';
  return problems;
}

/** What a person writes for a library indicator; the code and status are given by the library. */
export interface LibraryIndicatorDraft {
  projectTypeCode: string;
  level1: string;
  level2: string;
  name: string;
  operator: IndicatorOperator | '';
  referenceValue: string;
  unit: string;
  definition: string;
  basis: string;
  /** 累计型 or 状态型, carried into the targets that take this indicator. */
  accrual: Accrual;
}

export type LibraryIndicatorField = keyof LibraryIndicatorDraft;

const CONTENT_FIELDS: readonly LibraryIndicatorField[] = ['projectTypeCode', 'level1', 'level2', 'name', 'operator', 'referenceValue', 'unit', 'definition', 'basis', 'accrual'];

/** Whether two versions of an indicator say the same thing (imports report these as unchanged). */
export const sameIndicatorContent = (a: LibraryIndicatorDraft, b: LibraryIndicatorDraft): boolean => CONTENT_FIELDS.every((f) => a[f] === b[f]);
export type LibraryIndicatorProblems = FieldErrors<LibraryIndicatorDraft>;

/**
 * The framework a library indicator belongs to: the preferred one (the year's setting) when its
 * level-1/level-2 pair is in it, else the other dictionary version that has the pair, so that the
 * library can hold indicators written under either framework.
 */
export function frameworkOf(level1: string, level2: string, preferred: Framework): Framework {
  const has = (fw: Framework) => fw.level1.some((l) => l.name === level1 && l.level2.includes(level2));
  if (has(preferred)) return preferred;
  return FRAMEWORKS.find(has) ?? preferred;
}

/**
 * Checks a library indicator with the same rules as a target form row (checkIndicator: dictionary
 * levels, operator, a number and unit for quantitative indicators, a text and no unit for 定性), plus
 * what the library adds: a project type, a basis from the list, and lengths that fit the printed forms.
 */
export function checkLibraryIndicator(draft: LibraryIndicatorDraft, preferred: Framework): LibraryIndicatorProblems {
  const fw = frameworkOf(draft.level1, draft.level2, preferred);
  const { value, weight: _weight, ...row } = checkIndicator(
    { level1: draft.level1, level2: draft.level2, name: draft.name, operator: draft.operator, value: draft.referenceValue, unit: draft.unit, weight: '' },
    fw,
  );
  const problems: LibraryIndicatorProblems = { ...row };
  if (value) problems.referenceValue = value.replace('指标值', '参考值');
  else if (draft.referenceValue.trim().length > 60) problems.referenceValue = '参考值不能超过 60 个字';
  if (!problems.unit && draft.unit.trim().length > 20) problems.unit = '计量单位不能超过 20 个字';
  if (draft.projectTypeCode.trim() === '') problems.projectTypeCode = '请选择项目类型';
  if (!(BASES as readonly string[]).includes(draft.basis)) problems.basis = `设定依据应为：${BASES.join('、')}`;
  if (draft.definition.trim().length > 500) problems.definition = '指标解释不能超过 500 个字';
  if (!(ACCRUALS as readonly string[]).includes(draft.accrual)) problems.accrual = '累计方式应为“累计型”或“状态型”';
  return problems;
}

/** A reference value as the target forms print it: `≥95%`, or a qualitative text. */
export const referenceTarget = (i: Pick<LibraryIndicatorDraft, 'operator' | 'referenceValue' | 'unit'>): string =>
  displayTarget({ operator: i.operator, value: i.referenceValue, unit: i.unit });

/** Where a library version came from, as the 版本 tab shows it. */
export const STARTER_SOURCE = 'starter';
export const LOCAL_SOURCE = 'local';
