import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sqliteOf, type Db } from '../../db/open';
import { departmentTasks, projectFunds, projects, targets, units } from '../../db/schema';
import { listAudit } from '../audit/audit';
import { runCli } from '../testSupport/cli';
import { disclosureTable } from '../disclosure/targetTable';
import { checkDepartmentTargets, describeProblem } from '../domain/targets';
import { adjustedFen } from '../domain/projects';
import { listMandatory } from '../library';
import { SLOW_SPENDING_REASONS } from '../domain/monitoring';
import { contactPhoneProblem, hasMidterm, proposedAnnualSplit, splitTotal, termYears } from '../domain/targetAnnex';
import { WORKFLOW_STATES } from '../domain/workflow';
import { initInstallation } from '../registry/setup';
import { createUnit } from '../registry/units';
import { getSelfEvaluation, listSelfEvaluations } from '../selfEvaluation/selfEvaluations';
import { frameworkFor, readContent, rulesFor } from '../targets/store';
import { checkedProjectTarget } from '../targets/quality';
import { projectTarget } from '../targets/targets';
import { countyStore, freshStore, sampleCountyStore, sampleCounty2020, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { demoStatus, generateDemoCounty } from './generate';

function fundsOf(db: Db, projectId: string) {
  return db.select().from(projectFunds).where(eq(projectFunds.projectId, projectId)).all();
}

/**
 * Every target's problems, named by its owner: a project's as the 送审 check of the targets service finds
 * them (§4, its 固化指标 and the 88号 annex), a department-wide target's by §4. Empty when the whole sample
 * could be submitted.
 */
function targetProblems(db: Db, year: number): string[] {
  const fw = frameworkFor(db, year);
  const rules = rulesFor(db);
  const problems: string[] = [];
  for (const project of db.select().from(projects).where(eq(projects.year, year)).all()) {
    problems.push(...projectTarget(db, project.id).problems.map((p) => `${project.name}：${describeProblem(p)}`));
  }
  for (const target of db.select().from(targets).where(eq(targets.kind, 'department')).all()) {
    const tasks = db.select().from(departmentTasks).where(eq(departmentTasks.targetId, target.id)).all();
    const own = db.select({ id: projects.id, code: projects.code }).from(projects).where(and(eq(projects.unitCode, target.ownerCode), eq(projects.year, year))).all();
    const unitProjects = { count: own.length, adjustedFen: own.reduce((sum, p) => sum + fundsOf(db, p.id).reduce((total, f) => total + adjustedFen(f), 0), 0) };
    const form = {
      ...readContent(db, target),
      basicFen: target.basicFen!,
      projectFen: target.projectFen!,
      fiscalFen: target.fiscalFen!,
      otherFen: target.otherFen!,
      functions: target.functions!,
      tasks: tasks.map((t) => ({ ...t, projectCodes: JSON.parse(t.projectCodes) as string[] })),
    };
    problems.push(...checkDepartmentTargets(form, fw, rules, { linkableProjectCodes: new Set(own.map((p) => p.code)), unitProjects }).map((p) => `${target.ownerCode}：${describeProblem(p)}`));
  }
  return problems;
}

describe('the sample county', () => {
  it('has the report’s size: 108 units, about 140 projects with targets, 3 key projects, a department-wide target per unit', () => {
    const { db, summary } = sampleCounty2020();
    expect(summary).toMatchObject({ year: 2020, seed: 2020, units: 108, departments: 31, projects: 140, keyProjects: 3, confidentialProjects: 2, departmentTargets: 108 });
    expect(summary.povertyFundProjects).toBeGreaterThanOrEqual(3);
    expect(summary.targetIndicators).toBeGreaterThan(1000);
    expect(summary.projectTypes).toBeGreaterThanOrEqual(15);
    // Mostly approved, some still in review, returned or drafted, as in a real budget season.
    expect(summary.projectTargets.approved).toBeGreaterThan(100);
    expect(summary.projectTargets.submitted + summary.projectTargets.returned + summary.projectTargets.draft).toBeGreaterThan(5);
    expect(db.select().from(units).where(eq(units.name, '轮台县教育局')).get()?.isDepartment).toBe(true);
  });

  it('ends the year with self-evaluations of most approved targets, prefilled and scored by the rules, in every state of review', () => {
    const { db, summary } = sampleCounty2020();
    const rows = listSelfEvaluations(db, { year: 2020 });
    const started = rows.filter((r) => r.status !== null);
    expect(Object.values(summary.selfEvaluations).reduce((a, b) => a + b, 0)).toBe(started.length);
    // Some approved targets are still to be evaluated, as at a real deadline.
    expect(started.length).toBeGreaterThan(rows.length / 2);
    expect(started.length).toBeLessThan(rows.length);
    for (const state of WORKFLOW_STATES) expect(summary.selfEvaluations[state]).toBeGreaterThan(0);
    // What went to review passed the submission rules; its grades spread over more than one grade.
    for (const row of started.filter((r) => r.status !== 'draft')) expect(getSelfEvaluation(db, row.id!).problemList).toEqual([]);
    expect(new Set(started.filter((r) => r.status === 'approved').map((r) => r.grade)).size).toBeGreaterThan(1);
    expect(started.some((r) => Number(r.executionRate) < 90)).toBe(true);
  });

  it('gives every project target and department-wide target one that passes the rules of §4', () => {
    const { db } = sampleCounty2020();
    // Every 衔接资金 project carries the sample's two 固化指标.
    expect(listMandatory(db).map((e) => [e.scopeName, e.indicator.name])).toEqual([
      ['衔接资金', '带动脱贫户和监测户户数'],
      ['衔接资金', '衔接资金用于产业发展比例'],
    ]);
    expect(targetProblems(db, 2020)).toEqual([]);
    const key = db.select().from(projects).where(eq(projects.keyProject, true)).all();
    expect(key).toHaveLength(3);
  });

  it('fills the 88号 annexes: 中期 parts of continuing and multi-year projects, the funds split, 立项依据, schedule and contact, tasks that add up', () => {
    const { db } = sampleCountyStore();
    generateDemoCounty(db, TEST_ACTOR, { year: 2020 });
    const all = db.select().from(projects).where(eq(projects.year, 2020)).all().map((p) => projectTarget(db, p.id));
    // Continuing projects run over several years; a few new ones too.
    const midterm = all.filter((t) => hasMidterm(t.project));
    expect(midterm.filter((t) => t.project.attribute === '延续').length).toBeGreaterThan(40);
    expect(midterm.some((t) => t.project.attribute === '新增')).toBe(true);
    for (const { project, annex, indicators } of midterm) {
      expect(termYears(project)).toBeGreaterThan(project.attribute === '延续' ? 1 : 0);
      expect(annex.midtermGoal).toContain(project.name);
      expect(splitTotal(annex.midtermFunds!)).toBe(splitTotal(annex.annualFunds!) * termYears(project)!);
      expect(annex.midtermIndicators.length).toBeGreaterThanOrEqual(3);
      // A count over the term (累计型, at least some number) is the year's times its years; a rate stays.
      for (const row of annex.midtermIndicators) {
        const annual = indicators.find((i) => i.name === row.name)!;
        const growing = row.accrual === 'cumulative' && (row.operator === '≥' || row.operator === '>') && /^[1-9]\d*$/.test(annual.value);
        expect(row.value).toBe(growing ? String(Number(annual.value) * termYears(project)!) : row.accrual === 'level' ? annual.value : row.value);
      }
    }
    for (const { project, annex } of all) {
      expect(annex.annualFunds).toEqual(proposedAnnualSplit(project.funds));
      expect(splitTotal(annex.annualFunds!)).toBe(project.totals.adjustedFen);
      expect(annex.projectBasis).not.toBe('');
      expect(annex.schedule).toHaveLength(4);
      expect(annex.contactPerson).toBe(project.personInCharge);
      expect(contactPhoneProblem(annex.contactPhone)).toBeNull();
      if (!hasMidterm(project)) expect([annex.midtermGoal, annex.midtermFunds, annex.midtermIndicators]).toEqual(['', null, []]);
    }
    expect(all.some((t) => t.annex.annualFunds!.otherFen > 0)).toBe(true);
    // 年度主要任务: each with 主要内容 and a split adding up to its amount; together the whole budget and its split.
    for (const target of db.select().from(targets).where(eq(targets.kind, 'department')).all()) {
      const tasks = db.select().from(departmentTasks).where(eq(departmentTasks.targetId, target.id)).all();
      for (const task of tasks) {
        expect(task.content).not.toBe('');
        expect(task.fiscalFen! + task.otherFen!).toBe(task.amountFen);
      }
      expect(tasks.reduce((sum, t) => sum + t.amountFen, 0)).toBe(target.basicFen! + target.projectFen!);
      expect(tasks.reduce((sum, t) => sum + t.otherFen!, 0)).toBe(target.otherFen);
    }
  });

  it('reports 年初预算数 and 全年预计执行数 by source on every monitoring sheet, and explains slow spending from its own list', () => {
    const { db } = sampleCountyStore();
    generateDemoCounty(db, TEST_ACTOR, { year: 2020 });
    const sqlite = sqliteOf(db);
    const funds = sqlite.prepare(
      `SELECT f.initial_fen AS initial, f.forecast_fen AS forecast, f.adjusted_fen AS adjusted, f.executed_fen AS executed, pf.initial_fen AS projectInitial
         FROM monitoring_funds f JOIN monitoring_sheets s ON s.id = f.sheet_id JOIN project_funds pf ON pf.project_id = s.project_id AND pf.source = f.source`,
    ).all() as { initial: number; forecast: number | null; adjusted: number; executed: number; projectInitial: number }[];
    expect(funds.length).toBeGreaterThan(300);
    for (const f of funds) {
      expect(f.initial).toBe(f.projectInitial);
      expect(f.forecast).not.toBeNull();
      expect(f.forecast!).toBeGreaterThanOrEqual(f.executed);
      expect(f.forecast!).toBeLessThanOrEqual(f.adjusted);
    }
    expect(funds.some((f) => f.forecast! < f.adjusted)).toBe(true);
    const reasons = (sqlite.prepare("SELECT budget_reasons AS reasons FROM monitoring_sheets WHERE budget_reasons <> '[]'").all() as { reasons: string }[]).map((r) => JSON.parse(r.reasons) as string[]);
    expect(reasons.length).toBeGreaterThan(10);
    for (const list of reasons) for (const reason of list) expect(SLOW_SPENDING_REASONS).toContain(reason);
  });

  it('is the same county for the same seed and another for another seed', () => {
    const namesIn = (db: Db) => db.select({ code: projects.code, name: projects.name, unit: projects.unitCode }).from(projects).orderBy(projects.code).all();
    const generated = (seed: number) => {
      const { db } = sampleCountyStore();
      generateDemoCounty(db, TEST_ACTOR, { year: 2020, seed });
      return namesIn(db);
    };
    // The run's template was generated in another process with the default seed, the year.
    const template = namesIn(sampleCounty2020().db);
    expect(generated(2020)).toEqual(template);
    expect(generated(8)).not.toEqual(template);
  }, 60_000);

  it('is labelled as fictitious sample data in the audit log, which the app reads as “sample data present”', () => {
    const { db } = sampleCountyStore();
    expect(demoStatus(db)).toEqual({ present: false, years: [], sample: true });
    generateDemoCounty(db, TEST_ACTOR, { year: 2020 });
    expect(demoStatus(db)).toEqual({ present: true, years: [2020], sample: true });
    const [entry] = listAudit(db, { entity: 'demo', limit: 5 });
    expect(entry).toMatchObject({ action: '生成示例数据（虚构）', naturalKey: '652822/2020', operatorName: '测试员' });
  });

  it('publishes its approved project and department-wide targets but never its confidential projects', () => {
    const { db } = sampleCounty2020();
    const table = disclosureTable(db, { year: 2020, unitCode: null , kind: 'projectTargets' });
    const confidential = db.select({ name: projects.name }).from(projects).where(eq(projects.confidential, true)).all();
    expect(table.excluded.confidential).toBe(2);
    expect(table.targets.length).toBeGreaterThan(100);
    expect(table.targets.map((p) => p.name)).not.toEqual(expect.arrayContaining([confidential[0]!.name]));
    const departments = disclosureTable(db, { year: 2020, unitCode: null, kind: 'departmentTargets' });
    expect(departments.targets.length).toBeGreaterThan(80);
    for (const { name } of confidential) expect(JSON.stringify(departments)).not.toContain(name);
  });
});

describe('refusals', () => {
  it('refuses a second run for the same year and writes nothing', () => {
    const { db } = sampleCounty2020();
    expect(() => generateDemoCounty(db, TEST_ACTOR, { year: 2020 })).toThrow('本数据库已有 2020 年度的 140 个项目，示例数据不会覆盖已有数据。请换一个年度，或新建一个数据库后再生成');
    expect(listAudit(db, { entity: 'demo', limit: 5 })).toHaveLength(1);
  });

  it('adds another year to its own sample units', () => {
    const { db } = sampleCounty2020();
    const second = generateDemoCounty(db, TEST_ACTOR, { year: 2021 });
    expect(second.projects).toBe(140);
    expect(db.select().from(units).all()).toHaveLength(108);
    expect(demoStatus(db).years).toEqual([2020, 2021]);
  });

  it('carries last year’s projects on into the next year’s 延续 projects, with last year’s actual values beside their targets', () => {
    const { db } = sampleCounty2020();
    generateDemoCounty(db, TEST_ACTOR, { year: 2021 });
    const byYear = (year: number) => db.select().from(projects).where(eq(projects.year, year)).all();
    const lastYearCodes = new Set(byYear(2020).map((p) => p.code));
    const continued = byYear(2021).filter((p) => lastYearCodes.has(p.code));
    expect(continued.length).toBeGreaterThan(10);
    expect(continued.every((p) => p.attribute === '延续')).toBe(true);
    // Opening each form reads last year's self-evaluation and monitoring: six with actual values are enough.
    let withActuals = 0;
    for (const p of continued) {
      const lastYear = checkedProjectTarget(db, p.id).quality.previous;
      if (lastYear?.actualSource?.kind === 'selfEvaluation' && lastYear.indicators.some((i) => i.actual !== null)) withActuals++;
      if (withActuals > 5) break;
    }
    expect(withActuals).toBeGreaterThan(5);
  });

  it('refuses a database that already has real units, so sample and real data never mix', () => {
    const { db } = sampleCountyStore();
    createUnit(db, TEST_ACTOR, { code: '101001', name: '轮台县教育局', departmentCode: null, isDepartment: true });
    expect(() => generateDemoCounty(db, TEST_ACTOR, { year: 2020 })).toThrow(/本数据库已登记 1 个预算单位，示例数据只能生成在空的数据库中/);
    expect(db.select().from(projects).all()).toEqual([]);
  });

  it('refuses a real database, even an empty one, and writes nothing', () => {
    const { db } = countyStore();
    expect(() => generateDemoCounty(db, TEST_ACTOR, { year: 2020 })).toThrow(/^这是正式数据库，示例数据不会写入正式数据库/);
    expect(db.select().from(units).all()).toEqual([]);
    expect(db.select().from(projects).all()).toEqual([]);
    expect(demoStatus(db)).toEqual({ present: false, years: [], sample: false });
  });

  it('refuses a prefecture installation and one not set up yet', () => {
    const prefecture = freshStore();
    initInstallation(prefecture.db, { regionCode: '652800', role: 'prefecture' });
    expect(() => generateDemoCounty(prefecture.db, TEST_ACTOR, { year: 2020 })).toThrow(/只能在县级财政局的数据库中生成；本机是州级财政局（汇总）/);
    expect(() => generateDemoCounty(freshStore().db, TEST_ACTOR, { year: 2020 })).toThrow(/尚未完成初始设置/);
  });
});

const run = runCli;

describe('jixiao demo', () => {
  it('makes a new sample database of the county and fills it, after which stats --json counts ≥100 units, ≥100 projects and ≥1000 target indicators', async () => {
    const file = path.join(tempDir(), '示例.db');
    const demo = await run('--db', file, 'demo', '--region', '652822', '--year', '2020');
    expect(demo).toMatchObject({ code: 0, err: '' });
    expect(demo.out).toContain('已生成 2020 年度示例数据（虚构，随机种子 2020）');
    expect(demo.out).toContain('预算单位 108 个');
    const { counts, region, role } = JSON.parse((await run('--db', file, 'stats', '--json')).out);
    expect({ region, role }).toEqual({ region: { code: '652822', name: '轮台县' }, role: 'county' });
    expect(counts.units).toBeGreaterThanOrEqual(100);
    expect(counts.targets).toBeGreaterThanOrEqual(100);
    expect(counts.targetIndicators).toBeGreaterThanOrEqual(1000);
    expect(counts.targets).toBe(140 + 108);
    expect(counts.libraryIndicators).toBeGreaterThanOrEqual(150);
    expect((await run('--db', file, 'demo', '--year', '2021')).code).toBe(0);
  });

  it('refuses a real county database, even an empty one, on stderr with exit 1 and writes nothing', async () => {
    const file = path.join(tempDir(), 'c.db');
    await run('--db', file, 'init', '--region', '652822', '--role', 'county');
    const refused = await run('--db', file, 'demo', '--year', '2020');
    expect(refused).toMatchObject({ code: 1, out: '' });
    expect(refused.err).toMatch(/^错误：这是正式数据库，示例数据不会写入正式数据库/);
    expect(JSON.parse((await run('--db', file, 'stats', '--json')).out).counts).toMatchObject({ units: 0, projects: 0, targets: 0 });
  });

  it('refuses a second run on stderr with a non-zero exit, and a missing year, region or --db as a usage error', async () => {
    const file = path.join(tempDir(), '示例.db');
    await run('--db', file, 'demo', '--region', '652822', '--year', '2020');
    const again = await run('--db', file, 'demo', '--year', '2020');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^错误：本数据库已有 2020 年度的 140 个项目/);
    expect(await run('--db', file, 'demo')).toMatchObject({ code: 2, err: '用法错误：缺少 --year（例如 2020）' });
    expect(await run('--db', file, 'demo', '--year', '二〇二〇')).toMatchObject({ code: 2, err: '用法错误：年度 “二〇二〇”不正确，应为 2000–2100 之间的整数' });
    const dataDir = process.env.JIXIAO_DATA_DIR;
    process.env.JIXIAO_DATA_DIR = tempDir();
    try {
      expect(await run('demo', '--region', '652822', '--year', '2020')).toMatchObject({
        code: 2,
        err: '用法错误：示例数据库须用 --db 指定一个单独的文件（例如 --db 示例.db），本机的正式数据库不会用作示例',
      });
    } finally {
      if (dataDir === undefined) delete process.env.JIXIAO_DATA_DIR;
      else process.env.JIXIAO_DATA_DIR = dataDir;
    }
    expect(await run('--db', path.join(tempDir(), '新.db'), 'demo', '--year', '2020')).toMatchObject({
      code: 2,
      err: '用法错误：缺少 --region（新的示例数据库须指定县级区划代码，例如 652822）',
    });
  });
});
