// 一体化 export: the year's approved targets and monitoring in the field layout of the 预算管理一体化
// performance data standard (财政部《预算管理一体化规范（试行）》财办〔2020〕13号 and its 技术标准), so a county
// that works offline can upload to the province's 一体化 system instead of retyping.
//
// There is no copy of the standard's text here. What the field list follows, and how sure it is:
// [A] the standard's logical tables as the ministry's own 一体化 performance module creates them — public
//     source of a provincial deployment of the Java packages gov.mof.fasp2.pmkpi (found in the code index,
//     which does not name the repository): its Oracle scripts create PM_PERF_GOAL_INFO (项目绩效目标表),
//     PM_PERF_INDICATOR (项目绩效指标表), BGT_PERF_GOAL_INFO / BGT_PERF_INDICATOR (部门) and
//     PM_PERF_SELF_EVAL / PM_SELF_EVAL_INDICATOR (自评), the standard's columns commented "部标规范字段" with
//     their Chinese names. Element codes and names marked [A] are those, in that order.
// [B] the same module's monitoring fund grid (/pmkpi/program/trace/report/edit/tjfund): its column names
//     年初预算数, 调整后预算数, 1-X月执行数, 1-X月执行率%, 全年预计执行数, in that order. No standard table for
//     monitoring was found: the monitoring sheets' element codes are this program's own.
// 模拟 — not confirmed, to be checked against the province's template before the first upload: every field
// not marked [A] (报送日期 among them; the amounts' codes; the monitoring tables' codes), and the level
// codes of LEVEL1_CODES / LEVEL2_CODES: in [A] KPI_LV1/KPI_LV2 hold the codes of a 指标体系 (PERF_T_FRAME) that
// each 财政区划 keeps for itself, so no national value set exists to copy. A province whose template differs
// changes these lists only.
//
// Decided: one xlsx with a sheet per table (Chinese field names in the first row, element codes in the
// second), not csv files in a zip: the standard defines fields, not a file format, and provinces' offline
// import templates are Excel workbooks; a sheet per table keeps one file to hand over. Amounts in 元 with
// two decimals, as [A]'s amount columns (NUMBER(18,2)).

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

/** [A] PM_PERF_GOAL_INFO and PM_PERF_INDICATOR: whose record it is — the region, the year, the project. */
const KEY = [f('MOF_DIV_CODE', '财政区划代码'), f('FISCAL_YEAR', '预算年度'), f('PRO_CODE', '项目代码')];
/** [A] PM_PERF_SELF_EVAL: the unit that reports. */
const AGENCY = [f('AGENCY_CODE', '单位代码'), f('AGENCY_NAME', '单位名称')];
/** 模拟: the day the file is handed over, on every row (no such element was found in [A]). */
const REPORT_DATE = f('REPORT_DATE', '报送日期');

export const INTEGRATED_TABLES = {
  /** 项目绩效目标 (PM_PERF_GOAL_INFO): one row per approved project target. */
  targets: {
    sheet: '项目绩效目标',
    fields: [
      // [A] PM_PERF_GOAL_INFO, in its order.
      f('KPI_PER_ID', '项目绩效目标主键'),
      ...KEY,
      f('KPI_TARGET', '绩效目标'),
      // [A] PM_PERF_SELF_EVAL's names of the project, its unit and its department.
      f('PRO_NAME', '项目名称'),
      ...AGENCY,
      f('DEPT_CODE', '部门代码'),
      // 模拟: 报送日期, and the 申报表's category, funds and approval date.
      REPORT_DATE,
      f('PRO_KIND', '项目类别'),
      f('PRO_TOTAL_AMT', '年度资金总额（元）'),
      f('FIN_AMT', '其中：财政拨款（元）'),
      f('OTHER_AMT', '其他资金（元）'),
      f('AUDIT_DATE', '批复日期'),
    ],
  },
  /** 项目绩效指标 (PM_PERF_INDICATOR): one row per indicator of an approved target, with its three levels coded. */
  indicators: {
    sheet: '项目绩效指标',
    fields: [
      // [A] PM_PERF_INDICATOR, in its order: KPI_LV1/2/3 hold the levels' codes, KPI_CONTENT the level-3 name.
      f('KPI_ID', '项目绩效指标主键'),
      ...KEY,
      f('KPI_LV1', '一级指标'),
      f('KPI_LV2', '二级指标'),
      f('KPI_LV3', '三级指标'),
      f('KPI_CONTENT', '指标内容'),
      f('KPI_EVALSTD', '评（扣）分标准'),
      f('KPI_VAL', '指标值'),
      f('KPI_REMARK', '备注'),
      // [A] PM_SELF_EVAL_INDICATOR's unit, names of the two upper levels and 权重 (the 申报表's 分值).
      ...AGENCY,
      f('LV1_PERF_IND_NAME', '一级绩效指标名称'),
      f('LV2_PERF_IND_NAME', '二级绩效指标名称'),
      f('IND_WEIGHT', '权重'),
      // 模拟: what [A] keeps outside the standard's columns (in its own COMPUTESIGN, METERUNIT …).
      REPORT_DATE,
      f('KPI_SYMBOL', '指标性质'),
      f('KPI_UNIT', '计量单位'),
      f('KPI_EXPLAIN', '指标解释'),
      f('KPI_BASIS', '设定依据'),
    ],
  },
  /** 绩效运行监控（预算执行）: one row per project and monitoring round; the amounts' names in [B]'s order, codes 模拟. */
  monitoring: {
    sheet: '绩效监控预算执行',
    fields: [
      ...KEY,
      ...AGENCY,
      REPORT_DATE,
      f('MONITOR_MONTH', '监控月份'),
      f('YEAR_BGT_AMT', '年初预算数（元）'),
      f('ADJ_BGT_AMT', '调整后预算数（元）'),
      f('EXE_AMT', '1-X月执行数（元）'),
      f('EXE_RATE', '1-X月执行率（%）'),
      f('EST_EXE_AMT', '全年预计执行数（元）'),
      f('EST_BAL_AMT', '预计结余（元）'),
      f('BGT_LIGHT', '预算执行预警'),
      f('DEV_REASON', '偏差原因'),
      f('MEASURE', '纠偏措施'),
      f('GOAL_EXE', '年度总体目标执行情况'),
    ],
  },
  /** 绩效运行监控（指标）: one row per indicator, project and round; the indicator named as in 项目绩效指标 ([A]), the rest 模拟. */
  monitoringIndicators: {
    sheet: '绩效监控指标',
    fields: [
      f('KPI_ID', '项目绩效指标主键'),
      ...KEY,
      ...AGENCY,
      REPORT_DATE,
      f('MONITOR_MONTH', '监控月份'),
      f('KPI_LV1', '一级指标'),
      f('KPI_LV2', '二级指标'),
      f('KPI_LV3', '三级指标'),
      f('KPI_CONTENT', '指标内容'),
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

/** 一级 codes (模拟: each 财政区划 codes its own 指标体系 in [A]): both frameworks' level-1 names, 2 digits. */
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
 * place in its target (3 digits), unique within a project — as [A] builds KPI_LV3 for an indicator that
 * has no code of the province's library (its levels' codes and its order number).
 */
export function indicatorLevelCodes(level1: string, level2: string, seq: number): { level1: string; level2: string; level3: string } {
  const one = LEVEL1_CODES[level1.trim()] ?? UNKNOWN;
  const two = LEVEL2_CODES[`${level1.trim()}/${level2.trim()}`] ?? `${one}${UNKNOWN}`;
  return { level1: one, level2: two, level3: `${two}${String(seq).padStart(3, '0')}` };
}

/** A unit's own records (部门整体) have no project: the head without 项目代码. */
const DEPARTMENT_HEAD = [...KEY, ...AGENCY, REPORT_DATE].filter((field) => field.code !== 'PRO_CODE');

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
      // The projects' field (GOAL_EXE): a unit's 年度总体目标 执行情况, as its 136号 grid has it.
      f('GOAL_EXE', '年度总体目标执行情况'),
      f('REMARK', '备注'),
    ],
  },
  /** 部门整体绩效监控（指标）: one row per department-wide indicator, unit and round, with the projects' indicator fields. */
  departmentMonitoringIndicators: {
    sheet: '部门整体监控指标',
    fields: INTEGRATED_TABLES.monitoringIndicators.fields.filter((field) => field.code !== 'PRO_CODE'),
  },
} as const satisfies Record<string, IntegratedTable>;

export type IntegratedDepartmentTableName = keyof typeof INTEGRATED_DEPARTMENT_TABLES;
