// The monitoring workbook: what the budget system's execution export and the units' filled templates look
// like. One layout serves both ways: the bureau exports it per unit pre-filled with its projects and
// indicators, units fill it in Excel, and the same sheets are read back. The 预算执行 sheet alone is the
// shape of the budget system's execution export (项目编码, 资金来源, 执行数), matched by project code.
import type { Db } from '../../db/open';
import { ACCRUAL_LABELS, displayTarget, parseAccrual } from '../domain/indicators';
import { formatWanYuan } from '../domain/money';
import { DEVIATION_REASONS, LIKELIHOODS, QUALITATIVE_LEVELS, SLOW_SPENDING_REASONS } from '../domain/monitoring';
import type { IndicatorOperator } from '../domain/indicators';
import { writeWorkbook, type ColumnSpec } from '../xlsx/sheet';
import { loadSheets, requireRound } from './store';

/** Budget systems name the column after the months covered: 1-8月执行数（万元）, 1-8月累计支出（万元）… */
function monthRangeHeaders(): string[] {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return months.flatMap((m) => ['执行数', '累计执行数', '支出数', '累计支出'].map((what) => `1-${m}月${what}（万元）`));
}

export const EXECUTION_COLUMNS = [
  { key: 'code', header: '项目编码', aliases: ['项目代码'], required: true },
  { key: 'name', header: '项目名称' },
  { key: 'source', header: '资金来源' },
  { key: 'adjusted', header: '调整后预算（万元）', aliases: ['调整后预算数（万元）', '全年预算（万元）', '预算数（万元）'] },
  {
    key: 'executed',
    header: '执行数（万元）',
    aliases: ['累计执行数（万元）', '支出数（万元）', '实际支出（万元）', '执行金额（万元）', ...monthRangeHeaders()],
    required: true,
  },
  /** Optional: the budget system's export has no forecast, a unit's template does. */
  { key: 'forecast', header: '全年预计执行数（万元）', aliases: ['全年预计执行（万元）', '预计全年执行数（万元）'] },
] as const satisfies readonly ColumnSpec<string>[];

export const INDICATOR_COLUMNS = [
  { key: 'code', header: '项目编码', aliases: ['项目代码'], required: true },
  { key: 'name', header: '项目名称' },
  { key: 'seq', header: '指标序号', required: true },
  { key: 'level1', header: '一级指标' },
  { key: 'level2', header: '二级指标' },
  { key: 'indicator', header: '三级指标' },
  { key: 'target', header: '指标值' },
  /** Shown so the unit knows how its value is judged; read back never (it comes from the approved target). */
  { key: 'accrual', header: '累计方式' },
  { key: 'reached', header: '完成值', required: true },
  { key: 'expectedFullYear', header: '全年预计', aliases: ['全年预计完成值'] },
  { key: 'likelihood', header: '完成目标可能性' },
  { key: 'reasons', header: '偏差原因' },
  { key: 'reasonOther', header: '其他原因说明' },
  { key: 'measures', header: '纠偏措施' },
] as const satisfies readonly ColumnSpec<string>[];

export const PROJECT_COLUMNS = [
  { key: 'code', header: '项目编码', aliases: ['项目代码'], required: true },
  { key: 'name', header: '项目名称' },
  { key: 'budgetReasons', header: '预算执行偏差原因' },
  { key: 'budgetReasonOther', header: '预算执行其他原因说明' },
  { key: 'budgetMeasures', header: '预算执行纠偏措施' },
  { key: 'goalProgress', header: '年度总体目标执行情况' },
  { key: 'remarks', header: '备注' },
  { key: 'analysis', header: '情况分析', required: true },
] as const satisfies readonly ColumnSpec<string>[];

export const SHEET_NAMES = { execution: '预算执行', indicators: '指标完成情况', project: '项目情况' } as const;

const headers = (columns: readonly ColumnSpec<string>[]) => columns.map((c) => c.header);
const wan = (fen: number) => formatWanYuan(fen, { grouping: false });
/** Reasons as one cell, the way people type a multi-select in Excel. */
export const joinReasons = (reasons: readonly string[]) => reasons.join('、');

const INSTRUCTIONS: [string, string][] = [
  ['预算执行', '每个项目每个资金来源一行。填写截至报告月末的累计执行数（万元，最多 6 位小数）；调整后预算已按项目库预填，年中有调整的可修改。执行数不能超过调整后预算（超支的行不导入）'],
  ['指标完成情况', '每个批复指标一行，指标序号、指标值不要修改'],
  ['完成值', `定量指标填数字；定性指标填：${QUALITATIVE_LEVELS.join('、')}`],
  ['累计方式', '累计型指标（人次、公里等全年累计）按“指标值 × 报告月份 ÷ 12”判断进度；状态型指标（比率、满意度、等级、年限等）直接与指标值比较。按批复的绩效目标，不要修改'],
  ['全年预计', '定量指标填预计全年完成的数字'],
  ['完成目标可能性', LIKELIHOODS.join('、')],
  ['全年预计执行数', '预计到年底的执行数（万元），不能超过调整后预算，也不能少于已执行数；调整后预算减去全年预计即为预计结余'],
  ['偏差原因', `指标的偏差原因可多选，用“、”分隔：${DEVIATION_REASONS.join('、')}；选“其他”时请在“其他原因说明”中写明`],
  ['预算执行偏差原因', `执行进度慢的原因可多选，用“、”分隔：${SLOW_SPENDING_REASONS.join('、')}；选“其他”时请在“预算执行其他原因说明”中写明`],
  ['红灯、黄灯', '执行进度或指标进度为红灯、黄灯的，必须填写偏差原因和纠偏措施，否则不能送审'],
  ['项目情况', '每个项目一行：预算执行偏差原因和纠偏措施（执行进度为红灯、黄灯时必填），以及情况分析'],
  ['导入', '填好后由财政局在“绩效监控 → 填报”中导入；已送审或已通过的监控表不会被修改'],
];

/** 累计型 / 状态型 for a quantitative indicator, nothing for a qualitative one. */
function accrualText(operator: string, accrual: string): string {
  const kind = parseAccrual(accrual);
  return operator === '定性' || !kind ? '' : ACCRUAL_LABELS[kind];
}

/**
 * The round's workbook for one unit (or, without a unit, for the whole round), pre-filled with the
 * projects, fund sources, approved indicators and whatever has been reported so far.
 */
export function monitoringWorkbook(db: Db, roundId: string, unitCode?: string): Uint8Array {
  requireRound(db, roundId);
  const sheets = loadSheets(db, roundId, unitCode ? { unitCode } : {});
  return writeWorkbook([
    {
      name: SHEET_NAMES.execution,
      headers: headers(EXECUTION_COLUMNS),
      rows: sheets.flatMap((s) => s.funds.map((f) => [s.project.code, s.project.name, f.source, wan(f.adjustedFen), wan(f.executedFen), f.forecastFen === null ? '' : wan(f.forecastFen)])),
      widths: [16, 30, 18, 18, 16, 22],
    },
    {
      name: SHEET_NAMES.indicators,
      headers: headers(INDICATOR_COLUMNS),
      rows: sheets.flatMap((s) =>
        s.indicators.map((i) => [
          s.project.code,
          s.project.name,
          i.seq,
          i.level1,
          i.level2,
          i.name,
          displayTarget({ operator: i.operator as IndicatorOperator, value: i.target, unit: i.unit }),
          accrualText(i.operator, i.accrual),
          i.reached,
          i.expectedFullYear,
          i.likelihood,
          joinReasons(i.reasons),
          i.reasonOther,
          i.measures,
        ]),
      ),
      widths: [16, 24, 8, 12, 14, 24, 14, 10, 12, 12, 14, 24, 20, 30],
    },
    {
      name: SHEET_NAMES.project,
      headers: headers(PROJECT_COLUMNS),
      rows: sheets.map((s) => [s.project.code, s.project.name, joinReasons(s.budget.reasons), s.budget.reasonOther, s.budget.measures, s.goalProgress, s.remarks, s.analysis]),
      widths: [16, 30, 24, 20, 30, 40, 20, 40],
    },
    { name: '填写说明', headers: ['项目', '说明'], rows: INSTRUCTIONS, widths: [16, 90] },
  ]);
}
