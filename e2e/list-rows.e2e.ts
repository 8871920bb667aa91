// The virtualised list's rows (VirtualTable with the plain cells of components/cells.tsx), on the sample county's
// projects: a cut-off cell names itself on hover, printing lays out every row without the row actions, and the
// actions are buttons a keyboard reaches and presses.
import { describe, expect, it } from 'vitest';
import { appsPerTest, screenshotsIn, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
const screenshot = screenshotsIn('list-rows');

appsPerTest(async () => {
  app = await startCountyApp((county) => county.call('database.openSample', { year: 2020 }), { sampleMade: true });
});

async function openProjects() {
  const { page } = app;
  await page.goto(new URL('#/registry/projects/2020', app.bridge.url).href);
  const table = page.getByRole('table', { name: '项目' });
  await table.locator('[role="row"][aria-rowindex="2"]').waitFor();
  return table;
}

describe('a list’s rows', () => {
  it('give a cell cut off by its column its whole text as a title on hover, and a whole cell none', async () => {
    const table = await openProjects();
    const firstRow = table.locator('[role="row"][aria-rowindex="2"]');
    const nameCell = firstRow.getByRole('cell').nth(1);
    const codeCell = firstRow.getByRole('cell').nth(0);
    const cut = await nameCell.evaluate((cell) => cell.scrollWidth > cell.clientWidth);
    expect(cut).toBe(true);

    await nameCell.hover();
    await expect.poll(() => nameCell.getAttribute('title')).toBe(await nameCell.textContent());
    await codeCell.hover();
    await expect.poll(() => codeCell.getAttribute('title')).toBe('');
    expect(app.pageErrors).toEqual([]);
  });

  it('print every row in the flow of the page, without their actions, and go back to the rows in view after', async () => {
    const { page } = app;
    const table = await openProjects();
    const listed = Number(await table.getAttribute('aria-rowcount')) - 1;
    const inView = await table.locator('[role="rowgroup"] + [role="rowgroup"] [role="row"]').count();
    expect(inView).toBeLessThan(listed);

    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const rows = table.locator('[role="rowgroup"] + [role="rowgroup"] [role="row"]');
    await expect.poll(() => rows.count()).toBe(listed);
    const laidOut = await rows.evaluateAll((all) =>
      all.map((row) => ({ position: getComputedStyle(row).position, top: row.getBoundingClientRect().top, height: row.getBoundingClientRect().height })),
    );
    expect(laidOut.every((row) => row.position === 'static' && row.height === 40)).toBe(true);
    expect(laidOut.every((row, i) => i === 0 || row.top === laidOut[i - 1]!.top + 40)).toBe(true);
    expect(await table.getByRole('button', { name: /^修改 / }).first().isVisible()).toBe(false);
    await screenshot(page, 'projects-print');

    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => rows.count()).toBe(inView);
    expect(app.pageErrors).toEqual([]);
  });

  it('offer each row’s actions as buttons and links named for the row, pressed from the keyboard', async () => {
    const { page } = app;
    const table = await openProjects();
    const firstRow = table.locator('[role="row"][aria-rowindex="2"]');
    const name = (await firstRow.getByRole('link').first().textContent())!;
    await expect.poll(() => firstRow.getByRole('link', { name: `${name}的绩效目标` }).getAttribute('href')).toMatch(/^#\/targets\/project\//);
    expect(await firstRow.getByRole('link', { name: `${name}的全过程` }).getAttribute('href')).toMatch(/^#\/registry\/cycle\//);

    await firstRow.getByRole('button', { name: `修改 ${name}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').filter({ hasText: name }).first().waitFor();
    await screenshot(page, 'project-edit-from-row');
    await page.keyboard.press('Escape');

    await firstRow.getByRole('button', { name: `删除 ${name}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: `删除项目：${name}` }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
