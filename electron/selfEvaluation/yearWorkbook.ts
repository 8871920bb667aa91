// The year's 项目支出绩效自评表 as one workbook: a 汇总 sheet (unit, project, state, execution rate, total,
// grade), then every table in the 财预〔2020〕10号 layout with the unit's actuals and the rule's scores.
// Disclosure (决算公开) writes the same workbook over the approved, non-confidential ones.
import * as XLSX from 'xlsx';
import type { Db } from '../../db/open';
import { percent } from '../domain/ratio';
import { shownTotal } from '../domain/selfEvaluation';
import { WORKFLOW_LABELS } from '../domain/workflow';
import { AppError } from '../errors';
import { approvedProjects, recordContent } from './review/template';
import { assessRecord, loadSelfEvaluations, scoringRules, type SelfEvaluationRecord } from './store';
import { selfEvaluationSheet, sheetName } from './tableSheet';

const SUMMARY = '汇总';
const SUMMARY_HEADERS = ['序号', '单位编码', '实施单位', '项目编码', '项目名称', '自评状态', '预算执行率', '总分', '评价等级'];

/** Each record's 10号 sheet with its project code. */
export function tableSheets(db: Db, year: number, records: readonly SelfEvaluationRecord[]): { code: string; sheet: XLSX.WorkSheet }[] {
  const rules = scoringRules(db);
  const projects = new Map(approvedProjects(db, year).map((p) => [p.targetId, p]));
  return records.map((record) => {
    // A target adjusted since (no longer approved as it stood) keeps the names the record carries.
    const project = projects.get(record.targetId) ?? {
      targetId: record.targetId,
      projectId: record.project.id,
      code: record.projectCode,
      name: record.project.name,
      unitCode: record.project.unitCode,
      unitName: record.project.unitName,
      departmentName: record.project.unitName,
    };
    return { code: record.projectCode, sheet: selfEvaluationSheet(recordContent(record, project, rules)) };
  });
}

/** The summary and one sheet per table, in the order given (by unit, then project). */
export function selfEvaluationTablesWorkbook(db: Db, year: number, records: readonly SelfEvaluationRecord[]): Uint8Array {
  const rules = scoringRules(db);
  const book = XLSX.utils.book_new();
  const taken = new Set([SUMMARY]);
  const summary = records.map((record, n) => {
    const assessment = assessRecord(record, rules);
    const { totalScore, grade } = shownTotal(assessment);
    const { project } = record;
    return [n + 1, project.unitCode, project.unitName, record.projectCode, project.name, WORKFLOW_LABELS[record.status], `${percent(assessment.budget.rate)}%`, totalScore ?? '未完成', grade ?? ''];
  });
  const summarySheet = XLSX.utils.aoa_to_sheet([[`${year}年度项目支出绩效自评汇总表`], SUMMARY_HEADERS, ...summary]);
  summarySheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: SUMMARY_HEADERS.length - 1 } }];
  summarySheet['!cols'] = [6, 10, 24, 16, 30, 10, 12, 8, 10].map((wch) => ({ wch }));
  XLSX.utils.book_append_sheet(book, summarySheet, SUMMARY);
  for (const { code, sheet } of tableSheets(db, year, records)) XLSX.utils.book_append_sheet(book, sheet, sheetName(code, taken));
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}

/** Every self-evaluation of the year, whatever its state; refused when there is none yet. */
export function yearSelfEvaluationWorkbook(db: Db, year: number): { fileName: string; bytes: Uint8Array } {
  const records = loadSelfEvaluations(db, { year });
  if (records.length === 0) throw new AppError('NOT_FOUND', `${year} 年还没有自评表：请先在列表中开始自评，或导入单位填好的自评模板`);
  return { fileName: `${year}年项目支出绩效自评表.xlsx`, bytes: selfEvaluationTablesWorkbook(db, year, records) };
}
