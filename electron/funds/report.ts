// The county view of 衔接资金 as a workbook: the figures the bureau hands on, one table per sheet.
import { FUND_CATEGORIES, INDUSTRY_VERDICT_LABELS } from '../domain/funds';
import { formatWanYuan } from '../domain/money';
import { writeWorkbook } from '../xlsx/sheet';
import type { FundsOverview } from './summary';

const wan = (fen: number) => formatWanYuan(fen, { grouping: false });

export function overviewWorkbook(o: FundsOverview): Uint8Array {
  return writeWorkbook([
    {
      name: '按文件',
      headers: ['文号', '级次', '发文日期', '文件金额（万元）', '已分配（万元）', '已支付（万元）'],
      rows: [...o.documents.map((d) => [d.docNumber, d.level, d.issuedOn, wan(d.amountFen), wan(d.allocatedFen), wan(d.paidFen)]), ['未注明文件的支付', '', '', '', '', wan(o.unattributedPaidFen)]],
      widths: [28, 8, 12, 16, 16, 16],
    },
    {
      name: '按级次',
      headers: ['级次', '文件金额（万元）', '已分配（万元）', '已支付（万元）'],
      rows: o.levels.map((l) => [l.level, wan(l.amountFen), wan(l.allocatedFen), wan(l.paidFen)]),
      widths: [10, 16, 16, 16],
    },
    {
      name: '产业占比',
      headers: ['项目', '数值'],
      rows: [
        ['产业项目分配资金（万元）', wan(o.industry.industryFen)],
        ['衔接资金分配合计（万元）', wan(o.industry.totalFen)],
        ['产业占比（%）', o.industry.share ?? ''],
        ['政策要求不低于（%）', o.industry.aim],
        ['结论', INDUSTRY_VERDICT_LABELS[o.industry.verdict]],
        ['序时进度（%）', o.timeProgress],
        ['支出进度（%）', o.totals.progress],
      ],
      widths: [28, 16],
    },
    {
      name: '项目',
      headers: ['项目编码', '项目名称', '实施单位', '类别', '已分配（万元）', '已支付（万元）', '支出进度（%）', '落后序时进度', ...['目标设定', '运行监控', '绩效自评', '资金支付监管']],
      rows: o.projects.map((p) => [p.code, p.name, p.unitName, p.category ?? `未分类（${FUND_CATEGORIES.join('/')}）`, wan(p.allocatedFen), wan(p.paidFen), p.progress, p.behind ? '是' : '否', ...p.stages.map((s) => s.detail)]),
      widths: [14, 30, 24, 12, 14, 14, 12, 12, 18, 18, 18, 22],
    },
  ]);
}
