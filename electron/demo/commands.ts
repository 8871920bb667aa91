// CLI: `jixiao --db 示例.db demo --region 652822 --year 2020` makes a sample database of that county
// and fills it with the sample county (示例数据). A real database is refused, as in the app.
// `jixiao --db 大县.db generate --scale big-county --years 3` makes a new database as large as the ones the
// software is designed for, to measure it (npm run bench); progress on stderr, the JSON summary on stdout.
import path from 'node:path';
import { SYSTEM_ACTOR } from '../audit/audit';
import { optionText, requireOption, UsageError, type ParsedArgs } from '../cli/args';
import type { CommandTable } from '../cli/command';
import { WORKFLOW_LABELS } from '../domain/workflow';
import { currentInstallation } from '../registry';
import { generateDemoCounty, type DemoSummary } from './generate';
import { generateScale, SCALES, type CountyScale, type Scale } from './generateScale';
import { DEMO_ROUND_MONTHS } from './monitoring';
import { setUpSampleDatabase } from './sampleDatabase';

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${name} “${text}”不正确，应为 ${min}–${max} 之间的整数`);
  return value;
}

function scaleNamed(option: string, text: string, allowed: readonly Scale[]): Scale {
  if (!allowed.includes(text as Scale)) throw new UsageError(`${option} “${text}”不正确，可选：${allowed.join('、')}`);
  return text as Scale;
}

/** A whole-number option, or its default when not given. */
const numberOption = (args: ParsedArgs, option: string, name: string, fallback: number, min: number, max: number) => {
  const text = optionText(args, option);
  return text === undefined ? fallback : wholeNumber(name, text, min, max);
};

const byState = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([state, n]) => `${WORKFLOW_LABELS[state as keyof typeof WORKFLOW_LABELS]} ${n} 个`)
    .join('、');

export function describeDemo(summary: DemoSummary): string {
  const states = byState(summary.projectTargets);
  return [
    `已生成 ${summary.year} 年度示例数据（虚构，随机种子 ${summary.seed}）：`,
    `  预算单位 ${summary.units} 个，其中主管部门 ${summary.departments} 个`,
    `  项目 ${summary.projects} 个（来自指标库 ${summary.projectTypes} 个项目类型），其中重点项目 ${summary.keyProjects} 个、衔接资金项目 ${summary.povertyFundProjects} 个、涉密项目 ${summary.confidentialProjects} 个`,
    `  项目支出绩效目标：${states}`,
    `  部门整体支出绩效目标 ${summary.departmentTargets} 个，绩效指标共 ${summary.targetIndicators} 条`,
    `  绩效运行监控 ${summary.monitoring.rounds} 轮（${DEMO_ROUND_MONTHS.join('、')} 月），最后一轮监控表：${byState(summary.monitoring.lastRound)}`,
    `  项目支出绩效自评表：${byState(summary.selfEvaluations)}`,
    `  单位在 Excel 中填报的自评表 ${summary.selfEvaluationReviews.tables.length} 张（待复核 ${summary.selfEvaluationReviews.pending} 张、已退回 ${summary.selfEvaluationReviews.returned} 张）`,
    `  衔接资金：项目 ${summary.funds.projects} 个，资金文件 ${summary.funds.documents} 份，支付 ${summary.funds.payments} 笔`,
    `  整改通知 ${summary.rectifications.notices} 件（逾期 ${summary.rectifications.overdue} 件，已记录问责措施 ${summary.rectifications.measures} 件）`,
  ].join('\n');
}

export const demoCommands: CommandTable = {
  generate: {
    usage: 'generate --scale county|big-county|prefecture --db 新文件 [--years 年数] [--seed 整数] [--counties 1–9] [--county-scale county|big-county] [--force]',
    summary:
      '生成用于测试规模和速度的虚构数据库（须用 --db 指定新文件）：county 为示例县，big-county 为 1000 个单位、1500 个项目的大县，prefecture 为巴音郭楞州及其各县（各县经真实数据包导入）；同一随机种子生成相同的数据；--force 只会替换以前生成的测试数据库，正式数据库一律拒绝',
    database: false,
    run({ args, io }) {
      const scale = scaleNamed('--scale', requireOption(args, '--scale', `规模，可选：${SCALES.join('、')}`), SCALES);
      const file = optionText(args, '--db');
      if (!file) throw new UsageError('生成的测试数据须用 --db 指定一个新的数据库文件（例如 --db 大县.db），本机的正式数据库不会被使用');
      const years = numberOption(args, '--years', '年数', 1, 1, 20);
      const seed = numberOption(args, '--seed', '随机种子', 1, 0, 2 ** 31 - 1);
      const countyText = optionText(args, '--county-scale');
      const countiesText = optionText(args, '--counties');
      if (scale !== 'prefecture' && (countyText !== undefined || countiesText !== undefined)) throw new UsageError('--counties 和 --county-scale 只用于 --scale prefecture');
      const summary = generateScale(SYSTEM_ACTOR, {
        scale,
        file: path.resolve(file),
        years,
        seed,
        force: args.options.has('--force'),
        ...(countiesText === undefined ? {} : { counties: wholeNumber('县市个数', countiesText, 1, 9) }),
        ...(countyText === undefined ? {} : { countyScale: scaleNamed('--county-scale', countyText, ['county', 'big-county']) as CountyScale }),
        progress: io.err,
      });
      io.out(JSON.stringify(summary));
    },
  },
  demo: {
    usage: 'demo --year 年度 [--region 县级区划代码] [--seed 整数] [--json]',
    summary: '新建示例数据库（--db 指向新文件并给出 --region）并生成一个虚构县的示例数据（单位、项目、绩效目标、三轮监控、年末自评和待复核的 Excel 自评表），便于熟悉软件；正式数据库会被拒绝',
    database: true,
    permission: 'enter',
    run(store, { args, io }) {
      const year = wholeNumber('年度', requireOption(args, '--year', '例如 2020'), 2000, 2100);
      const seedText = optionText(args, '--seed');
      const seed = seedText === undefined ? undefined : wholeNumber('随机种子', seedText, 0, 2 ** 31 - 1);
      if (!currentInstallation(store.db)) {
        // The app's own database, even while still empty, is meant for real data.
        if (!optionText(args, '--db')) throw new UsageError('示例数据库须用 --db 指定一个单独的文件（例如 --db 示例.db），本机的正式数据库不会用作示例');
        const regionCode = requireOption(args, '--region', '新的示例数据库须指定县级区划代码，例如 652822');
        setUpSampleDatabase(store.db, SYSTEM_ACTOR, { regionCode, operatorName: '示例操作员' });
      }
      const summary = generateDemoCounty(store.db, SYSTEM_ACTOR, { year, seed });
      io.out(args.options.has('--json') ? JSON.stringify(summary, null, 2) : describeDemo(summary));
    },
  },
};
