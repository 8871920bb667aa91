// The per-unit Excel template of 项目支出绩效自评表: one sheet per approved project target, in the
// 财预〔2020〕10号 layout, prefilled with what the program knows (the approved indicators with their
// 年度指标值 and 分值, the budget figures) and blank where the unit reports (实际完成值, 得分, 全年执行数).
// The reader of imported tables (excel.ts) reads it back like any table the unit filled.
import * as XLSX from 'xlsx';
import { sqliteOf, type Db } from '../../../db/open';
import { wanYuanText } from '../../domain/money';
import { adjustedFen } from '../../domain/projects';
import { add, parseDecimal, plainDecimal, ratio, type Ratio } from '../../domain/ratio';
import { FUND_ROW_LABELS, fundRowsOf, scoringSettingsFrom, type FundRowFigures } from '../../domain/selfEvaluation';
import type { TargetIndicator } from '../../domain/targets';
import { AppError } from '../../errors';
import { requireInstallation } from '../../registry';
import { settingValue } from '../../settings';
import { readContent, requireTarget } from '../../targets';

interface ApprovedProject {
  targetId: string;
  projectId: string;
  code: string;
  name: string;
  unitName: string;
  departmentName: string;
}

type Cell = string | number;

const BUDGET_WEIGHT = 10;
const WIDTH = 10;
const wan = wanYuanText;

function approvedProjects(db: Db, region: string, year: number, unitCode: string): ApprovedProject[] {
  return sqliteOf(db)
    .prepare(
      `SELECT t.id AS targetId, p.id AS projectId, p.code, p.name, u.name AS unitName, coalesce(d.name, u.name) AS departmentName
         FROM targets t
         JOIN projects p ON p.id = t.project_id
         JOIN units u ON u.region_code = p.region_code AND u.code = p.unit_code
         LEFT JOIN units d ON d.region_code = p.region_code AND d.code = p.department_code
        WHERE t.region_code = ? AND t.year = ? AND t.kind = 'project' AND t.status = 'approved' AND t.deleted = 0
          AND p.deleted = 0 AND p.unit_code = ?
        ORDER BY p.code`,
    )
    .all(region, year, unitCode) as ApprovedProject[];
}

function fundRows(db: Db, projectId: string): FundRowFigures[] {
  const funds = sqliteOf(db)
    .prepare('SELECT source, initial_fen AS initialFen, addition_fen AS additionFen, cut_fen AS cutFen FROM project_funds WHERE project_id = ?')
    .all(projectId) as { source: string; initialFen: number; additionFen: number; cutFen: number }[];
  const settings = scoringSettingsFrom((key) => settingValue(db, key));
  return fundRowsOf(funds.map((f) => ({ source: f.source, initialFen: f.initialFen, adjustedFen: adjustedFen(f), executedFen: 0 })), settings);
}

/** The rows and merges of one project's sheet; the merges follow the annex's printed form. */
function projectSheet(year: number, unitCode: string, project: ApprovedProject, funds: FundRowFigures[], indicators: readonly TargetIndicator[]): XLSX.WorkSheet {
  const merge = (r1: number, c1: number, r2: number, c2: number): XLSX.Range => ({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } });
  const rows: Cell[][] = [
    ['项目支出绩效自评表'],
    [`（${year}年度）`],
    ['项目名称', project.name, '', '', '', '', '项目编码', project.code],
    ['主管部门', project.departmentName, '', '', '实施单位', project.unitName, '', '单位编码', unitCode],
    ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ...funds.map((f) =>
      f.row === 'total'
        ? ['', '年度资金总额', wan(f.initialFen), wan(f.adjustedFen), '', BUDGET_WEIGHT, '', '']
        : ['', f.row === 'appropriation' ? `其中：${FUND_ROW_LABELS[f.row]}` : FUND_ROW_LABELS[f.row], wan(f.initialFen), wan(f.adjustedFen), '', '—', '', '—'],
    ),
    ['年度总体目标', '预期目标', '', '', '', '实际完成情况'],
    ['', '', '', '', '', ''],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '指标性质', '年度指标值', '度量单位', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ];
  const goalRow = rows.length - 3;
  const merges = [merge(0, 0, 0, WIDTH), merge(1, 0, 1, WIDTH), merge(2, 1, 2, 5), merge(4, 0, 4 + funds.length, 0), merge(goalRow, 0, goalRow + 1, 0)];
  merges.push(merge(goalRow, 1, goalRow, 4), merge(goalRow + 1, 1, goalRow + 1, 4), merge(goalRow, 5, goalRow, WIDTH), merge(goalRow + 1, 5, goalRow + 1, WIDTH));
  const first = rows.length;
  for (const i of indicators) rows.push(['', i.level1, i.level2, i.name, i.operator, i.value, i.unit, '', i.weight, '', '']);
  if (indicators.length > 0) merges.push(merge(first - 1, 0, rows.length - 1, 0));
  const weights = indicators.map((i) => parseDecimal(i.weight));
  const total = weights.every((w) => w !== null) ? plainDecimal(weights.reduce<Ratio>((sum, w) => add(sum, w!), ratio(BUDGET_WEIGHT))) : '';
  rows.push(['总分', '', '', '', '', '', '', '', total, '']);
  merges.push(merge(rows.length - 1, 0, rows.length - 1, 7));
  rows.push(['评价等级', '']);
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = merges;
  sheet['!cols'] = [8, 14, 14, 22, 8, 14, 10, 14, 8, 8, 30].map((wch) => ({ wch }));
  return sheet;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(code: string, taken: Set<string>): string {
  const base = code.replace(/[:\\/?*[\]]/g, '_').slice(0, 28) || '项目';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

/** The unit's workbook for a year; refused when the unit is not registered or has no approved target. */
export function selfEvaluationTemplate(db: Db, year: number, unitCode: string): { fileName: string; bytes: Uint8Array } {
  const region = requireInstallation(db).region.code;
  const unit = sqliteOf(db).prepare('SELECT name FROM units WHERE region_code = ? AND code = ?').get(region, unitCode) as { name: string } | undefined;
  if (!unit) throw new AppError('NOT_FOUND', `单位编码 ${unitCode} 不在本县预算单位名录中，请先登记该单位`);
  const projects = approvedProjects(db, region, year, unitCode);
  if (projects.length === 0) {
    throw new AppError('NOT_FOUND', `${unit.name} ${year} 年没有审核通过的项目绩效目标：自评按批复的指标进行，请先完成绩效目标的填报和审核`);
  }
  const book = XLSX.utils.book_new();
  const taken = new Set<string>();
  for (const project of projects) {
    const indicators = readContent(db, requireTarget(db, project.targetId)).indicators;
    XLSX.utils.book_append_sheet(book, projectSheet(year, unitCode, project, fundRows(db, project.projectId), indicators), sheetName(project.code, taken));
  }
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
  return { fileName: `${year}年项目支出绩效自评表-${unit.name}.xlsx`, bytes };
}
