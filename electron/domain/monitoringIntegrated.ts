// 一体化 export: the year's approved targets and monitoring in the field layout of the 预算管理一体化
// performance data standard, so a county that works offline can upload to the province's 一体化 system
// instead of retyping.
//
// 模拟 / to be checked against the province's template: there is no copy of the standard here. The layout
// follows the performance part of 财政部《预算管理一体化规范（试行）》(财办〔2020〕13号) and its technical
// standard as provinces implement it — element codes in capitals (MOF_DIV_CODE, AGENCY_CODE, PRO_CODE …),
// one table per kind of record, amounts in 元 with two decimals, indicator levels with codes, and the
// date the data is reported (报送日期). A province whose template differs changes these lists only.
//
// Decided: one xlsx with a sheet per table (Chinese field names in the first row, element codes in the
// second), not csv files in a zip: the standard defines fields, not a file format, and provinces' offline
// import templates are Excel workbooks; a sheet per table keeps one file to hand over.

/** One field of a table: its element code (the standard's name) and its Chinese name. */
export interface IntegratedField {
  code: string;
  name: string;
}

export interface IntegratedTable {
  /** The worksheet's name. */
  sheet: string;
  fields: readonly IntegratedField[];
}

const f = (code: string, name: string): IntegratedField => ({ code, name });

/** The fields every record starts with: who reports, for which year, when. */
const HEAD = [f('MOF_DIV_CODE', '财政区划代码'), f('FISCAL_YEAR', '预算年度'), f('REPORT_DATE', '报送日期'), f('AGENCY_CODE', '单位代码'), f('AGENCY_NAME', '单位名称'), f('PRO_CODE', '项目代码')];

export const INTEGRATED_TABLES = {
  /** 项目绩效目标: one row per approved project target. */
  targets: {
    sheet: '项目绩效目标',
    fields: [
      ...HEAD,
      f('PRO_NAME', '项目名称'),
      f('DEPT_CODE', '主管部门代码'),
      f('PRO_KIND', '项目类别'),
      f('PRO_TOTAL_AMT', '年度资金总额（元）'),
      f('FIN_AMT', '其中：财政拨款（元）'),
      f('OTHER_AMT', '其他资金（元）'),
      f('KPI_TARGET', '年度总体目标'),
      f('AUDIT_DATE', '批复日期'),
    ],
  },
  /** 项目绩效指标: one row per indicator of an approved target, with its three levels coded. */
  indicators: {
    sheet: '项目绩效指标',
    fields: [
      ...HEAD,
      f('LEV1_KPI_CODE', '一级指标代码'),
      f('LEV1_KPI_NAME', '一级指标'),
      f('LEV2_KPI_CODE', '二级指标代码'),
      f('LEV2_KPI_NAME', '二级指标'),
      f('LEV3_KPI_CODE', '三级指标代码'),
      f('LEV3_KPI_NAME', '三级指标'),
      f('KPI_SYMBOL', '指标性质'),
      f('KPI_VAL', '指标值'),
      f('KPI_UNIT', '计量单位'),
      f('KPI_EXPLAIN', '指标解释'),
      f('KPI_BASIS', '设定依据'),
      f('KPI_WEIGHT', '分值'),
    ],
  },
  /** 绩效运行监控（预算执行）: one row per project and monitoring round. */
  monitoring: {
    sheet: '绩效监控预算执行',
    fields: [
      ...HEAD,
      f('MONITOR_MONTH', '监控月份'),
      f('YEAR_BGT_AMT', '年初预算数（元）'),
      f('ADJ_BGT_AMT', '全年预算数（元）'),
      f('EXE_AMT', '1-X月执行数（元）'),
      f('EXE_RATE', '执行率（%）'),
      f('EST_EXE_AMT', '全年预计执行数（元）'),
      f('EST_BAL_AMT', '预计结余（元）'),
      f('BGT_LIGHT', '预算执行预警'),
      f('DEV_REASON', '偏差原因'),
      f('MEASURE', '纠偏措施'),
      f('GOAL_EXE', '年度总体目标执行情况'),
    ],
  },
  /** 绩效运行监控（指标）: one row per indicator, project and round. */
  monitoringIndicators: {
    sheet: '绩效监控指标',
    fields: [
      ...HEAD,
      f('MONITOR_MONTH', '监控月份'),
      f('LEV1_KPI_CODE', '一级指标代码'),
      f('LEV2_KPI_CODE', '二级指标代码'),
      f('LEV3_KPI_CODE', '三级指标代码'),
      f('LEV3_KPI_NAME', '三级指标'),
      f('KPI_TARGET_VAL', '年度指标值'),
      f('KPI_EXE_VAL', '1-X月执行情况'),
      f('KPI_EST_VAL', '全年预计完成情况'),
      f('KPI_POSSIBLE', '完成目标可能性'),
      f('DEV_REASON', '偏差原因'),
      f('MEASURE', '纠偏措施'),
      f('KPI_LIGHT', '指标预警'),
    ],
  },
} as const satisfies Record<string, IntegratedTable>;

export type IntegratedTableName = keyof typeof INTEGRATED_TABLES;

/** 一级 codes (模拟): both frameworks' level-1 names, 2 digits. */
const LEVEL1_CODES: Record<string, string> = { 产出指标: '01', 效益指标: '02', 满意度指标: '03', 成本指标: '04' };
/** 二级 codes (模拟): the 一级 code and 2 digits. 产出指标's 成本指标 (classic) differs from 一级 成本指标 (2021). */
const LEVEL2_CODES: Record<string, string> = {
  '产出指标/数量指标': '0101',
  '产出指标/质量指标': '0102',
  '产出指标/时效指标': '0103',
  '产出指标/成本指标': '0104',
  '效益指标/经济效益指标': '0201',
  '效益指标/社会效益指标': '0202',
  '效益指标/生态效益指标': '0203',
  '效益指标/可持续影响指标': '0204',
  '满意度指标/服务对象满意度指标': '0301',
  '成本指标/经济成本指标': '0401',
  '成本指标/社会成本指标': '0402',
  '成本指标/生态环境成本指标': '0403',
};
/** A name outside the dictionary (an old or local level): coded 99 so the row still uploads and shows. */
const UNKNOWN = '99';

/**
 * The three level codes of an indicator: 一级 2 digits, 二级 4, 三级 the 二级 code and the indicator's
 * place in its target (3 digits), unique within a project.
 */
export function indicatorLevelCodes(level1: string, level2: string, seq: number): { level1: string; level2: string; level3: string } {
  const one = LEVEL1_CODES[level1.trim()] ?? UNKNOWN;
  const two = LEVEL2_CODES[`${level1.trim()}/${level2.trim()}`] ?? `${one}${UNKNOWN}`;
  return { level1: one, level2: two, level3: `${two}${String(seq).padStart(3, '0')}` };
}

/** A unit's own records (部门整体) have no project: the head without 项目代码. */
const DEPARTMENT_HEAD = HEAD.filter((field) => field.code !== 'PRO_CODE');

/**
 * 部门整体绩效监控 (模拟 like the tables above): a unit's whole budget per round, and its department-wide
 * indicators' progress, as tables of their own beside the projects'.
 */
export const INTEGRATED_DEPARTMENT_TABLES = {
  /** 部门整体绩效监控（预算执行）: one row per unit and monitoring round. */
  departmentMonitoring: {
    sheet: '部门整体监控预算执行',
    fields: [
      ...DEPARTMENT_HEAD,
      f('MONITOR_MONTH', '监控月份'),
      f('BASIC_BGT_AMT', '基本支出全年预算数（元）'),
      f('BASIC_EXE_AMT', '基本支出1-X月执行数（元）'),
      f('PRO_BGT_AMT', '项目支出全年预算数（元）'),
      f('PRO_EXE_AMT', '项目支出1-X月执行数（元）'),
      f('ADJ_BGT_AMT', '全年预算数（元）'),
      f('EXE_AMT', '1-X月执行数（元）'),
      f('EXE_RATE', '执行率（%）'),
      f('BGT_LIGHT', '预算执行预警'),
      f('DEV_REASON', '偏差原因'),
      f('MEASURE', '纠偏措施'),
      f('REMARK', '备注'),
    ],
  },
  /** 部门整体绩效监控（指标）: one row per department-wide indicator, unit and round, with the projects' indicator fields. */
  departmentMonitoringIndicators: {
    sheet: '部门整体监控指标',
    fields: [...DEPARTMENT_HEAD, ...INTEGRATED_TABLES.monitoringIndicators.fields.slice(HEAD.length)],
  },
} as const satisfies Record<string, IntegratedTable>;

export type IntegratedDepartmentTableName = keyof typeof INTEGRATED_DEPARTMENT_TABLES;
