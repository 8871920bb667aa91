// 专家库 and 第三方机构 (domain.md §6, issue 13): what an expert and a firm must hold, the 统一社会信用代码
// check digit (GB 32100-2015), and the conflict-of-interest rule that keeps an evaluator away from the
// unit it would judge. Pure: the forms check while typing, the services enforce the same functions.
import type { FieldErrors } from './validation';
import { UNIT_CODE } from './registry';

/** What an evaluator does on a project: experts lead or join the panel, a firm is 受托 for the whole job. */
export const EVALUATOR_ROLES = ['组长', '成员', '受托机构'] as const;
export type EvaluatorRole = (typeof EVALUATOR_ROLES)[number];

export function roleProblem(role: EvaluatorRole, evaluator: 'expert' | 'firm'): string | null {
  if (evaluator === 'firm' && role !== '受托机构') return '第三方机构的角色应为“受托机构”';
  if (evaluator === 'expert' && role === '受托机构') return '专家的角色应为“组长”或“成员”';
  return null;
}

export interface ExpertDraft {
  name: string;
  /** 领域, e.g. 交通、教育、财务. */
  field: string;
  /** 职称, e.g. 高级工程师. */
  title: string;
  /** 工作单位 as written. */
  organisation: string;
  /** The registered unit the expert works for, when it is one of the county's budget units. */
  unitCode: string | null;
  contact: string;
  available: boolean;
  notes: string;
}

const tooLong = (text: string, max: number) => text.trim().length > max;

export function checkExpert(expert: ExpertDraft): FieldErrors<ExpertDraft> {
  const errors: FieldErrors<ExpertDraft> = {};
  if (expert.name.trim() === '') errors.name = '请填写专家姓名';
  else if (tooLong(expert.name, 30)) errors.name = '姓名不能超过 30 个字';
  if (expert.field.trim() === '') errors.field = '请填写专业领域，如“交通”“教育”“财务”';
  else if (tooLong(expert.field, 40)) errors.field = '领域不能超过 40 个字';
  if (tooLong(expert.title, 30)) errors.title = '职称不能超过 30 个字';
  if (expert.organisation.trim() === '' && !expert.unitCode) errors.organisation = '请填写工作单位（回避审查要用到）';
  else if (tooLong(expert.organisation, 60)) errors.organisation = '工作单位不能超过 60 个字';
  if (expert.unitCode && !UNIT_CODE.test(expert.unitCode.trim())) errors.unitCode = '单位编码应为 3–20 位数字或字母';
  if (tooLong(expert.contact, 60)) errors.contact = '联系方式不能超过 60 个字';
  if (tooLong(expert.notes, 500)) errors.notes = '备注不能超过 500 个字';
  return errors;
}

// GB 32100-2015: 18 characters from 31 (no I, O, S, V, Z); the 18th is the check character.
const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters of a 统一社会信用代码 call for. */
export function creditCodeCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, character, i) => total + CREDIT_CODE_CHARACTERS.indexOf(character) * CREDIT_CODE_WEIGHTS[i]!, 0);
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31]!;
}

/** Why a 统一社会信用代码 is not one, or null. */
export function creditCodeProblem(text: string): string | null {
  const code = text.trim().toUpperCase();
  if (code === '') return '请填写统一社会信用代码';
  if (code.length !== 18) return `统一社会信用代码应为 18 位，现在是 ${code.length} 位`;
  const wrong = [...code].find((c) => !CREDIT_CODE_CHARACTERS.includes(c));
  if (wrong) return `统一社会信用代码不能含“${wrong}”（只用数字和除 I、O、S、V、Z 以外的大写字母）`;
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `统一社会信用代码校验位不符：按前 17 位，第 18 位应为“${expected}”，请核对营业执照`;
  return null;
}

export interface FirmDraft {
  name: string;
  creditCode: string;
  /** 资质, as the firm's certificates say. */
  qualifications: string;
  contact: string;
}

export function checkFirm(firm: FirmDraft): FieldErrors<FirmDraft> {
  const errors: FieldErrors<FirmDraft> = {};
  if (firm.name.trim() === '') errors.name = '请填写机构名称';
  else if (tooLong(firm.name, 60)) errors.name = '机构名称不能超过 60 个字';
  const code = creditCodeProblem(firm.creditCode);
  if (code) errors.creditCode = code;
  if (tooLong(firm.qualifications, 500)) errors.qualifications = '资质说明不能超过 500 个字';
  if (tooLong(firm.contact, 60)) errors.contact = '联系方式不能超过 60 个字';
  return errors;
}

/** A quality rating after a job: 1–5, with a comment. */
export function ratingProblem(rating: number, comment: string): string | null {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return '质量评价应为 1–5 分的整数';
  if (comment.trim() === '') return '请写明评价意见（做得好或不足之处）';
  return null;
}

/** The registered unit an organisation is, with its 主管部门 (its own code for a 主管部门). */
export interface UnitPlace {
  code: string;
  name: string;
  departmentCode: string;
}

export interface ConflictCheck {
  expert: { name: string; available: boolean; organisation: string; unitCode: string | null };
  /** The unit whose project is evaluated. */
  evaluated: UnitPlace;
  /** The expert's own unit, when it is registered (by code, or by its exact name). */
  expertUnit: UnitPlace | null;
  /** The expert's 主管部门's name, to say which department the two share. */
  departmentName: string;
  /** Conflicts the expert declared, by unit code. */
  declared: readonly { unitCode: string; reason: string }[];
}

/** Why the expert may not evaluate this unit's project, or null when nothing stands in the way. */
export function expertConflict({ expert, evaluated, expertUnit, departmentName, declared }: ConflictCheck): string | null {
  if (!expert.available) return `专家${expert.name}目前为“暂停”状态，不能指派；如已恢复，请先在专家库中改为“可用”`;
  const declaredHere = declared.find((d) => d.unitCode === evaluated.code);
  if (declaredHere) return `专家${expert.name}已登记与${evaluated.name}存在利益冲突（${declaredHere.reason}），需回避`;
  if (expertUnit?.code === evaluated.code) return `专家${expert.name}的工作单位就是被评价单位${evaluated.name}，需回避`;
  if (expertUnit && expertUnit.departmentCode === evaluated.departmentCode) {
    return `专家${expert.name}的工作单位${expertUnit.name}与被评价单位${evaluated.name}同属主管部门${departmentName}，需回避`;
  }
  return null;
}
