// 示例数据: fills an empty sample county database (never a real one, see sampleDatabase.ts) with the
// synthetic sample county of plan.ts, so that a new user sees a realistic county (domain.md §1 sizes).
// Everything is written in one transaction with prepared statements; the audit log records it as
// fictitious, which is also how the app knows that sample data is present.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { countRows, sqliteOf, type Db } from '../../db/open';
import { auditLog, projects, units } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { ROLE_LABELS } from '../domain/registry';
import { WORKFLOW_STATES, type WorkflowState } from '../domain/workflow';
import { AppError } from '../errors';
import { addMandatory, listMandatory, mandatoryFor, seedStarterLibrary } from '../library';
import { requireInstallation } from '../registry';
import { settingValue } from '../settings';
import { projectTypeOptions, suggestedTargetIndicators, frameworkFor } from '../targets';
import { planDemoCounty, type CountySize, type DemoPlan, type LibraryType, type PlannedTarget, type PreviousProject } from './plan';
import { seededRandom } from './random';
import { isSampleDatabase, requireSampleDatabase } from './sampleDatabase';
import { unitsFillingInExcel, writeDemoExternalTables, type DemoExternalTables } from './externalTables';
import { writeDemoEvaluations, type DemoEvaluationsSummary } from './evaluations';
import { writeDemoFunds, type DemoFundsSummary } from './funds';
import { writeDemoMonitoring, type DemoMonitoringSummary } from './monitoring';
import { writeDemoRectifications, type DemoRectificationsSummary } from './rectifications';
import { writeDemoSelfEvaluations } from './selfEvaluations';

export const DEMO_ACTION = '生成示例数据（虚构）';
const DEMO_ENTITY = 'demo';

export interface DemoOptions {
  year: number;
  /** The same seed gives the same county; the year by default. */
  seed?: number;
  /** A county larger than the sample (jixiao generate --scale); the sample county's size by default. */
  size?: CountySize;
}

export interface DemoSummary {
  year: number;
  seed: number;
  units: number;
  departments: number;
  projects: number;
  keyProjects: number;
  povertyFundProjects: number;
  confidentialProjects: number;
  /** Project targets by workflow state. */
  projectTargets: Record<WorkflowState, number>;
  departmentTargets: number;
  targetIndicators: number;
  /** Library types the projects were drawn from. */
  projectTypes: number;
  /** The May, August and November monitoring rounds, with the last one's sheets by state. */
  monitoring: DemoMonitoringSummary;
  /** Year-end self-evaluations of approved project targets, by workflow state. */
  selfEvaluations: Record<WorkflowState, number>;
  /** Tables filled in Excel by a few units and imported for 自评复核, with the breaks planted in them. */
  selfEvaluationReviews: DemoExternalTables;
  /** 衔接资金: the fund projects given documents, categories, beneficiaries and payments. */
  funds: DemoFundsSummary;
  /** 专家库, 第三方机构, the 财政评价 plan and the evaluations carried out. */
  evaluations: DemoEvaluationsSummary;
  /** 整改问责: notices from the rounds, a self-evaluation and a spot check, in every state along the chain. */
  rectifications: DemoRectificationsSummary;
}

export interface DemoStatus {
  /** True once sample data was generated here: the app then labels everything as 示例数据. */
  present: boolean;
  years: number[];
  /** This is a sample database (marked when it was made), whether or not it has sample data yet. */
  sample: boolean;
}

export function demoStatus(db: Db): DemoStatus {
  const rows = db.select({ naturalKey: auditLog.naturalKey }).from(auditLog).where(and(eq(auditLog.entity, DEMO_ENTITY), eq(auditLog.action, DEMO_ACTION))).all();
  const years = [...new Set(rows.map((r) => Number(r.naturalKey.split('/')[1])))].sort();
  return { present: rows.length > 0, years, sample: isSampleDatabase(db) };
}

/**
 * The sample's projects of the year before by the slot they were planned for (the last five digits of the
 * code the sample gave them, kept when a project continues), so this year's 延续 projects can carry them on.
 */
function previousProjects(db: Db, regionCode: string, year: number): Map<number, PreviousProject> {
  const rows: PreviousProject[] = db
    .select({ code: projects.code, name: projects.name, projectTypeCode: projects.projectTypeCode, startDate: projects.startDate })
    .from(projects)
    .where(and(eq(projects.regionCode, regionCode), eq(projects.year, year - 1), eq(projects.deleted, false)))
    .all();
  const slotOf = (code: string) => (code.startsWith(regionCode) && /^\d{5}$/.test(code.slice(-5)) ? Number(code.slice(-5)) - 1 : -1);
  return new Map(rows.filter((r) => slotOf(r.code) >= 0).map((r) => [slotOf(r.code), r]));
}

/** Each library type with the accepted indicators a target form would be offered for it. */
export const readLibrary = (db: Db): LibraryType[] => projectTypeOptions(db).map((type) => ({ ...type, indicators: suggestedTargetIndicators(db, type.code) }));

/** The sample's 衔接资金 固化指标 (from the starter library), set once: every 衔接资金 project carries them. */
const POVERTY_MANDATORY = ['XC01-002', 'XC01-004'] as const; // 带动脱贫户和监测户户数, 衔接资金用于产业发展比例

function setPovertyMandatory(db: Db, actor: Actor): void {
  const set = new Set(listMandatory(db).filter((e) => e.scope === 'fund' && e.scopeCode === 'poverty').map((e) => e.indicatorCode));
  for (const indicatorCode of POVERTY_MANDATORY) {
    if (!set.has(indicatorCode)) addMandatory(db, actor, { scope: 'fund', scopeCode: 'poverty', indicatorCode, operator: '≥' });
  }
}

/**
 * Refuses anything but a sample county database without units (or, after an earlier sample, without
 * this year).
 */
function requireEmptyCounty(db: Db, year: number): { regionCode: string; countyName: string; unitsExist: boolean } {
  const { region, role } = requireInstallation(db);
  if (role !== 'county') {
    throw new AppError('CONFLICT', `示例数据是一个虚构的县，只能在县级财政局的数据库中生成；本机是${ROLE_LABELS[role]}（${region.name}）`);
  }
  requireSampleDatabase(db);
  const unitCount = countRows(db, units, and(eq(units.regionCode, region.code), eq(units.deleted, false)));
  const projectCount = countRows(db, projects, and(eq(projects.regionCode, region.code), eq(projects.year, year), eq(projects.deleted, false)));
  if (projectCount > 0) {
    throw new AppError('CONFLICT', `本数据库已有 ${year} 年度的 ${projectCount} 个项目，示例数据不会覆盖已有数据。请换一个年度，或新建一个数据库后再生成`);
  }
  if (unitCount > 0 && !demoStatus(db).present) {
    throw new AppError(
      'CONFLICT',
      `本数据库已登记 ${unitCount} 个预算单位，示例数据只能生成在空的数据库中，以免与真实数据混在一起。请新建一个示例数据库（例如 jixiao --db 示例.db demo --region ${region.code} --year ${year}）后再生成`,
    );
  }
  return { regionCode: region.code, countyName: region.name, unitsExist: unitCount > 0 };
}

function writePlan(db: Db, plan: DemoPlan, context: { regionCode: string; year: number; writeUnits: boolean }): number {
  const sqlite = sqliteOf(db);
  const insertUnit = sqlite.prepare('INSERT INTO units (id, region_code, code, name, department_code, is_department) VALUES (?, ?, ?, ?, ?, ?)');
  const insertProject = sqlite.prepare(
    `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code, category, attribute, key_project, poverty_fund,
       confidential, project_type_code, start_date, end_date, person_in_charge) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFund = sqlite.prepare('INSERT INTO project_funds (project_id, source, initial_fen, addition_fen, cut_fen) VALUES (?, ?, ?, ?, ?)');
  const insertTarget = sqlite.prepare(
    `INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status, overall_goal, annual_goals, review_grade, review_opinion,
       submitted_at, decided_at, basic_fen, project_fen, fiscal_fen, other_fen, functions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertIndicator = sqlite.prepare(
    `INSERT INTO target_indicators (id, target_id, seq, level1, level2, name, operator, value, unit, definition, basis, weight, library_code, accrual)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMidterm = sqlite.prepare(
    `INSERT INTO target_midterm_indicators (id, target_id, seq, level1, level2, name, operator, value, unit, definition, basis, weight, library_code, accrual)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const writeAnnex = sqlite.prepare(
    `UPDATE targets SET midterm_goal = ?, midterm_fiscal_fen = ?, midterm_other_fen = ?, annual_fiscal_fen = ?, annual_other_fen = ?, project_basis = ?, schedule = ?,
       contact_person = ?, contact_phone = ? WHERE id = ?`,
  );
  const insertTask = sqlite.prepare(
    'INSERT INTO department_tasks (id, target_id, seq, function, task, content, project_codes, amount_fen, fiscal_fen, other_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const { regionCode, year } = context;
  let indicators = 0;

  const writeTarget = (target: PlannedTarget, kind: 'project' | 'department', ownerCode: string, projectId: string | null, budget: (number | string | null)[]) => {
    const id = randomUUID();
    insertTarget.run(id, regionCode, year, kind, ownerCode, projectId, target.status, target.overallGoal, JSON.stringify(target.annualGoals), target.reviewGrade, target.reviewOpinion, target.submittedAt, target.decidedAt, ...budget);
    target.indicators.forEach((i, index) => insertIndicator.run(randomUUID(), id, index + 1, i.level1, i.level2, i.name, i.operator, i.value, i.unit, i.definition, i.basis, i.weight, i.libraryCode, i.accrual));
    indicators += target.indicators.length;
    return id;
  };

  if (context.writeUnits) for (const u of plan.units) insertUnit.run(randomUUID(), regionCode, u.code, u.name, u.departmentCode, u.isDepartment ? 1 : 0);
  for (const p of plan.projects) {
    const id = randomUUID();
    insertProject.run(id, regionCode, year, p.code, p.name, p.departmentCode, p.unitCode, p.category, p.attribute, +p.keyProject, +p.povertyFund, +p.confidential, p.projectTypeCode, p.startDate, p.endDate, p.personInCharge);
    for (const f of p.funds) insertFund.run(id, f.source, f.initialFen, f.additionFen, f.cutFen);
    const targetId = writeTarget(p.target, 'project', p.code, id, [null, null, null, null, null]);
    const a = p.annex;
    writeAnnex.run(a.midtermGoal, a.midtermFunds?.fiscalFen ?? null, a.midtermFunds?.otherFen ?? null, a.annualFunds?.fiscalFen ?? null, a.annualFunds?.otherFen ?? null,
      a.projectBasis, JSON.stringify(a.schedule), a.contactPerson, a.contactPhone, targetId);
    a.midtermIndicators.forEach((i, index) => insertMidterm.run(randomUUID(), targetId, index + 1, i.level1, i.level2, i.name, i.operator, i.value, i.unit, i.definition, i.basis, i.weight, i.libraryCode, i.accrual));
  }
  for (const d of plan.departmentTargets) {
    const id = writeTarget(d, 'department', d.unitCode, null, [d.basicFen, d.projectFen, d.fiscalFen, d.otherFen, d.functions]);
    d.tasks.forEach((t, index) => insertTask.run(randomUUID(), id, index + 1, t.function, t.task, t.content ?? '', JSON.stringify(t.projectCodes), t.amountFen, t.fiscalFen ?? null, t.otherFen ?? null));
  }
  return indicators;
}

type YearAndSeed = Required<Omit<DemoOptions, 'size'>>;

type YearEnd = Pick<DemoSummary, 'monitoring' | 'selfEvaluations' | 'selfEvaluationReviews' | 'funds' | 'evaluations' | 'rectifications'>;

function summarise(plan: DemoPlan, options: YearAndSeed, targetIndicators: number, yearEnd: YearEnd): DemoSummary {
  const projectTargets = Object.fromEntries(WORKFLOW_STATES.map((s) => [s, plan.projects.filter((p) => p.target.status === s).length])) as Record<WorkflowState, number>;
  return {
    ...options,
    units: plan.units.length,
    departments: plan.units.filter((u) => u.isDepartment).length,
    projects: plan.projects.length,
    keyProjects: plan.projects.filter((p) => p.keyProject).length,
    povertyFundProjects: plan.projects.filter((p) => p.povertyFund).length,
    confidentialProjects: plan.projects.filter((p) => p.confidential).length,
    projectTargets,
    departmentTargets: plan.departmentTargets.length,
    targetIndicators,
    projectTypes: new Set(plan.projects.map((p) => p.projectTypeCode)).size,
    ...yearEnd,
  };
}

/**
 * The year after the budget season, each part from its own stream of the seed, so that the plan (units,
 * projects, targets) stays what it was for a seed: the monitoring rounds, then the self-evaluations
 * prefilled from the last round, the tables a few units filled in Excel instead, the 衔接资金 records, and
 * the notices opened on what the year found (整改问责).
 */
function writeYearEnd(db: Db, actor: Actor, options: YearAndSeed): YearEnd {
  const monitoring = writeDemoMonitoring(db, options.year, seededRandom(options.seed + 0x3017));
  const tablesRandom = seededRandom(options.seed + 0x7ab1e);
  const inExcel = unitsFillingInExcel(db, options.year, tablesRandom);
  const selfEvaluations = writeDemoSelfEvaluations(db, options.year, seededRandom(options.seed + 0x5e1f), new Set(inExcel));
  const selfEvaluationReviews = writeDemoExternalTables(db, options.year, inExcel, tablesRandom);
  const funds = writeDemoFunds(db, actor, options.year, seededRandom(options.seed + 0xf0d5));
  // The notices of the rounds, self-evaluations and spot checks come first, numbered as they were opened in the year.
  const rectifications = writeDemoRectifications(db, options.year);
  return { monitoring, selfEvaluations, selfEvaluationReviews, funds, rectifications, evaluations: writeDemoEvaluations(db, options.year, seededRandom(options.seed + 0xe7a1)) };
}

/**
 * Generates the sample county for a year into an empty county database, in one transaction. Its projects
 * draw on the indicator library; an empty library first gets the starter library, as the app would.
 */
export function generateDemoCounty(db: Db, actor: Actor, input: DemoOptions): DemoSummary {
  const options = { year: input.year, seed: input.seed ?? input.year };
  requireEmptyCounty(db, options.year);
  seedStarterLibrary(db, actor);
  return db.transaction((tx) => {
    const county = requireEmptyCounty(tx, options.year);
    const library = readLibrary(tx);
    setPovertyMandatory(tx, actor);
    const plan = planDemoCounty({
      ...county,
      ...options,
      ...(input.size ? { size: input.size } : {}),
      library,
      previous: previousProjects(tx, county.regionCode, options.year),
      framework: frameworkFor(tx, options.year),
      povertyMandatory: mandatoryFor(tx, { projectTypeCode: null, povertyFund: true }).map((m) => m.row),
      weights: {
        budget: settingValue<number>(tx, 'evaluation.weightBudget'),
        output: settingValue<number>(tx, 'evaluation.weightOutput'),
        benefit: settingValue<number>(tx, 'evaluation.weightBenefit'),
        satisfaction: settingValue<number>(tx, 'evaluation.weightSatisfaction'),
      },
    });
    const indicators = writePlan(db, plan, { regionCode: county.regionCode, year: options.year, writeUnits: !county.unitsExist });
    // The database itself, not the transaction: the monitoring services prepare their bulk statements on it.
    const summary = summarise(plan, options, indicators, writeYearEnd(db, actor, options));
    recordAudit(tx, actor, { entity: DEMO_ENTITY, naturalKey: `${county.regionCode}/${options.year}`, action: DEMO_ACTION, after: summary });
    return summary;
  });
}
