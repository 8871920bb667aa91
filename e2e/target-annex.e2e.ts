// 项目支出绩效目标申报表 as 88号 annex 1 in the browser, over the sample county with a 2021 continuation of a
// 2020 project whose self-evaluation was approved: the unit fills the 中期 and annual parts, splits the
// funds (a split that misses the total is named as typed), types the contact phone (a number without its
// area code is refused), sees 上年目标值 / 上年实际值 beside the indicators and the mark where a target is
// set below last year's actual; a reviewer approves it; the print shows last year's values and both opinion
// blocks, and the Excel export reads back as the annex with them.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { formatWanYuan, wanYuanText } from '../electron/domain/money';
import { parseDecimal } from '../electron/domain/ratio';
import { displayTarget, type IndicatorOperator } from '../electron/domain/indicators';
import { belowLastYearActual } from '../electron/domain/targetAnnex';
import { ADMIN_PASSWORD, appsPerTest, ARTIFACTS_DIR, retype, signInAs, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('database.openSample', { year: 2020 });
    await county.call('session.changePassword', { current: null, next: ADMIN_PASSWORD });
    await county.call('operators.create', { name: '王审核', role: 'reviewer', password: null });
  }, { sampleMade: true });
});

const WAN = 1_000_000;

async function screenshot(name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await app.page.mouse.move(1, 899);
  await app.page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Continues a 2020 project into 2021 (same code and unit, 延续, 2020–2022, 120 万元) and opens its new target. */
async function continuedInto2021(projectId: string) {
  const { project } = await app.call('targets.forProject', { projectId });
  const created = await app.call('projects.create', {
    year: 2021,
    code: project.code,
    name: project.name.replace('2020', '2021'),
    departmentCode: project.departmentCode,
    unitCode: project.unitCode,
    category: project.category,
    attribute: '延续',
    keyProject: false,
    povertyFund: project.povertyFund,
    confidential: false,
    projectTypeCode: project.projectTypeCode,
    startDate: '2020-01-01',
    endDate: '2022-12-31',
    personInCharge: project.personInCharge,
    funds: [
      { source: '本级财政拨款', initialFen: 100 * WAN, additionFen: 0, cutFen: 0 },
      { source: '单位资金', initialFen: 20 * WAN, additionFen: 0, cutFen: 0 },
    ],
  });
  return app.call('targets.forProject', { projectId: created.id });
}

/**
 * Continues an approved and self-evaluated 2020 project into 2021 (same code, 延续, three years) and returns
 * it with the first indicator whose last year's actual is a number above 1, so a lower target can be typed.
 */
async function continuedProject() {
  const evaluated = (await app.call('selfEvaluation.list', { year: 2020 })).filter((r) => r.status === 'approved');
  for (const row of evaluated) {
    const target = await continuedInto2021(row.projectId);
    const index = target.indicators.findIndex((i) => {
      const last = target.quality.previous?.indicators.find((l) => l.libraryCode === i.libraryCode);
      const actual = last?.actual ? parseDecimal(last.actual) : null;
      return i.operator === '≥' && actual !== null && actual.num > actual.den;
    });
    if (index >= 0) return { target, index, last: target.quality.previous!.indicators.find((l) => l.libraryCode === target.indicators[index]!.libraryCode)! };
  }
  throw new Error('示例县 2020 年没有自评已通过、且有大于 1 的“≥”实际值的项目');
}

describe('项目支出绩效目标申报表 (88号 annex 1)', () => {
  it('fills a continuing project’s 中期 and annual parts, warns below last year’s actual, prints both opinions and exports the annex', async () => {
    const { page } = app;
    const { target, index, last } = await continuedProject();
    const row = `第 ${index + 1} 个指标`;
    await page.goto(new URL(`#/targets/project/${target.project.id}`, app.bridge.url).href);
    await page.getByRole('heading', { name: '项目支出绩效目标申报表', exact: true }).waitFor();

    await page.getByRole('textbox', { name: '总体目标' }).pressSequentially('2021年持续实施，巩固上年成效', { delay: 30 });

    // The year's funds as 财政拨款 / 其他资金: a split that misses the 120 万元 total is named as it is typed.
    const funds = page.getByLabel('资金构成');
    await retype(funds.getByRole('textbox', { name: '年度资金：财政拨款（万元）' }), '100');
    await retype(funds.getByRole('textbox', { name: '年度资金：其他资金（万元）' }), '10');
    await funds.getByText('年度资金总额 120.0000 万元，财政拨款 100.0000 万元 + 其他资金 10.0000 万元 = 110.0000 万元，两者应相等').waitFor();
    await retype(funds.getByRole('textbox', { name: '年度资金：其他资金（万元）' }), '20');
    await funds.getByText('两者应相等').waitFor({ state: 'detached' });
    await retype(funds.getByRole('textbox', { name: '中期资金：财政拨款（万元）' }), '300');
    await retype(funds.getByRole('textbox', { name: '中期资金：其他资金（万元）' }), '60');
    await funds.getByLabel('中期资金合计').getByText('合计 360.0000 万元').waitFor();

    // Last year's target and actual beside the indicator; a target below last year's actual is marked.
    const grid = page.getByRole('table', { name: '绩效指标', exact: true });
    expect(await grid.getByLabel(`${row}上年实际值`).innerText()).toContain(last.actual!);
    await retype(grid.getByRole('textbox', { name: `${row}指标值` }), '1');
    expect(belowLastYearActual({ operator: '≥', value: '1' }, last)).toBe(true);
    await grid.getByRole('note', { name: `${row}低于上年实际值` }).waitFor();
    await grid.getByRole('textbox', { name: '第 1 个指标评（扣）分标准' }).pressSequentially('未达到指标值的按比例扣分', { delay: 30 });

    // 中期目标 and 中期绩效指标, 立项依据, 实施进度计划.
    const details = page.getByLabel('申报表其他内容');
    await details.getByRole('textbox', { name: '中期目标' }).pressSequentially('2020—2022 年三年持续实施，项目区群众稳定受益', { delay: 30 });
    await details.getByRole('button', { name: '复制年度指标' }).click();
    const midterm = page.getByRole('table', { name: '中期绩效指标' });
    await midterm.getByRole('textbox', { name: '中期绩效指标第 1 个指标三级指标' }).waitFor();
    await details.getByRole('textbox', { name: '立项依据' }).pressSequentially('《轮台县乡村振兴三年行动方案》', { delay: 30 });
    await details.getByRole('button', { name: '添加进度' }).click();
    await details.getByRole('textbox', { name: '第 1 行进度的时间段' }).pressSequentially('2021年1—3月', { delay: 30 });
    await details.getByRole('textbox', { name: '第 1 行进度的工作内容' }).pressSequentially('完成方案和招标', { delay: 30 });

    // 联系电话: a number without its area code is refused once the field is left, a landline with it passes.
    const phone = details.getByRole('textbox', { name: '联系电话' });
    await phone.pressSequentially('4621234', { delay: 30 });
    await phone.blur();
    await details.getByText('联系电话应为 11 位手机号码（如 13912345678）或带区号的固定电话（如 0996-4621234）').waitFor();
    await retype(phone, '0996-4621234');
    await details.getByText('联系电话应为 11 位手机号码').waitFor({ state: 'detached' });
    console.log(`申报表（填写）：${await screenshot('target-annex-editor')}`);

    await page.getByRole('status').getByText('已符合送审要求').waitFor();
    await page.getByRole('button', { name: '送审' }).click();
    await page.getByText('已送审，等待审核', { exact: true }).first().waitFor();

    // The reviewer approves with 良 and the agreed change.
    await signInAs(page, '王审核', '王审核（审核人）');
    await page.goto(new URL(`#/targets/project/${target.project.id}`, app.bridge.url).href);
    const review = page.getByRole('region', { name: '目标审核' });
    await review.getByRole('radio', { name: /^良：/ }).check();
    await review.getByRole('textbox', { name: '审核意见' }).pressSequentially('指标值不得低于上年实际值，已与单位商定调整', { delay: 30 });
    await review.getByRole('button', { name: '审核通过' }).click();
    await page.getByText('审核通过', { exact: true }).first().waitFor();

    // The printed 申报表: the annex grid with both opinion blocks, the bureau's naming who and when.
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByRole('table', { name: '项目支出绩效目标申报表（打印）' });
    await sheet.waitFor();
    for (const label of ['中期资金总额', '年度资金总额', '中期目标', '年度目标', '中期指标值', '年度指标值', '评（扣）分标准', '立项依据', '实施进度计划', '联系电话', '主管部门审核意见', '财政部门审核意见']) {
      await sheet.getByText(label, { exact: true }).first().waitFor();
    }
    await sheet.getByText(/指标值不得低于上年实际值，已与单位商定调整（审核通过，审核等级：良；审核人：王审核；日期：\d{4}-\d{2}-\d{2}）/).waitFor();
    await sheet.getByText('0996-4621234').waitFor();
    // Last year's target and actual print beside 年度指标值, as the form shows them.
    await sheet.getByText('上年指标值', { exact: true }).waitFor();
    await sheet.getByText('上年实际值', { exact: true }).waitFor();
    const lastTarget = displayTarget({ operator: last.operator as IndicatorOperator, value: last.value, unit: last.unit });
    const printedRow = sheet.getByRole('row').filter({ hasText: target.indicators[index]!.name });
    await printedRow.getByText(lastTarget, { exact: true }).waitFor();
    await printedRow.getByText(last.actual!, { exact: true }).waitFor();
    console.log(`申报表（打印）：${await screenshot('target-annex-print')}`);
    await page.emulateMedia({ media: 'screen' });

    // 导出申报表（Excel）: the annex grid, read back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出申报表（Excel）' }).click()]);
    expect(download.suggestedFilename()).toBe(`2021年度项目支出绩效目标申报表-${target.project.code}.xlsx`);
    const book = XLSX.read(fs.readFileSync((await download.path())!), { type: 'buffer' });
    const texts = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, defval: null }).flatMap((r) => r.filter((v) => v !== null && v !== '').map(String));
    const labels = ['项目支出绩效目标申报表', '项目名称', '主管部门', '实施单位', '项目属性', '项目期', '中期资金总额', '年度资金总额', '总体目标', '绩效指标', '中期指标值', '年度指标值', '立项依据', '实施进度计划', '联系电话', '主管部门审核意见', '财政部门审核意见'];
    expect(labels.map((l) => texts.indexOf(l))).toEqual([...labels.map((l) => texts.indexOf(l))].sort((a, b) => a - b));
    expect(labels.every((l) => texts.includes(l))).toBe(true);
    expect(texts.indexOf('上年指标值')).toBe(texts.indexOf('年度指标值') + 1);
    expect(texts.indexOf('上年实际值')).toBe(texts.indexOf('年度指标值') + 2);
    expect(texts).toContain('2020-01-01 至 2022-12-31（3 年）');
    expect(app.pageErrors).toEqual([]);
  });
});

describe('上年实际值 of a continuing project whose last year has no approved self-evaluation', () => {
  it('comes from last year’s latest approved monitoring sheet and is headed with its month', async () => {
    const { page } = app;
    // A 2020 project with an approved target, an approved November sheet and a self-evaluation not (yet) approved.
    const notEvaluated = (await app.call('selfEvaluation.list', { year: 2020 })).filter((r) => r.status !== 'approved');
    for (const row of notEvaluated) {
      const target = await continuedInto2021(row.projectId);
      const source = target.quality.previous?.actualSource;
      if (source?.kind !== 'monitoring') continue;
      await page.goto(new URL(`#/targets/project/${target.project.id}`, app.bridge.url).href);
      const grid = page.getByRole('table', { name: '绩效指标', exact: true });
      const header = grid.getByRole('columnheader', { name: `上年实际值（监控至${source.month}月）` });
      await header.waitFor();
      await header.scrollIntoViewIfNeeded();
      const reached = target.quality.previous!.indicators.find((i) => i.actual !== null && target.indicators[0]?.libraryCode === i.libraryCode);
      if (reached) expect(await grid.getByLabel('第 1 个指标上年实际值').innerText()).toContain(reached.actual!);
      console.log(`上年实际值（监控）：${await screenshot('target-annex-last-year-monitoring')}`);
      // The print preview heads the column alike.
      await page.emulateMedia({ media: 'print' });
      const printed = page.getByRole('table', { name: '项目支出绩效目标申报表（打印）' });
      await printed.getByText(`上年实际值（监控至${source.month}月）`, { exact: true }).waitFor();
      console.log(`上年实际值（监控，打印）：${await screenshot('target-annex-last-year-monitoring-print')}`);
      await page.emulateMedia({ media: 'screen' });
      expect(app.pageErrors).toEqual([]);
      return;
    }
    throw new Error('示例县 2020 年没有自评未通过、监控表已审核通过的项目');
  });
});

describe('部门整体支出绩效目标申报表 (88号 annex 2)', () => {
  it('names the difference between 项目支出 and the unit’s projects’ budgets while typing, and refuses 送审 until they agree', async () => {
    const { page } = app;
    // A unit still drafting its department-wide target that implements projects of its own.
    const overview = await app.call('targets.overview', { year: 2020 });
    const drafting = overview.departments.filter((u) => u.status === 'draft' || u.status === 'returned');
    const unit = drafting.find((u) => overview.projects.some((p) => p.unitCode === u.unitCode));
    if (!unit) throw new Error('示例县没有在填报部门整体目标、且有本单位项目的单位');
    const own = overview.projects.filter((p) => p.unitCode === unit.unitCode);
    const sumFen = own.reduce((sum, p) => sum + p.adjustedFen, 0);
    const target = await app.call('targets.department', { year: 2020, unitCode: unit.unitCode });
    expect(target.projectFen).toBe(sumFen);

    await page.goto(new URL(`#/targets/department/2020/${unit.unitCode}`, app.bridge.url).href);
    await page.getByRole('heading', { name: '部门整体支出绩效目标表' }).waitFor();
    const projectSpending = page.getByRole('textbox', { name: '项目支出', exact: true });
    const wrongFen = sumFen + 10 * WAN;
    await retype(projectSpending, wanYuanText(wrongFen));
    const message = `项目支出 ${formatWanYuan(wrongFen)} 万元，本单位实施的 ${own.length} 个项目调整后预算合计 ${formatWanYuan(sumFen)} 万元，相差 10.0000 万元：请把项目支出改为 ${formatWanYuan(sumFen)} 万元，或在“单位与项目”中核对本单位的项目及其资金`;
    await page.getByText(message).first().waitFor();
    await page.getByText(`本单位实施的 ${own.length} 个项目调整后预算合计 ${formatWanYuan(sumFen)} 万元（项目支出应与之相等）`).waitFor();
    console.log(`部门整体目标（项目支出不符）：${await screenshot('department-target-project-spending')}`);

    // Saved as typed, 送审 is refused with the same message.
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').first().waitFor();
    const saved = await app.call('targets.department', { year: 2020, unitCode: unit.unitCode });
    await expect(app.call('targets.transition', { id: saved.id!, version: saved.version!, action: 'submit' })).rejects.toThrow(message);

    await retype(projectSpending, wanYuanText(sumFen));
    await page.getByText(message).first().waitFor({ state: 'detached' });
    expect(app.pageErrors).toEqual([]);
  });
});
