// CLI commands of 结果应用: the year's proposals as text or JSON, and the list as an Excel file.
import fs from 'node:fs';
import path from 'node:path';
import { writeNewFile } from '../../db/files';
import { formatWanYuan } from '../domain/money';
import { BASE_LABELS, GRADE_SOURCE_LABELS } from '../domain/results';
import { requireOption, requireYear } from '../cli/args';
import type { CommandTable } from '../cli/command';
import { resultsWorkbook } from './excel';
import { resultsView, type ResultLine } from './proposals';

const wan = (fen: number) => formatWanYuan(fen, { grouping: false });

/** A line for scripts: amounts in 万元 as decimal strings, the grade with the record it came from. */
const lineJson = (l: ResultLine) => ({
  projectCode: l.projectCode,
  projectName: l.projectName,
  grade: l.grade,
  gradeSource: l.gradeSource,
  gradeRecordId: l.gradeRecordId,
  measure: l.measureLabel,
  baseKind: l.baseKind,
  baseWanYuan: wan(l.baseFen),
  proposedWanYuan: wan(l.proposedFen),
  recoverWanYuan: wan(l.recoverFen),
  trace: l.trace,
  decision: l.decision,
  decidedWanYuan: l.decidedFen === null ? null : wan(l.decidedFen),
});

export const resultsCommands: CommandTable = {
  'results list': {
    usage: 'results list --year 年度 [--json]',
    summary: '列出该年度结果应用清单的预算调整建议：项目编码、等级及其来源、应用措施、基数和建议安排数（万元）、收回结转结余',
    database: true,
    permission: 'view',
    run(store, { args, io }) {
      const view = resultsView(store.db, requireYear(args));
      if (args.options.has('--json')) return io.out(JSON.stringify({ year: view.year, generated: view.list !== null, lines: view.lines.map(lineJson) }, null, 2));
      if (!view.list) return io.out(`${view.year}年度的结果应用清单还没有生成（已审核的等级 ${view.gradedProjects} 个项目）`);
      io.out(['项目编码', '等级', '来源', '来源记录', '应用措施', '基数（万元）', '建议安排（万元）', '收回结转结余（万元）'].join('\t'));
      for (const l of view.lines) {
        io.out([l.projectCode, l.grade, GRADE_SOURCE_LABELS[l.gradeSource], l.gradeRecordId, l.measureLabel, `${wan(l.baseFen)}（${BASE_LABELS[l.baseKind]}）`, wan(l.proposedFen), wan(l.recoverFen)].join('\t'));
      }
    },
  },
  'results export': {
    usage: 'results export --year 年度 --out 文件.xlsx',
    summary: '把该年度的预算调整建议清单导出为 Excel 文件（不覆盖已有文件）',
    database: true,
    permission: 'view',
    run(store, { args, io }) {
      const year = requireYear(args);
      const out = path.resolve(requireOption(args, '--out', '导出的 Excel 文件路径'));
      const { bytes } = resultsWorkbook(store.db, year);
      writeNewFile(out, (partial) => fs.writeFileSync(partial, bytes), store.path);
      io.out(`已导出 ${year}年度预算调整建议清单到 ${out}`);
    },
  },
};
