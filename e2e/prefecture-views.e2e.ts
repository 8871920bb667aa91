// The prefecture's pages across its counties in the browser: 巴音郭楞州 imports the reports of 轮台县 (the
// sample year) and 尉犁县 (two targets, one submitted and returned by the prefecture) through 数据交换,
// then filters 各县绩效目标 by county and search, opens a target's indicators, follows a round to a sheet's
// lights, and finds no button that would write a county's records on any of the pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Store } from '../db/open';
import { generateDemoCounty } from '../electron/demo/generate';
import { setUpSampleDatabase } from '../electron/demo/sampleDatabase';
import { exportReport } from '../electron/exchange/outgoing';
import { initInstallation } from '../electron/registry/setup';
import { seedCounty } from '../electron/testSupport/county';
import { TEST_ACTOR } from '../electron/testSupport/fixtures';
import { openExchange, upload, type PackageFile } from './exchangeSteps';
import { appsPerTest, startApp, type AppUnderTest } from './harness';

const YEAR = 2020;
let prefecture: AppUnderTest;

appsPerTest(async () => {
  prefecture = await startApp({ label: '州' });
});

/** A county's full report of the year as the file it would hand over, built from a database of its own. */
function countyReport(folder: string, name: string, fill: (store: Store) => void): PackageFile {
  const store = openDatabase(path.join(folder, `${name}.db`));
  try {
    fill(store);
    const file = exportReport(store, TEST_ACTOR, { year: YEAR, stage: 'all', full: true, out: path.join(folder, `${name}.zip`) }).file;
    return { name: `${name}.zip`, buffer: fs.readFileSync(file) };
  } finally {
    closeDatabase(store);
  }
}

function reports(): { luntai: PackageFile; yuli: PackageFile } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-prefecture-views-'));
  try {
    const luntai = countyReport(folder, 'luntai-2020', (store) => {
      setUpSampleDatabase(store.db, TEST_ACTOR, { regionCode: '652822', operatorName: '张三' });
      generateDemoCounty(store.db, TEST_ACTOR, { year: YEAR });
    });
    const yuli = countyReport(folder, 'yuli-2020', (store) => {
      initInstallation(store.db, { regionCode: '652823', role: 'county', operatorName: '王五' });
      seedCounty(store.db, {
        units: [{ code: '201001', name: '尉犁县教育局' }, { code: '201002', name: '尉犁县第一中学', departmentCode: '201001' }],
        projects: [
          { code: 'WL-01', name: '校舍维修', unitCode: '201002', funds: [{ source: '本级财政拨款', initialFen: 1_000_000 }] },
          { code: 'WL-02', name: '营养餐补助', unitCode: '201002', funds: [{ source: '本级财政拨款', initialFen: 500_000 }] },
        ],
        targets: [
          { project: 'WL-01', status: 'approved', indicators: [{ name: '维修校舍面积', operator: '≥', value: '500', unit: '平方米' }] },
          { project: 'WL-02', status: 'submitted', indicators: [{ name: '受益学生人数', operator: '≥', value: '1200', unit: '人' }] },
        ],
      });
    });
    return { luntai, yuli };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Imports a county's report as the prefecture does: upload, confirm the fingerprint, import. */
async function importReport(page: Page, file: PackageFile, county: string): Promise<void> {
  await upload(page, file);
  const review = page.getByRole('dialog', { name: '导入前核对：县级上报包' });
  await review.getByRole('checkbox', { name: '已电话核对，指纹完全一致' }).check();
  await review.getByRole('button', { name: '信任并导入' }).click();
  await review.waitFor({ state: 'hidden' });
  await page.getByText(`已导入${county}的第 1 号县级上报包`).waitFor();
}

const navigation = (page: Page) => page.getByRole('navigation', { name: '功能导航' });
// A button's name starts with what it does (a link-like 查看 button may name a project with 修改 in it).
const WRITE_BUTTONS = /^(新增|导入|编辑|修改|删除|保存|送审|通过|退回|生成|下达|审核)/;

async function noWriteButtons(page: Page): Promise<void> {
  expect(await page.getByRole('main').getByRole('button', { name: WRITE_BUTTONS }).count()).toBe(0);
}

describe('the prefecture’s pages across its counties', () => {
  it('filters the targets by county, shows a county’s target with its review on both levels and its source package, and writes nothing', async () => {
    const { luntai, yuli } = reports();
    await prefecture.call('setup.init', { role: 'prefecture', regionCode: '652800', operatorName: '李四', password: null });
    const p = prefecture.page;
    await p.reload();
    await openExchange(prefecture, 'import');
    await importReport(p, luntai, '轮台县');
    await importReport(p, yuli, '尉犁县');
    const submitted = (await prefecture.call('prefecture.targets', { county: '652823', year: YEAR, search: 'WL-02', offset: 0, limit: 10 })).rows[0]!;
    await prefecture.call('exchange.decide', { entity: 'target', recordId: submitted.id, action: 'return', opinion: '受益人数口径不清' });

    await navigation(p).getByRole('link', { name: '各县绩效目标' }).click();
    await p.getByRole('heading', { name: '各县绩效目标' }).waitFor();
    const table = p.getByRole('table', { name: '各县绩效目标' });
    await table.getByRole('row').nth(1).waitFor();
    await p.getByText(/第 1–50 条，共 \d+ 条/).waitFor();
    await noWriteButtons(p);
    await p.screenshot({ path: '/tmp/prefecture-views-targets-all.png', fullPage: true });

    // One county, then a search typed key by key.
    const countyField = p.getByRole('combobox', { name: '县市' });
    await countyField.click();
    await countyField.press('ControlOrMeta+a');
    await countyField.pressSequentially('尉犁', { delay: 30 });
    await p.getByRole('option', { name: '尉犁县', exact: true }).click();
    await p.getByText('第 1–2 条，共 2 条').waitFor();
    const rows = table.getByRole('row');
    expect(await rows.filter({ hasText: '轮台县' }).count()).toBe(0);
    await p.getByRole('textbox', { name: '搜索' }).pressSequentially('营养餐', { delay: 30 });
    await p.getByText('第 1–1 条，共 1 条').waitFor();
    const row = rows.filter({ hasText: '营养餐补助' });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    for (const shown of ['尉犁县', 'WL-02', '尉犁县第一中学', '已送审', '退回', '待发送', '受益人数口径不清', 'yuli-2020.zip']) expect(text).toContain(shown);
    await p.screenshot({ path: '/tmp/prefecture-views-targets-county.png', fullPage: true });

    // The target's indicators, read-only.
    await row.getByRole('button', { name: '查看 营养餐补助 的绩效目标' }).click();
    const detail = p.getByRole('dialog', { name: '绩效目标（只读）' });
    await detail.getByRole('cell', { name: '受益学生人数' }).waitFor();
    await detail.getByText('州级意见：受益人数口径不清').waitFor();
    expect(await detail.getByRole('button', { name: WRITE_BUTTONS }).count()).toBe(0);
    await p.screenshot({ path: '/tmp/prefecture-views-target-detail.png', fullPage: true });
    await p.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });

    // The county filter stays while moving on: 尉犁县 has no rounds; 全部县市 shows 轮台县's, whose sheets show their lights.
    await navigation(p).getByRole('link', { name: '各县绩效监控' }).click();
    await p.getByRole('heading', { name: '没有监控轮次' }).waitFor();
    await p.getByRole('combobox', { name: '县市' }).click();
    await p.getByRole('option', { name: '全部县市' }).click();
    const rounds = p.getByRole('table', { name: '各县监控轮次' });
    const november = rounds.getByRole('row').filter({ hasText: '11月' });
    await november.waitFor();
    expect(await november.innerText()).toContain('luntai-2020.zip');
    await noWriteButtons(p);
    await november.getByRole('button', { name: /^查看 轮台县/ }).click();
    const sheets = p.getByRole('table', { name: /^轮台县.*监控表$/ });
    await sheets.getByRole('row').nth(1).waitFor();
    await p.getByRole('textbox', { name: '搜索监控表' }).pressSequentially('第一中学', { delay: 30 });
    // Only the header row is left without the unit once the search has come back.
    await expect.poll(() => sheets.getByRole('row').filter({ hasNotText: '第一中学' }).count(), { timeout: 10_000 }).toBe(1);
    const firstSheet = sheets.getByRole('row').filter({ hasText: '轮台县第一中学' }).first();
    await p.screenshot({ path: '/tmp/prefecture-views-monitoring.png', fullPage: true });
    await firstSheet.getByRole('button', { name: /的监控表$/ }).click();
    const sheet = p.getByRole('dialog', { name: /只读/ });
    await sheet.getByRole('table', { name: '监控指标' }).getByRole('row').nth(1).waitFor();
    await p.screenshot({ path: '/tmp/prefecture-views-sheet.png', fullPage: true });
    await p.keyboard.press('Escape');

    // The sample year has no results list yet: the page says so.
    await navigation(p).getByRole('link', { name: '各县结果应用' }).click();
    await p.getByRole('heading', { name: '没有预算调整建议' }).waitFor();
    await noWriteButtons(p);
    await p.screenshot({ path: '/tmp/prefecture-views-results.png', fullPage: true });

    // Every other page: its table, the source column, and no write buttons.
    for (const [link, label] of [
      ['各县单位与项目', '各县项目'],
      ['各县绩效自评', '各县绩效自评'],
      ['各县绩效评价', '各县绩效评价'],
      ['各县整改', '各县整改通知'],
    ] as const) {
      await navigation(p).getByRole('link', { name: link }).click();
      await p.getByRole('heading', { name: link }).waitFor();
      const list = p.getByRole('table', { name: label });
      await list.getByRole('row').nth(1).waitFor();
      expect(await list.getByRole('columnheader', { name: '来源数据包' }).count()).toBe(1);
      await noWriteButtons(p);
      await p.screenshot({ path: `/tmp/prefecture-views-${label}.png`, fullPage: true });
    }
    await navigation(p).getByRole('link', { name: '各县单位与项目' }).click();
    await p.getByRole('tab', { name: '预算单位' }).click();
    await p.getByRole('textbox', { name: '搜索' }).pressSequentially('尉犁', { delay: 30 });
    await p.getByRole('table', { name: '各县预算单位' }).getByRole('row').filter({ hasText: '尉犁县第一中学' }).waitFor();
    await p.screenshot({ path: '/tmp/prefecture-views-units.png', fullPage: true });
    expect(prefecture.pageErrors).toEqual([]);
  });
});
