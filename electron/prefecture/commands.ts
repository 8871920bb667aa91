// CLI commands of 州级汇总: the year's 汇总表 for the 自治区 as an Excel file, for the prefecture's IT staff.
import fs from 'node:fs';
import path from 'node:path';
import { writeNewFile } from '../../db/files';
import { requireOption, requireYear } from '../cli/args';
import type { CommandTable } from '../cli/command';
import { prefectureSummary, summaryWorkbook } from './summary';

export const prefectureCommands: CommandTable = {
  'prefecture summary': {
    usage: 'prefecture summary --year 年度 --out 文件.xlsx',
    summary: '州级：把该年度各县的绩效目标、绩效监控、绩效评价汇总表（报自治区财政厅）导出为一个 Excel 文件（不覆盖已有文件）',
    database: true,
    permission: 'view',
    run(store, { args, io }) {
      const year = requireYear(args);
      const out = path.resolve(requireOption(args, '--out', '导出的 Excel 文件路径'));
      const summary = prefectureSummary(store, year);
      const bytes = summaryWorkbook(summary);
      writeNewFile(out, (partial) => fs.writeFileSync(partial, bytes), store.path);
      io.out(`已导出${summary.prefectureName} ${year}年度绩效汇总表（${summary.counties.length} 个县市）到 ${out}`);
    },
  },
};
