// CLI commands of 绩效运行监控: the light calculator, and the year's 一体化 export.
import fs from 'node:fs';
import path from 'node:path';
import { writeNewFile } from '../../db/files';
import { optionText, requireOption, UsageError, type ParsedArgs } from '../cli/args';
import type { CommandTable } from '../cli/command';
import { calcMonitor, parseCalcJson } from './calc';
import { integratedWorkbook } from './integrated';

function integratedYear(args: ParsedArgs): number {
  const text = requireOption(args, '--year', '年度，例如 --year 2020');
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`年度“${text}”不正确，应为 2000–2100 之间的整数`);
  return year;
}

export const monitoringCommands: CommandTable = {
  'calc monitor': {
    usage: 'calc monitor < 输入.json',
    summary: '按监控规则计算序时进度、执行率和红黄绿蓝灯：从标准输入读 JSON，向标准输出写 JSON（不需要数据库）',
    database: false,
    async run({ io }) {
      io.out(JSON.stringify(calcMonitor(parseCalcJson(await io.readStdin())), null, 2));
    },
  },
  'export integrated': {
    usage: 'export integrated --year 年度 --out 文件.xlsx [--date 报送日期]',
    summary: '按预算管理一体化绩效数据字段（模拟，需与自治区模板核对）导出该年度已批复的项目绩效目标、指标和各轮监控情况（不覆盖已有文件）',
    database: true,
    permission: 'view',
    run(store, { args, io }) {
      const year = integratedYear(args);
      const out = path.resolve(requireOption(args, '--out', '导出的 Excel 文件路径'));
      const bytes = integratedWorkbook(store.db, year, optionText(args, '--date'));
      writeNewFile(out, (partial) => fs.writeFileSync(partial, bytes), store.path);
      io.out(`已导出 ${year}年度绩效数据（一体化格式）到 ${out}`);
    },
  },
};
