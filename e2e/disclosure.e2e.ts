// 示例数据 and 绩效公开 in the browser: the first-run choice on 首页, the coverage card, and the published
// target table and self-evaluation tables (preview, Excel, print view, publication record) of the sample county.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { seedEvaluation } from '../electron/testSupport/evaluationExchange';
import { appsPerTest, ARTIFACTS_DIR, madeSampleSummary, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(undefined, { sampleMade: true });
});

/** The sample's 涉密 projects (公安局): they have approved targets and must never be published. */
const CONFIDENTIAL = ['公安业务专项装备购置项目', '维稳专项工作经费'];

async function screenshot(name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await app.page.mouse.move(1, 899);
  await app.page.screenshot({ path: file });
  return file;
}

describe('sample data from 首页', () => {
  it('offers the sample county on an empty database, labels it, and shows target coverage by unit', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: '先看看软件用起来的样子？' }).waitFor();
    await page.getByRole('button', { name: '打开示例数据库' }).click();

    await page.getByRole('banner').getByText('示例', { exact: true }).waitFor();
    await page.getByRole('heading', { name: '绩效目标覆盖情况' }).waitFor();
    expect(await page.getByRole('heading', { name: '先看看软件用起来的样子？' }).count()).toBe(0);
    const coverage = page.getByRole('table', { name: '各单位绩效目标覆盖情况' });
    expect(await coverage.getByRole('row').count()).toBe(108 + 1);
    await page.getByText(/全县 140 个项目中，\d+ 个的绩效目标已审核通过/).waitFor();
    await page.getByRole('link', { name: /预算单位：108/ }).waitFor();
    console.log(`首页：${await screenshot('demo-home')}`);
    expect(app.pageErrors).toEqual([]);
  });
});

describe('绩效公开 of the sample county', () => {
  it('previews approved targets without the confidential projects, exports them, prints them and records the publication', async () => {
    const { page } = app;
    await app.call('database.openSample', { year: 2020 });
    const summary = madeSampleSummary();
    expect(summary.confidentialProjects).toBe(2);
    // A project the service publishes, checked on the page as the user sees it.
    const table = await app.call('disclosure.table', { year: 2020, unitCode: null });
    const known = table.targets.find((p) => p.indicators.length > 4)!;

    await page.goto(new URL('#/disclosure', app.bridge.url).href);
    await page.getByRole('heading', { name: '绩效公开' }).waitFor();
    const preview = page.getByRole('table', { name: '绩效目标公开表' });
    await preview.getByRole('cell', { name: known.name, exact: true }).waitFor();
    await page.getByRole('heading', { name: '轮台县2020年度项目支出绩效目标表' }).waitFor();
    await page.getByText(/未列入 \d+ 个项目：涉密项目 2 个（不公开）/).first().waitFor();
    const text = await preview.innerText();
    for (const name of CONFIDENTIAL) expect(text).not.toContain(name);
    // Its project cells span all its indicator rows.
    expect(await preview.getByRole('cell', { name: known.name, exact: true }).getAttribute('rowspan')).toBe(String(known.indicators.length));
    console.log(`公开表：${await screenshot('disclosure-screen')}`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('轮台县2020年度项目支出绩效目标表.xlsx');
    const book = XLSX.read(fs.readFileSync((await download.path())!), { type: 'buffer' });
    expect(book.SheetNames[0]).toBe('全县');
    expect(book.SheetNames).toContain('轮台县教育局');
    expect((book.Sheets['全县']!['!merges'] ?? []).length).toBeGreaterThan(100);

    // Printed: only the title and the table, on A4 landscape pages.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: '功能导航' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '导出 Excel' }).isVisible()).toBe(false);
    expect(await page.getByRole('combobox', { name: '公开范围' }).isVisible()).toBe(false);
    expect(await preview.isVisible()).toBe(true);
    await page.setViewportSize({ width: 1123, height: 794 }); // A4 landscape at 96 dpi
    console.log(`打印视图：${await screenshot('disclosure-print')}`);
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/MediaBox\s*\[0 0 (\d+)/)?.[1]).toBe('841'); // 297 mm wide: landscape
    expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g)!.length).toBeGreaterThan(10);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole('button', { name: '记录公开' }).click();
    await page.getByRole('dialog', { name: '记录公开' }).getByRole('button', { name: '记录公开' }).click();
    await page.getByRole('tab', { name: '公开记录（1）' }).click();
    const row = page.getByRole('table', { name: '公开记录' }).getByRole('row').nth(1);
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining(['项目支出绩效目标表', '全县', String(table.targets.length), '轮台县2020年度项目支出绩效目标表.xlsx', '张三']),
    );
    console.log(`公开记录：${await screenshot('disclosure-history')}`);

    // The department-wide table: same layout, units instead of projects, no task of a 涉密 project.
    const departments = await app.call('disclosure.table', { year: 2020, unitCode: null, kind: 'departmentTargets' });
    await page.getByRole('tab', { name: '项目支出绩效目标表' }).click();
    await page.getByText('部门整体支出绩效目标', { exact: true }).click();
    await page.getByRole('heading', { name: '轮台县2020年度部门整体支出绩效目标表' }).waitFor();
    await preview.getByRole('columnheader', { name: '年度主要任务' }).waitFor();
    await preview.getByRole('cell', { name: departments.targets[0]!.detail, exact: true }).waitFor();
    const departmentText = await preview.innerText();
    for (const name of CONFIDENTIAL) expect(departmentText).not.toContain(name);
    console.log(`部门整体支出：${await screenshot('disclosure-departments')}`);
    expect(app.pageErrors).toEqual([]);
  });

  it('shows a unit with only confidential or unapproved projects as having nothing to publish, and says why', async () => {
    const { page } = app;
    await app.call('database.openSample', { year: 2020 });
    await page.goto(new URL('#/disclosure', app.bridge.url).href);
    const scope = page.getByRole('combobox', { name: '公开范围' });
    await scope.click();
    await scope.fill('公安局');
    await page.getByRole('option', { name: /轮台县公安局/ }).click();
    await page.getByRole('heading', { name: '没有可公开的项目支出绩效目标' }).waitFor();
    await page.getByText(/涉密项目 2 个（不公开）/).first().waitFor();
    expect(await page.getByRole('button', { name: '记录公开' }).isDisabled()).toBe(true);
    console.log(`无可公开项目：${await screenshot('disclosure-nothing')}`);
    expect(app.pageErrors).toEqual([]);
  });

  it('publishes the approved self-evaluation tables with their results, never a confidential project, and records it', async () => {
    const { page } = app;
    await app.call('database.openSample', { year: 2020 });
    const table = await app.call('disclosure.table', { year: 2020, unitCode: null, kind: 'selfEvaluations' });
    const approved = (await app.call('selfEvaluation.list', { year: 2020 })).filter((r) => r.status === 'approved');
    expect(table.count).toBeGreaterThan(0);
    expect(table.count).toBeLessThan(approved.length + 1);
    const known = table.selfEvaluations.find((s) => s.indicators.length > 2)!;

    await page.goto(new URL('#/disclosure', app.bridge.url).href);
    await page.getByRole('heading', { name: '绩效公开' }).waitFor();
    await page.getByText('绩效自评表', { exact: true }).click();
    await page.getByRole('heading', { name: '轮台县2020年度项目支出绩效自评表' }).waitFor();
    const preview = page.getByRole('table', { name: '绩效自评公开表' });
    await preview.getByRole('columnheader', { name: '实际完成值' }).waitFor();
    const knownCell = preview.getByRole('cell', { name: known.name, exact: true });
    await knownCell.waitFor();
    expect(await knownCell.getAttribute('rowspan')).toBe(String(known.indicators.length));
    await page.getByText(`列入 ${table.count} 个项目。${table.exclusionNote}`).waitFor();
    const text = await preview.innerText();
    for (const name of CONFIDENTIAL) expect(text).not.toContain(name);
    console.log(`自评公开表：${await screenshot('disclosure-self-evaluations')}`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('轮台县2020年度项目支出绩效自评表.xlsx');
    const book = XLSX.read(fs.readFileSync((await download.path())!), { type: 'buffer' });
    expect(book.SheetNames[0]).toBe('全县');
    expect(book.SheetNames).toContain(known.code);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '导出 Excel' }).isVisible()).toBe(false);
    expect(await preview.isVisible()).toBe(true);
    await page.setViewportSize({ width: 1123, height: 794 });
    console.log(`自评公开表打印：${await screenshot('disclosure-self-evaluations-print')}`);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole('button', { name: '记录公开' }).click();
    await page.getByRole('dialog', { name: '记录公开' }).getByRole('button', { name: '记录公开' }).click();
    await page.getByRole('tab', { name: '公开记录（1）' }).click();
    const row = page.getByRole('table', { name: '公开记录' }).getByRole('row').nth(1);
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining(['项目支出绩效自评表', '全县', String(table.count), '轮台县2020年度项目支出绩效自评表.xlsx', '张三']),
    );
    expect(app.pageErrors).toEqual([]);
  });

  it('publishes the key evaluation results with the final accounts, never a confidential project, and records it', async () => {
    const { page } = app;
    await app.call('database.openSample', { year: 2020 });
    const template = (await app.call('evaluation.templates', {})).find((t) => t.kind === 'project')!;
    // A 财政评价 approved on an ordinary project and one on a 涉密 project, seeded into the file as the fixtures do.
    const { path: file } = await app.call('database.current', {});
    const sqlite = new Database(file);
    const subject = (confidential: number) =>
      sqlite.prepare('SELECT id, code, unit_code AS unitCode, name FROM projects WHERE year = 2020 AND confidential = ? ORDER BY code LIMIT 1').get(confidential) as {
        id: string;
        code: string;
        unitCode: string;
        name: string;
      };
    const [open, secret] = [subject(0), subject(1)];
    seedEvaluation(sqlite, template, open, { kind: 'finance-evaluation', status: 'approved', total: '86.50', grade: '良', findings: ['资金到位偏晚', '绩效目标细化不足'] });
    seedEvaluation(sqlite, template, secret, { kind: 'finance-evaluation', status: 'approved', total: '90.00', grade: '优' });
    // Beside the sample's own approved evaluations: what the table lists and what it leaves out.
    const approvedOf = (confidential: number) =>
      (sqlite.prepare("SELECT count(*) AS n FROM evaluations e JOIN projects p ON p.id = e.project_id WHERE e.year = 2020 AND e.status = 'approved' AND e.deleted = 0 AND p.confidential = ?").get(confidential) as { n: number }).n;
    const [listed, withheld] = [approvedOf(0), approvedOf(1)];
    sqlite.close();

    await page.goto(new URL('#/disclosure', app.bridge.url).href);
    await page.getByRole('heading', { name: '绩效公开' }).waitFor();
    await page.getByText('绩效评价结果', { exact: true }).click();
    await page.getByRole('heading', { name: '轮台县2020年度绩效评价结果表' }).waitFor();
    const preview = page.getByRole('table', { name: '绩效评价结果公开表' });
    const row = preview.getByRole('row').filter({ hasText: open.name });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['财政评价', '86.50', '良']));
    expect(await row.innerText()).toContain('资金到位偏晚');
    await page.getByText(new RegExp(`^列入 ${listed} 个评价。未列入：涉密项目的评价 ${withheld} 项（不公开）`)).waitFor();
    expect(await preview.innerText()).not.toContain(secret.name);
    await page.screenshot({ path: '/tmp/disclosure-evaluation-results.png', fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('轮台县2020年度绩效评价结果表.xlsx');
    const book = XLSX.read(fs.readFileSync((await download.path())!), { type: 'buffer' });
    const grid = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: false, defval: '' });
    expect(grid.some((r) => r.includes(open.name) && r.includes('良'))).toBe(true);

    await page.getByRole('button', { name: '记录公开' }).click();
    await page.getByRole('dialog', { name: '记录公开' }).getByRole('button', { name: '记录公开' }).click();
    await page.getByRole('tab', { name: '公开记录（1）' }).click();
    const record = page.getByRole('table', { name: '公开记录' }).getByRole('row').nth(1);
    expect(await record.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['绩效评价结果表', '全县', String(listed), '张三']));
    expect(app.pageErrors).toEqual([]);
  });
});
