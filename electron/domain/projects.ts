// 项目库, domain.md §2 and §4: what a project record is, and the rules of its funds by source
// (initial budget + additions − cuts = adjusted budget, all in 分, never negative).
import { formatWanYuan, type Fen } from './money';
import type { FieldErrors } from './validation';

export const PROJECT_CATEGORIES = ['本级支出', '对下转移支付'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];
export const PROJECT_ATTRIBUTES = ['新增', '延续'] as const;
export type ProjectAttribute = (typeof PROJECT_ATTRIBUTES)[number];
export const FUND_SOURCES = [
  '本级财政拨款',
  '上级补助（中央）',
  '上级补助（自治区）',
  '上级补助（州）',
  '上年结转',
  '财政专户管理资金',
  '单位资金',
  '其他资金',
] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

/** A project code as budget systems issue them: 3–40 digits, letters, '-', '_' or '.'. */
export const PROJECT_CODE = /^[0-9A-Za-z._-]{3,40}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface ProjectDraft {
  code: string;
  name: string;
  departmentCode: string;
  unitCode: string;
  category: ProjectCategory;
  attribute: ProjectAttribute;
  keyProject: boolean;
  povertyFund: boolean;
  /** 涉密: never published. */
  confidential: boolean;
  projectTypeCode: string | null;
  startDate: string | null;
  endDate: string | null;
  personInCharge: string;
}

export type ProjectField = keyof ProjectDraft;
export type ProjectProblems = FieldErrors<ProjectDraft>;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The header of a project as typed; the same function runs in the form and in the service. */
export function checkProject(draft: ProjectDraft): ProjectProblems {
  const problems: ProjectProblems = {};
  const code = draft.code.trim();
  if (code === '') problems.code = '请填写项目编码';
  else if (!PROJECT_CODE.test(code)) problems.code = '项目编码应为 3–40 位数字、字母或“-”“_”“.”，与预算系统一致';
  const name = draft.name.trim();
  if (name === '') problems.name = '请填写项目名称';
  else if (name.length > 100) problems.name = '项目名称不能超过 100 个字';
  if (draft.unitCode.trim() === '') problems.unitCode = '请选择实施单位';
  if (draft.departmentCode.trim() === '') problems.departmentCode = '请选择主管部门';
  if (!PROJECT_CATEGORIES.includes(draft.category)) problems.category = `项目类别应为：${PROJECT_CATEGORIES.join('、')}`;
  if (!PROJECT_ATTRIBUTES.includes(draft.attribute)) problems.attribute = `项目属性应为：${PROJECT_ATTRIBUTES.join('、')}`;
  if (draft.startDate && !isIsoDate(draft.startDate)) problems.startDate = '开始日期应为“2020-01-01”这样的日期';
  if (draft.endDate && !isIsoDate(draft.endDate)) problems.endDate = '结束日期应为“2020-12-31”这样的日期';
  else if (draft.startDate && draft.endDate && isIsoDate(draft.startDate) && draft.endDate < draft.startDate) {
    problems.endDate = '结束日期不能早于开始日期';
  }
  if (draft.personInCharge.trim().length > 30) problems.personInCharge = '项目负责人不能超过 30 个字';
  return problems;
}

export interface UnitRef {
  code: string;
  name: string;
  departmentCode: string | null;
  isDepartment: boolean;
  active: boolean;
}

/** The supervising department a unit reports to: its own code when it is a department itself. */
export const departmentOf = (unit: UnitRef): string => (unit.isDepartment ? unit.code : (unit.departmentCode ?? ''));

/**
 * The implementing unit must be a registered, active unit and the supervising department must be the one
 * that unit reports to, so that every list by department adds up.
 */
export function checkProjectUnits(
  draft: Pick<ProjectDraft, 'unitCode' | 'departmentCode'>,
  unitOf: (code: string) => UnitRef | undefined,
): Pick<ProjectProblems, 'unitCode' | 'departmentCode'> {
  const unitCode = draft.unitCode.trim();
  const departmentCode = draft.departmentCode.trim();
  if (unitCode === '') return {};
  const unit = unitOf(unitCode);
  if (!unit) return { unitCode: `实施单位编码 ${unitCode} 不在预算单位名录中，请先在“预算单位”中登记或导入该单位` };
  if (!unit.active) return { unitCode: `${unit.name}（${unitCode}）已停用，不能再登记新项目；如需使用请先启用` };
  const expected = departmentOf(unit);
  if (departmentCode === '' || departmentCode === expected) return {};
  const department = unitOf(departmentCode);
  if (!department?.isDepartment) return { departmentCode: `主管部门编码 ${departmentCode} 不是已登记的主管部门` };
  return { departmentCode: `${unit.name}（${unitCode}）的主管部门是 ${expected || '（未设置）'}，不是 ${departmentCode}` };
}

export interface FundRow {
  source: string;
  initialFen: Fen;
  additionFen: Fen;
  cutFen: Fen;
}

/** 调整后预算 = 年初预算 + 追加 − 调减; derived, never stored. */
export const adjustedFen = (fund: Pick<FundRow, 'initialFen' | 'additionFen' | 'cutFen'>): Fen =>
  fund.initialFen + fund.additionFen - fund.cutFen;

export interface FundTotals {
  initialFen: Fen;
  additionFen: Fen;
  cutFen: Fen;
  adjustedFen: Fen;
}

export function fundTotals(funds: readonly FundRow[]): FundTotals {
  const totals = { initialFen: 0, additionFen: 0, cutFen: 0, adjustedFen: 0 };
  for (const fund of funds) {
    totals.initialFen += fund.initialFen;
    totals.additionFen += fund.additionFen;
    totals.cutFen += fund.cutFen;
    totals.adjustedFen += adjustedFen(fund);
  }
  return totals;
}

export type FundField = keyof FundRow;
export interface FundProblem {
  /** Index of the fund row; undefined for a problem of the whole block. */
  row?: number;
  field?: FundField;
  message: string;
}

/**
 * The funds block of §4: known and distinct sources, non-negative amounts, and cuts that do not exceed
 * initial budget plus additions (so the derived adjusted budget is never negative).
 */
export function checkFunds(funds: readonly FundRow[]): FundProblem[] {
  const problems: FundProblem[] = [];
  const seen = new Map<string, number>();
  funds.forEach((fund, row) => {
    if (!(FUND_SOURCES as readonly string[]).includes(fund.source)) {
      problems.push({ row, field: 'source', message: `资金来源应为：${FUND_SOURCES.join('、')}` });
    } else if (seen.has(fund.source)) {
      problems.push({ row, field: 'source', message: `资金来源“${fund.source}”与第 ${seen.get(fund.source)! + 1} 行重复，请合并为一行` });
    } else seen.set(fund.source, row);
    const amounts: [FundField, string][] = [
      ['initialFen', '年初预算'],
      ['additionFen', '追加'],
      ['cutFen', '调减'],
    ];
    let amountsValid = true;
    for (const [field, label] of amounts) {
      if (!Number.isSafeInteger(fund[field])) problems.push({ row, field, message: `${label}金额无效` });
      else if ((fund[field] as number) < 0) problems.push({ row, field, message: `${label}不能为负数；调减请填在“调减”列` });
      else continue;
      amountsValid = false;
    }
    if (amountsValid && fund.cutFen > fund.initialFen + fund.additionFen) {
      problems.push({
        row,
        field: 'cutFen',
        message: `调减 ${formatWanYuan(fund.cutFen)} 万元超过年初预算加追加（${formatWanYuan(fund.initialFen + fund.additionFen)} 万元），调整后预算不能为负`,
      });
    }
  });
  return problems;
}
