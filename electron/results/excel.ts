// 预算调整建议清单 as an Excel workbook, the form handed to the budget section: one row per proposal with
// its trace, and the budget section's decision and next year's register beside it.
import type { Db } from '../../db/open';
import { formatWanYuan, type Fen } from '../domain/money';
import { BASE_LABELS, DECISION_LABELS, GRADE_SOURCE_LABELS } from '../domain/results';
import { AppError } from '../errors';
import { writeWorkbook } from '../xlsx/sheet';
import { resultsView } from './proposals';

const HEADERS = [
  '序号', '项目编码', '项目名称', '实施单位', '评价等级', '等级来源', '来源记录编号', '应用措施', '基数口径', '基数（万元）', '建议安排（万元）',
  '收回结转结余（万元）', '依据', '预算科意见', '意见安排数（万元）', '理由', '下年项目库安排（万元）',
] as const;

const wan = (fen: Fen | null) => (fen === null ? '' : formatWanYuan(fen, { grouping: false }));

export function resultsWorkbook(db: Db, year: number): { fileName: string; bytes: Uint8Array } {
  const view = resultsView(db, year);
  if (!view.list) throw new AppError('NOT_FOUND', `${year}年度的结果应用清单还没有生成，请先在“结果应用”中生成清单`);
  const rows = view.lines.map((l) => [
    l.seq, l.projectCode, l.projectName, l.unitName, l.grade, GRADE_SOURCE_LABELS[l.gradeSource], l.gradeRecordId, l.measureLabel, BASE_LABELS[l.baseKind],
    wan(l.baseFen), wan(l.proposedFen), wan(l.recoverFen), l.trace.join('；'), l.decision ? DECISION_LABELS[l.decision] : '未录入', wan(l.decidedFen),
    l.decisionReason, l.arrangedFen === null ? '无此项目' : wan(l.arrangedFen),
  ]);
  const bytes = writeWorkbook([
    {
      name: '预算调整建议清单',
      headers: HEADERS,
      rows,
      widths: [6, 14, 28, 22, 8, 10, 38, 14, 14, 14, 14, 16, 60, 10, 16, 30, 18],
    },
  ]);
  return { fileName: `${year}年度预算调整建议清单.xlsx`, bytes };
}
