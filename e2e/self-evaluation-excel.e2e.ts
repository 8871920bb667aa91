// 绩效自评 in and out of Excel, over the sample county: on the 自评表 tab the bureau downloads a unit's
// template, the unit fills a not-yet-started project's sheet offline with one qualitative score below its
// tier, the import's preview names that row (sheet, row, column) and imports nothing; the fixed file goes
// in, the list shows the new self-evaluation's total, and the year's tables export as one workbook.
import fs from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { mul, parseDecimal, ratio, toFixed } from '../electron/domain/ratio';
import { fillTemplate } from '../electron/testSupport/selfEvaluationTables';
import { appsPerTest, startCountyApp, type AppUnderTest } from './harness';
import { XLSX_MIME } from './fixtures';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp((county) => county.call('database.openSample', { year: 2020 }), { sampleMade: true });
});

/** A not-yet-started approved target with a qualitative row and every row weighted, and its approved rows. */
async function unstartedTarget() {
  for (const row of (await app.call('selfEvaluation.list', { year: 2020 })).filter((r) => r.status === null)) {
    const target = await app.call('targets.forProject', { projectId: row.projectId });
    if (target.indicators.some((i) => i.operator === '定性') && target.indicators.every((i) => parseDecimal(i.weight) !== null)) return { row, indicators: target.indicators };
  }
  throw new Error('示例县没有未开始自评、带定性指标且每个指标都有分值的批复目标');
}

/** The sheet of the project in the unit's template, as a unit types into it in Excel: every 其中 row spent in full, every indicator met. */
function filled(template: Buffer, sheet: string, indicators: { name: string; operator: string; value: string; weight: string }[], qualitativeScore: (weight: string) => string): Buffer {
  const grid = XLSX.utils.sheet_to_json<string[]>(XLSX.read(template).Sheets[sheet]!, { header: 1, defval: '' });
  const budgetColumn = grid.find((r) => r.includes('全年预算数'))!.indexOf('全年预算数');
  const budget = (label: string) => grid.find((r) => r[1] === label || r[1] === `其中：${label}`)![budgetColumn]!;
  const cells: Record<string, Record<string, string>> = {
    当年财政拨款: { 全年执行数: budget('当年财政拨款') },
    上年结转资金: { 全年执行数: budget('上年结转资金') },
    其他资金: { 全年执行数: budget('其他资金') },
    实际完成情况: { 实际完成情况: '项目按计划实施完毕' },
    预算执行偏差原因: { '': '部分资金年底才拨付' },
  };
  for (const i of indicators) {
    cells[i.name] = i.operator === '定性' ? { 实际完成值: '达成年度指标', 得分: qualitativeScore(i.weight) } : { 实际完成值: i.value };
  }
  return fillTemplate(template, sheet, cells);
}

describe('self-evaluations in and out of Excel', () => {
  it('imports a filled template after a wrong row is shown and fixed, lists its score, and exports the year', async () => {
    const { page } = app;
    const { row: chosen, indicators } = await unstartedTarget();
    await page.goto(new URL('#/selfEvaluation/2020', app.bridge.url).href);
    await page.getByRole('heading', { name: '绩效自评' }).waitFor();

    // The unit's template, chosen by typing its code.
    const unitSelect = page.getByRole('combobox', { name: '模板的预算单位', exact: true });
    await unitSelect.click();
    await unitSelect.pressSequentially(chosen.unitCode, { delay: 30 });
    await page.getByRole('option', { name: `${chosen.unitName}（${chosen.unitCode}）`, exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载自评模板' }).click()]);
    expect(download.suggestedFilename()).toBe(`2020年项目支出绩效自评表-${chosen.unitName}.xlsx`);
    const template = fs.readFileSync((await download.path())!);
    const sheet = XLSX.read(template).SheetNames.find((name) => XLSX.read(template).Sheets[name]!.H3?.v === chosen.projectCode)!;
    const qualitative = indicators.find((i) => i.operator === '定性')!;
    const excelRow = XLSX.utils.sheet_to_json<string[]>(XLSX.read(template).Sheets[sheet]!, { header: 1, defval: '' }).findIndex((r) => r.includes(qualitative.name)) + 1;

    // Half the weight for an achieved qualitative row: below its tier, so the preview names the row and nothing is imported.
    const half = (weight: string) => toFixed(mul(parseDecimal(weight)!, ratio(1, 2)), 2);
    const importFile = async (buffer: Buffer) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入自评模板' }).click()]);
      await chooser.setFiles({ name: '单位自评.xlsx', mimeType: XLSX_MIME, buffer });
      const dialog = page.getByRole('dialog', { name: '导入预览：单位自评.xlsx' });
      await dialog.waitFor();
      return dialog;
    };
    const wrong = await importFile(filled(template, sheet, indicators, half));
    const problems = wrong.getByRole('table', { name: '有错误的行' });
    const problem = problems.getByRole('row').filter({ hasText: `第 ${excelRow} 行` });
    await problem.getByText(`定性指标“达成年度指标”的得分应在`).waitFor();
    expect(await problem.innerText()).toContain(sheet);
    await wrong.getByText('文件中有错误，整个文件都不会导入').waitFor();
    expect(await wrong.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/self-evaluation-excel-wrong.png' });
    await wrong.getByRole('button', { name: '取消' }).click();
    await wrong.waitFor({ state: 'hidden' });
    expect((await app.call('selfEvaluation.list', { year: 2020 })).find((r) => r.targetId === chosen.targetId)!.status).toBeNull();

    // The fixed file: full marks for the qualitative row. Only this sheet is written; the rest are left as they were.
    const fixed = await importFile(filled(template, sheet, indicators, (w) => toFixed(parseDecimal(w)!, 2)));
    await fixed.getByRole('table', { name: '导入内容' }).getByRole('row').filter({ hasText: chosen.projectCode }).getByText('新增').waitFor();
    expect(await fixed.getByRole('table', { name: '有错误的行' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/self-evaluation-excel-preview.png' });
    await fixed.getByRole('button', { name: '确认导入 1 张表' }).click();
    await fixed.waitFor({ state: 'hidden' });

    const imported = (await app.call('selfEvaluation.list', { year: 2020 })).find((r) => r.targetId === chosen.targetId)!;
    expect(imported.status).toBe('draft');
    expect(imported.totalScore).not.toBeNull();
    const listRow = page.getByRole('table', { name: '自评列表' }).getByRole('row').filter({ hasText: chosen.projectName });
    await unitSelect.waitFor();
    const filter = page.getByRole('combobox', { name: '按单位筛选', exact: true });
    await filter.click();
    await filter.pressSequentially(chosen.unitCode, { delay: 30 });
    await page.getByRole('option', { name: `${chosen.unitName}（${chosen.unitCode}）`, exact: true }).click();
    await listRow.getByText(imported.totalScore!, { exact: true }).waitFor();
    await listRow.getByText(imported.grade!, { exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/self-evaluation-excel-list.png' });

    // The year's tables as one workbook: the summary lists the new table with its total.
    const [yearBook] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出全年自评表' }).click()]);
    expect(yearBook.suggestedFilename()).toBe('2020年项目支出绩效自评表.xlsx');
    const book = XLSX.read(fs.readFileSync((await yearBook.path())!));
    expect(book.SheetNames[0]).toBe('汇总');
    const summary = XLSX.utils.sheet_to_json<string[]>(book.Sheets['汇总']!, { header: 1, raw: false, defval: '' });
    expect(summary.find((r) => r[3] === chosen.projectCode)!.slice(5)).toEqual(['草稿', `${imported.executionRate}%`, imported.totalScore, imported.grade]);
    expect(app.pageErrors).toEqual([]);
  });
});
