// The per-unit Excel template of 项目支出绩效自评表: one sheet per approved project target, in the
// 财预〔2020〕10号 layout, prefilled with what the program knows (the approved indicators with their
// 年度指标值 and 分值, the budget figures, and whatever the unit already entered in a self-evaluation it
// started) and blank where the unit still reports. It comes back two ways: into the program's
// self-evaluations (templateImport.ts), or as a table filled outside for 自评复核 (excel.ts).
import * as XLSX from 'xlsx';
import { sqliteOf, type Db } from '../../../db/open';
import { adjustedFen } from '../../domain/projects';
import { percent } from '../../domain/ratio';
import { fundRowsOf, scoreText, shownTotal } from '../../domain/selfEvaluation';
import { AppError } from '../../errors';
import { requireInstallation } from '../../registry';
import { expectedGoal } from '../../domain/targets';
import { assessProjectRecord, loadSelfEvaluations, scoringRules, scoringSettingsOf, type ScoringRules, type SelfEvaluationRecord } from '../store';
import { selfEvaluationSheet, sheetName, type SheetContent } from '../tableSheet';

interface ApprovedProject {
  targetId: string;
  projectId: string;
  code: string;
  name: string;
  unitCode: string;
  unitName: string;
  departmentName: string;
}

const PROJECT_SQL = `SELECT t.id AS targetId, p.id AS projectId, p.code, p.name, p.unit_code AS unitCode, u.name AS unitName,
                            coalesce(d.name, u.name) AS departmentName
                       FROM targets t
                       JOIN projects p ON p.id = t.project_id
                       JOIN units u ON u.region_code = p.region_code AND u.code = p.unit_code
                       LEFT JOIN units d ON d.region_code = p.region_code AND d.code = p.department_code
                      WHERE t.region_code = ? AND t.year = ? AND t.kind = 'project' AND t.status = 'approved' AND t.deleted = 0 AND p.deleted = 0`;

/** The year's approved project targets, of one unit or of all, by unit and project code. */
export function approvedProjects(db: Db, year: number, unitCode?: string): ApprovedProject[] {
  const region = requireInstallation(db).region.code;
  const sql = `${PROJECT_SQL}${unitCode === undefined ? '' : ' AND p.unit_code = ?'} ORDER BY p.unit_code, p.code`;
  return sqliteOf(db).prepare(sql).all(region, year, ...(unitCode === undefined ? [] : [unitCode])) as ApprovedProject[];
}

/** A self-evaluation as its sheet shows it: the unit's entries, and the rule's rate, scores, total and grade. */
export function recordContent(record: SelfEvaluationRecord, project: ApprovedProject, rules: ScoringRules): SheetContent {
  const assessment = assessProjectRecord(record, rules);
  const shown = shownTotal(assessment);
  return {
    year: record.year,
    project: { code: project.code, name: project.name, unitCode: project.unitCode, unitName: project.unitName, departmentName: project.departmentName },
    funds: assessment.fundRows,
    executedKnown: true,
    budgetWeight: rules.budgetWeight,
    rate: `${percent(assessment.budget.rate)}%`,
    budgetScore: scoreText(assessment.budget.score),
    budgetReason: record.budgetReason,
    goalExpected: record.goalExpected,
    goalAchieved: record.goalAchieved,
    indicators: record.indicators.map((i, n) => ({
      indicatorId: i.indicatorId,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      operator: i.operator,
      value: i.targetValue,
      unit: i.unit,
      weight: i.weight,
      actual: i.actual,
      // A qualitative score is the unit's own, kept as typed so that the sheet reads back unchanged.
      score: i.operator !== '定性' && assessment.indicators[n]!.score ? scoreText(assessment.indicators[n]!.score) : i.score,
      deduction: i.deduction,
      deductionReason: i.deductionReason,
      deviationReason: i.deviationReason,
    })),
    total: shown.totalScore ?? '',
    grade: shown.grade ?? '',
    problems: record.problems,
    measures: record.measures,
  };
}

/** A target nobody has started on: the approved rows and the budget, 全年执行数 and the results blank. */
function blankContent(db: Db, year: number, project: ApprovedProject, rules: ScoringRules): SheetContent {
  const store = sqliteOf(db);
  const target = store.prepare('SELECT overall_goal AS overallGoal, annual_goals AS annualGoals FROM targets WHERE id = ?').get(project.targetId) as { overallGoal: string; annualGoals: string };
  const funds = store.prepare('SELECT source, initial_fen AS initialFen, addition_fen AS additionFen, cut_fen AS cutFen FROM project_funds WHERE project_id = ?').all(project.projectId) as {
    source: string;
    initialFen: number;
    additionFen: number;
    cutFen: number;
  }[];
  const indicators = store
    .prepare('SELECT id, level1, level2, name, operator, value, unit, weight FROM target_indicators WHERE target_id = ? ORDER BY seq')
    .all(project.targetId) as { id: string; level1: string; level2: string; name: string; operator: string; value: string; unit: string; weight: string }[];
  const none = { actual: '', score: '', deduction: '', deductionReason: '', deviationReason: '' };
  return {
    year,
    project: { code: project.code, name: project.name, unitCode: project.unitCode, unitName: project.unitName, departmentName: project.departmentName },
    funds: fundRowsOf(funds.map((f) => ({ source: f.source, initialFen: f.initialFen, adjustedFen: adjustedFen(f), executedFen: 0 })), scoringSettingsOf(rules)),
    executedKnown: false,
    budgetWeight: rules.budgetWeight,
    rate: '',
    budgetScore: '',
    budgetReason: '',
    goalExpected: expectedGoal(target),
    goalAchieved: '',
    indicators: indicators.map(({ id, ...i }) => ({ indicatorId: id, ...i, ...none })),
    total: '',
    grade: '',
    problems: '',
    measures: '',
  };
}

/** The unit's workbook for a year; refused when the unit is not registered or has no approved target. */
export function selfEvaluationTemplate(db: Db, year: number, unitCode: string): { fileName: string; bytes: Uint8Array } {
  const region = requireInstallation(db).region.code;
  const unit = sqliteOf(db).prepare('SELECT name FROM units WHERE region_code = ? AND code = ?').get(region, unitCode) as { name: string } | undefined;
  if (!unit) throw new AppError('NOT_FOUND', `单位编码 ${unitCode} 不在本县预算单位名录中，请先登记该单位`);
  const projects = approvedProjects(db, year, unitCode);
  if (projects.length === 0) {
    throw new AppError('NOT_FOUND', `${unit.name} ${year} 年没有审核通过的项目绩效目标：自评按批复的指标进行，请先完成绩效目标的填报和审核`);
  }
  const rules = scoringRules(db);
  const started = new Map(loadSelfEvaluations(db, { year }).map((r) => [r.targetId, r]));
  const book = XLSX.utils.book_new();
  const taken = new Set<string>();
  for (const project of projects) {
    const record = started.get(project.targetId);
    const content = record ? recordContent(record, project, rules) : blankContent(db, year, project, rules);
    XLSX.utils.book_append_sheet(book, selfEvaluationSheet(content), sheetName(project.code, taken));
  }
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
  return { fileName: `${year}年项目支出绩效自评表-${unit.name}.xlsx`, bytes };
}
