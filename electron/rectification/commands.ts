// CLI commands of 整改问责.
import { optionText, UsageError } from '../cli/args';
import type { CommandTable } from '../cli/command';
import { SYSTEM_ACTOR } from '../audit/audit';
import { DEADLINE_LABELS } from '../domain/monitoring';
import { RECTIFICATION_LABELS, RECTIFICATION_SOURCE_LABELS } from '../domain/rectification';
import { year as yearSchema } from '../ipc/schema';
import { listRectifications } from './views';

export const rectificationCommands: CommandTable = {
  'rectification list': {
    usage: 'rectification list [--year 年度] [--overdue] [--json]',
    summary: '列出整改通知：编号、来源及记录、单位、整改期限、状态、逾期天数（--overdue 只列逾期未通过的）',
    database: true,
    permission: 'view',
    run(store, { args, io }) {
      const yearText = optionText(args, '--year');
      const year = yearText === undefined ? undefined : yearSchema.safeParse(Number(yearText));
      if (year && !year.success) throw new UsageError(`年度“${yearText}”不正确，应为 2000–2100 之间的整数`);
      const { notices } = listRectifications(store.db, SYSTEM_ACTOR, { year: year?.data, overdue: args.options.has('--overdue') });
      const rows = notices.map((n) => ({
        number: n.number,
        source: n.source,
        sourceLabel: n.sourceLabel,
        sourceId: n.sourceId,
        unitCode: n.unitCode,
        unitName: n.unitName,
        deadline: n.deadline,
        status: n.status,
        daysOverdue: n.daysOverdue,
      }));
      if (args.options.has('--json')) return io.out(JSON.stringify(rows, null, 2));
      if (notices.length === 0) return io.out(args.options.has('--overdue') ? '没有逾期未通过的整改通知' : '还没有整改通知');
      for (const n of notices) {
        const late = n.daysOverdue > 0 ? `逾期 ${n.daysOverdue} 天` : n.deadlineState === 'done' ? '已完成' : DEADLINE_LABELS[n.deadlineState];
        io.out([n.number, RECTIFICATION_SOURCE_LABELS[n.source], n.sourceLabel, `${n.unitName}（${n.unitCode}）`, n.deadline, RECTIFICATION_LABELS[n.status], late].join('\t'));
      }
    },
  },
};
