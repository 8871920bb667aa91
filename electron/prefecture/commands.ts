// CLI commands of 州级汇总: the year's 汇总表 for the 自治区 as an Excel file, for the prefecture's IT staff.
import fs from 'node:fs';
import path from 'node:path';
import { writeNewFile } from '../../db/files';
import { requireOption, UsageError } from '../cli/args';
import type { CommandTable } from '../cli/command';
import { prefectureSummary, summaryWorkbook } from './summary';

export const prefectureCommands: CommandTable = {
  'prefecture summary': {
    usage: 'prefecture summary --year 年度 --out 文件.xlsx',
    summary: '州级：把该年度各县的绩效目标、绩效监控、绩效评价汇总表（报自治区财政厅）导出为一个 Excel 文件（不覆盖已有文件）',
    database: true,
    run(store, { args, io }) {
      const text = requireOption(args, '--year', '年度，例如 --year 2020');
      const year = Number(text);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`年度“${text}”不正确，应为 2000–2100 之间的整数`);
      const out = path.resolve(requireOption(args, '--out', '导出的 Excel 文件路径'));
      const summary = prefectureSummary(store, year);
      const bytes = summaryWorkbook(summary);
      writeNewFile(out, (partial) => fs.writeFileSync(partial, bytes), store.path);
      io.out(`已导出${summary.prefectureName} ${year}年度绩效汇总表（${summary.counties.length} 个县市）到 ${out}`);
    },
  },
};
