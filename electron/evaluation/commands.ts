// CLI commands of 绩效评价.
import { requireOption, UsageError } from '../cli/args';
import type { CommandTable } from '../cli/command';
import { EVALUATION_KIND_LABELS } from '../domain/evaluation';
import { WORKFLOW_LABELS } from '../domain/workflow';
import { listEvaluations } from './evaluations';

function yearOption(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`年度“${text}”不正确，应为 2000–2100 之间的整数`);
  return year;
}

export const evaluationCommands: CommandTable = {
  'evaluation list': {
    usage: 'evaluation list --year 年度 [--json]',
    summary: '列出该年度的部门评价和财政评价：类型、项目编码、模板版本、总分、等级和状态',
    database: true,
    permission: 'view',
    run(store, { args, io }) {
      const year = yearOption(requireOption(args, '--year', '评价年度，例如 --year 2020'));
      const rows = listEvaluations(store.db, { year }).map((row) => ({
        kind: row.kind,
        projectCode: row.subjectCode,
        template: row.templateName,
        templateVersion: row.templateVersion,
        total: row.totalScore,
        grade: row.grade,
        status: row.status,
      }));
      if (args.options.has('--json')) return io.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return io.out(`${year} 年还没有绩效评价`);
      for (const row of rows) {
        io.out([EVALUATION_KIND_LABELS[row.kind], row.projectCode, `${row.template} 第 ${row.templateVersion} 版`, row.total ?? '—', row.grade ?? '—', WORKFLOW_LABELS[row.status]].join('\t'));
      }
    },
  },
};
