// The publishable tables of a year (domain.md §9), for the whole county or one unit: approved project
// targets (never a 涉密 project) or approved department-wide targets, published with the budget; approved
// self-evaluation tables (never a 涉密 project), published with the final accounts; in the standard layouts
// of electron/domain/disclosure.ts, with what was left out and why.
import type { Db } from '../../db/open';
import { TABLE_LAYOUTS, type DisclosedEvaluation, type DisclosedSelfEvaluation, type DisclosedTarget, type DisclosureKind } from '../domain/disclosure';
import { departmentTargetRows } from './departmentTable';
import { evaluationRows } from './evaluationTable';
import { projectTargetRows } from './projectTable';
import { selfEvaluationRows } from './selfEvaluationTable';
import { scopeOf, type Excluded } from './tableParts';

export interface DisclosureQuery {
  year: number;
  /** A unit or 主管部门 code; null for the whole county. A 主管部门 includes its subordinate units. */
  unitCode: string | null;
  kind: DisclosureKind;
}

export interface DisclosureTable {
  kind: DisclosureKind;
  year: number;
  unitCode: string | null;
  /** 全县 or the unit's name. */
  scopeName: string;
  title: string;
  /** What the table lists: targets, self-evaluations or evaluation results (the other lists are empty). */
  targets: DisclosedTarget[];
  selfEvaluations: DisclosedSelfEvaluation[];
  evaluations: DisclosedEvaluation[];
  /** How many projects or units it lists. */
  count: number;
  excluded: Excluded;
  /** The exclusions in a sentence for the page, e.g. “未列入 3 个项目：涉密项目 1 个…”. */
  exclusionNote: string;
}

export function exclusionNote(kind: DisclosureKind, excluded: Excluded): string {
  if (kind === 'departmentTargets') {
    const parts = [
      excluded.notApproved ? `未列入 ${excluded.notApproved} 个单位（部门整体支出绩效目标尚未审核通过）` : '',
      excluded.confidential ? `涉密项目相关的年度任务 ${excluded.confidential} 项未列出` : '',
    ].filter(Boolean);
    return parts.length ? `${parts.join('；')}。` : '范围内的单位均已列入。';
  }
  if (kind === 'evaluations') {
    const parts = [excluded.confidential ? `涉密项目的评价 ${excluded.confidential} 项（不公开）` : '', excluded.notApproved ? `尚未审核通过的评价 ${excluded.notApproved} 项` : ''].filter(Boolean);
    return parts.length ? `未列入：${parts.join('，')}。` : '范围内的评价均已列入。';
  }
  const pending = kind === 'selfEvaluations' ? '自评表尚未审核通过（或未自评）的项目' : '绩效目标尚未审核通过的项目';
  const parts = [
    excluded.confidential ? `涉密项目 ${excluded.confidential} 个（不公开）` : '',
    excluded.notApproved ? `${pending} ${excluded.notApproved} 个` : '',
  ].filter(Boolean);
  const total = excluded.confidential + excluded.notApproved;
  return total === 0 ? '范围内的项目均已列入。' : `未列入 ${total} 个项目：${parts.join('，')}。`;
}

type Rows = Pick<DisclosureTable, 'targets' | 'selfEvaluations' | 'evaluations' | 'excluded'>;

function rowsOf(db: Db, query: DisclosureQuery, scope: ReturnType<typeof scopeOf>): Rows {
  const none = { targets: [], selfEvaluations: [], evaluations: [] };
  if (query.kind === 'selfEvaluations') return { ...none, ...selfEvaluationRows(db, query.year, scope) };
  if (query.kind === 'evaluations') return { ...none, ...evaluationRows(db, query.year, scope) };
  return { ...none, ...(query.kind === 'departmentTargets' ? departmentTargetRows : projectTargetRows)(db, query.year, scope) };
}

export function disclosureTable(db: Db, query: DisclosureQuery): DisclosureTable {
  const scope = scopeOf(db, query.unitCode);
  const { targets, selfEvaluations, evaluations, excluded } = rowsOf(db, query, scope);
  return {
    kind: query.kind,
    year: query.year,
    unitCode: query.unitCode,
    scopeName: scope.scopeName,
    title: `${query.unitCode === null ? scope.regionName : scope.scopeName}${query.year}年度${TABLE_LAYOUTS[query.kind].title}`,
    targets,
    selfEvaluations,
    evaluations,
    count: targets.length + selfEvaluations.length + evaluations.length,
    excluded,
    exclusionNote: exclusionNote(query.kind, excluded),
  };
}
