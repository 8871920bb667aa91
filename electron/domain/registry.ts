// Rules of the reference data: regions (财政区划), budget units (预算单位), operators and roles.
import type { FieldErrors } from './validation';

export const REGION_LEVELS = ['region', 'prefecture', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  region: '自治区',
  prefecture: '地州市',
  county: '县市区',
};

/** What an installation is: a county bureau, a prefecture that gathers its counties, or a budget unit. */
export const ROLES = ['county', 'prefecture', 'unit'] as const;
export type InstallationRole = (typeof ROLES)[number];
export const ROLE_LABELS: Record<InstallationRole, string> = {
  county: '县级财政局',
  prefecture: '州级财政局（汇总）',
  unit: '预算单位',
};

/** Which level of region each installation role sits at. */
export function regionLevelForRole(role: InstallationRole): RegionLevel {
  return role === 'prefecture' ? 'prefecture' : 'county';
}

export const OPERATOR_ROLES = ['admin', 'office', 'reviewer', 'clerk', 'department'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];
export const OPERATOR_ROLE_LABELS: Record<OperatorRole, string> = {
  admin: '系统管理员',
  office: '绩效办',
  reviewer: '审核人',
  clerk: '经办人',
  department: '主管部门审核人',
};

export const REGION_CODE = /^\d{6}$/;

/** A budget unit code as budget systems issue them: 3–20 digits/letters, e.g. 101001. */
export const UNIT_CODE = /^[0-9A-Za-z]{3,20}$/;

export interface UnitDraft {
  code: string;
  name: string;
  departmentCode: string | null;
  isDepartment: boolean;
}

/** Checks a unit as typed; the same function runs in the form while typing and in the service. */
export function checkUnit(unit: UnitDraft): FieldErrors<UnitDraft> {
  const errors: FieldErrors<UnitDraft> = {};
  if (unit.code.trim() === '') errors.code = '请填写单位编码';
  else if (!UNIT_CODE.test(unit.code.trim())) errors.code = '单位编码应为 3–20 位数字或字母';
  const name = unit.name.trim();
  if (name === '') errors.name = '请填写单位名称';
  else if (name.length > 60) errors.name = '单位名称不能超过 60 个字';
  const department = unit.departmentCode?.trim() ?? '';
  if (department !== '' && !UNIT_CODE.test(department)) errors.departmentCode = '主管部门编码应为 3–20 位数字或字母';
  if (unit.isDepartment && department !== '' && department !== unit.code.trim()) {
    errors.departmentCode = '主管部门本身的“主管部门编码”应为空或与单位编码相同';
  }
  return errors;
}

/** The 主管部门 a unit is listed under: none for a 主管部门 itself or a unit that stands on its own. */
export function listedUnder(unit: UnitDraft): string | null {
  const department = unit.departmentCode?.trim() || null;
  return unit.isDepartment || department === unit.code.trim() ? null : department;
}

/**
 * Two units of one name under one 主管部门 (or two of one name at the top) cannot be told apart on any
 * list, form or report: the message for `unit` when `others` (the register) already has such a unit.
 */
export function duplicateUnitName(unit: UnitDraft, others: readonly UnitDraft[]): string | null {
  const name = unit.name.trim();
  const under = listedUnder(unit);
  const twin = others.find((o) => o.code !== unit.code.trim() && o.name.trim() === name && listedUnder(o) === under);
  if (!twin) return null;
  return `${under ? `主管部门 ${under} 下` : '同一层级'}已有名为“${name}”的单位（编码 ${twin.code}），请检查是否重复录入，或改用能区分的名称`;
}
