// What an evaluation record names besides its scores (domain.md §6): its kind, the methods used and the
// evaluation standard.

export const EVALUATION_KINDS = ['department-evaluation', 'finance-evaluation'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
export const EVALUATION_KIND_LABELS: Record<EvaluationKind, string> = { 'department-evaluation': '部门评价', 'finance-evaluation': '财政评价' };

export const EVALUATION_METHODS = ['成本效益分析法', '比较法', '因素分析法', '最低成本法', '公众评判法', '标杆管理法'] as const;
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];

export const EVALUATION_STANDARDS = ['计划', '行业', '历史', '其他'] as const;
export type EvaluationStandard = (typeof EVALUATION_STANDARDS)[number];
export const EVALUATION_STANDARD_LABELS: Record<EvaluationStandard, string> = { 计划: '计划标准', 行业: '行业标准', 历史: '历史标准', 其他: '其他标准' };
