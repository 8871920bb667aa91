// CLI commands of 衔接资金.
import { requireYear } from '../cli/args';
import type { CommandTable } from '../cli/command';
import { INDUSTRY_VERDICT_LABELS } from '../domain/funds';
import { fundsOverview, fundsSummary } from './summary';

export const fundsCommands: CommandTable = {
  'funds summary': {
    usage: 'funds summary --year 年度 [--json]',
    summary: '衔接资金：按级次的分配数、支付数、支出进度、产业项目资金及占比、落后于序时进度的项目',
    database: true,
    permission: 'view',
    run(store, { args, io }) {
      const s = fundsSummary(fundsOverview(store.db, requireYear(args)));
      if (args.options.has('--json')) return io.out(JSON.stringify(s, null, 2));
      io.out(`${s.year} 年衔接资金：已分配 ${s.allocated} 万元，已支付 ${s.paid} 万元，支出进度 ${s.spendingProgress}%（序时进度 ${s.timeProgress}%）`);
      for (const [level, amount] of Object.entries(s.allocatedByLevel)) io.out(`  ${level}\t${amount} 万元`);
      io.out(`产业项目 ${s.industryAllocated} 万元，占比 ${s.industryShare === null ? '—' : `${s.industryShare}%`}（要求不低于 ${s.industryAim}%）：${INDUSTRY_VERDICT_LABELS[s.industryVerdict]}`);
      io.out(s.projectsBehind.length ? `落后于序时进度的项目 ${s.projectsBehind.length} 个：` : '没有落后于序时进度的项目');
      for (const p of s.projectsBehind) io.out(`  ${p.code}\t${p.name}\t${p.progress}%`);
    },
  },
};
