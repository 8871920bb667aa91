// 各县汇总 of evaluations, results and rectification in the browser: 轮台县 (the sample county, with
// evaluations, a results list partly decided and notices, one overdue, seeded into its file as the
// fixtures do) reports everything to 巴音郭楞州 as a real download, the prefecture imports it and the
// summary shows the county's evaluation coverage, grades, adopted share, overdue notices and industry share.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { attachFile, seedEvaluation, seedNotices } from '../electron/testSupport/evaluationExchange';
import { REPORT_OWNER } from '../electron/evaluation/evaluations';
import { smallPdf } from '../electron/testSupport/attachments';
import { downloadBy, openExchange, upload } from './exchangeSteps';
import { appsPerTest, startApp, type AppUnderTest } from './harness';

const YEAR = 2020;

let county: AppUnderTest;
let prefecture: AppUnderTest;

appsPerTest(async () => {
  county = await startApp({ label: '县' });
  prefecture = await startApp({ label: '州' });
});

interface Subject {
  id: string;
  code: string;
  unitCode: string;
}

interface Seeded {
  travelling: number;
  evaluatedProjects: number;
  financeGood: number;
  departmentExcellent: number;
  overdueNumber: string;
}

/** Two approved evaluations (财政 良, 部门 优) and a submitted one, three notices (one 30 days overdue on 2021-06-30 style: past due), and decisions on three proposals. */
async function seedCounty(): Promise<Seeded> {
  const template = (await county.call('evaluation.templates', {})).find((t) => t.kind === 'project')!;
  await county.call('results.generate', { year: YEAR, replace: false });
  const { path: file } = await county.call('database.current', {});
  const sqlite = new Database(file);
  try {
    const subjects = sqlite
      .prepare("SELECT id, code, unit_code AS unitCode FROM projects WHERE year = ? AND confidential = 0 AND deleted = 0 ORDER BY code LIMIT 3")
      .all(YEAR) as Subject[];
    const [first, second, third] = subjects as [Subject, Subject, Subject];
    const approved = seedEvaluation(sqlite, template, first, { kind: 'finance-evaluation', status: 'approved', total: '86.50', grade: '良', findings: ['资金到位偏晚'] });
    attachFile(sqlite, { kind: REPORT_OWNER, id: approved }, '评价报告.pdf', smallPdf('Evaluation report'));
    seedEvaluation(sqlite, template, second, { kind: 'department-evaluation', status: 'approved', total: '92.00', grade: '优' });
    seedEvaluation(sqlite, template, third, { kind: 'finance-evaluation', status: 'submitted', total: '70.00', grade: '中' });
    const ids = new Map(subjects.map((s) => [s.code, s.id]));
    seedNotices(sqlite, ids, { first: { code: first.code, unit: first.unitCode }, second: { code: second.code, unit: second.unitCode } });
    // The budget section's answers: 采纳, 部分采纳 and 未采纳 on the first three lines (two of three taken up).
    const lines = sqlite.prepare('SELECT id, base_fen AS baseFen FROM result_proposals ORDER BY seq LIMIT 3').all() as { id: string; baseFen: number }[];
    const decide = sqlite.prepare("UPDATE result_proposals SET decision = ?, decided_fen = ?, decided_by_name = '赵预算', decided_at = '2021-04-01' WHERE id = ?");
    decide.run('adopted', lines[0]!.baseFen, lines[0]!.id);
    decide.run('partly', Math.max(0, lines[1]!.baseFen - 100), lines[1]!.id);
    decide.run('rejected', null, lines[2]!.id);
    // Beside the sample county's own evaluations and notices: what the report carries and the summary counts.
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    const graded = (kind: string, grade: string) =>
      count(`SELECT count(*) AS n FROM evaluations WHERE year = ${YEAR} AND status = 'approved' AND kind = '${kind}' AND grade = '${grade}' AND deleted = 0`);
    const overdueSeq = count(`SELECT seq AS n FROM rectifications WHERE year = ${YEAR} AND problems = '绩效目标细化不足'`);
    return {
      travelling: count(`SELECT count(*) AS n FROM evaluations WHERE year = ${YEAR} AND status <> 'draft' AND deleted = 0`),
      evaluatedProjects: count(`SELECT count(DISTINCT project_id) AS n FROM evaluations WHERE year = ${YEAR} AND status = 'approved' AND project_id IS NOT NULL AND deleted = 0`),
      financeGood: graded('finance-evaluation', '良'),
      departmentExcellent: graded('department-evaluation', '优'),
      overdueNumber: `〔${YEAR}〕${overdueSeq}号`,
    };
  } finally {
    sqlite.close();
  }
}

describe('各县汇总 of evaluations, results and rectification', () => {
  it('shows the county’s evaluation coverage, grades, adopted share, overdue notices and industry share after its report is imported', async () => {
    await county.call('setup.init', { role: 'county', regionCode: '652822', operatorName: '张三', password: null });
    const demo = (await county.call('database.openSample', { year: YEAR })).generated!;
    const seeded = await seedCounty();
    const industry = (await county.call('funds.overview', { year: YEAR })).industry;
    await prefecture.call('setup.init', { role: 'prefecture', regionCode: '652800', operatorName: '李四', password: null });
    await Promise.all([county.page.reload(), prefecture.page.reload()]);

    // County: everything (全部) as a full package.
    const c = county.page;
    await openExchange(county);
    await c.getByRole('heading', { name: '数据交换' }).waitFor();
    await c.getByRole('combobox', { name: '阶段' }).click();
    await c.getByRole('option', { name: '全部' }).click();
    const contents = c.getByRole('table', { name: '上报包将包含' });
    await contents.getByRole('row').filter({ hasText: '绩效评价' }).filter({ hasText: String(seeded.travelling) }).first().waitFor();
    await c.screenshot({ path: '/tmp/prefecture-evaluations-county-export.png', fullPage: true });
    const report = await downloadBy(c, () => c.getByRole('button', { name: '导出上报包' }).click());

    // Prefecture: trust and import.
    const p = prefecture.page;
    await openExchange(prefecture, 'import');
    await upload(p, report);
    const review = p.getByRole('dialog', { name: '导入前核对：县级上报包' });
    await review.getByRole('checkbox', { name: '已电话核对，指纹完全一致' }).check();
    await review.getByRole('button', { name: '信任并导入' }).click();
    await review.waitFor({ state: 'hidden' });
    await p.getByText('已导入轮台县的第 1 号县级上报包').waitFor();

    // The summary's second table: 轮台县's evaluations, results, notices and 衔接资金.
    await p.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '州级汇总' }).click();
    const outcomes = p.getByRole('table', { name: '评价与整改汇总' });
    const luntai = outcomes.getByRole('row').filter({ hasText: '轮台县' });
    await luntai.waitFor();
    const text = (await luntai.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(`${seeded.evaluatedProjects} / ${demo.projects} 个`);
    expect(await luntai.getByLabel('财政等级').innerText()).toMatch(new RegExp(`良\\s*${seeded.financeGood}`));
    expect(await luntai.getByLabel('部门等级').innerText()).toMatch(new RegExp(`优\\s*${seeded.departmentExcellent}`));
    expect(text).toContain('66.67%');
    expect(text).toContain('已决定 3 /');
    expect(text).toContain(`${industry.share}%`);
    expect(text).toContain(`要求不低于 ${industry.aim}%`);
    const dashboard = (await prefecture.call('exchange.dashboard', { year: YEAR })).counties.find((r) => r.code === '652822')!;
    expect(dashboard.overdueRectifications).toBeGreaterThan(0);
    expect(text).toContain(` ${dashboard.overdueRectifications} `);

    // A county's notices with status and days overdue.
    await luntai.getByRole('button', { name: '查看轮台县整改通知' }).click();
    const notices = p.getByRole('table', { name: '轮台县整改通知' });
    const overdue = notices.getByRole('row').filter({ hasText: seeded.overdueNumber });
    await overdue.waitFor();
    const days = dashboard.notices.find((n) => n.number === seeded.overdueNumber)!.daysOverdue;
    expect(days).toBeGreaterThan(0);
    expect(await overdue.innerText()).toContain(String(days));
    await outcomes.scrollIntoViewIfNeeded();
    await p.screenshot({ path: '/tmp/prefecture-evaluations-dashboard.png', fullPage: true });
    expect(county.pageErrors).toEqual([]);
    expect(prefecture.pageErrors).toEqual([]);
  });
});
