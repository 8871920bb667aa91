// 绩效自评 in the browser, over the sample county: a clerk starts the self-evaluation of an approved
// target, types a qualitative score outside its tier and is refused with the allowed range under the
// field, fixes it, fills the rest by typing and submits; a reviewer returns it with an opinion, the clerk
// resubmits, and the reviewer approves it, after which it is locked; then it is drawn for 抽查 and rechecked.
import { describe, expect, it } from 'vitest';
import { formatWanYuan } from '../electron/domain/money';
import { parseDecimal, toFixed, mul, ratio } from '../electron/domain/ratio';
import { ADMIN_PASSWORD, appsPerTest, chooseOption, retype, signInAs, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('database.openSample', { year: 2020 });
    // A second operator needs the administrator's password first.
    await county.call('session.changePassword', { current: null, next: ADMIN_PASSWORD });
    await county.call('operators.create', { name: '李经办', role: 'clerk', password: null });
    await county.call('operators.create', { name: '王审核', role: 'reviewer', password: null });
  }, { sampleMade: true });
});

/** An approved target not yet evaluated, with a qualitative indicator and every row weighted: the case the form is about. */
async function targetWithQualitativeRow() {
  for (const row of (await app.call('selfEvaluation.list', { year: 2020 })).filter((r) => r.status === null)) {
    const target = await app.call('targets.forProject', { projectId: row.projectId });
    if (target.indicators.some((i) => i.operator === '定性') && target.indicators.every((i) => parseDecimal(i.weight) !== null)) return row;
  }
  throw new Error('示例县没有带定性指标且每个指标都有分值的批复目标');
}

describe('a self-evaluation in the browser', () => {
  it('refuses a qualitative score outside its tier with the allowed range, then is filled by typing, submitted, returned, resubmitted and approved', async () => {
    const { page } = app;
    const chosen = await targetWithQualitativeRow();
    await signInAs(page, '李经办', '李经办（经办人）');

    // The list of approved targets; start this one's self-evaluation from its unit's rows.
    await page.goto(new URL('#/selfEvaluation/2020', app.bridge.url).href);
    await page.getByRole('heading', { name: '绩效自评' }).waitFor();
    await chooseOption(page, '按单位筛选', chosen.unitName, `${chosen.unitName}（${chosen.unitCode}）`);
    await page.getByRole('button', { name: `开始自评：${chosen.projectName}` }).click();
    await page.getByRole('heading', { name: `${chosen.projectName} · 项目支出绩效自评表` }).waitFor();
    const [started] = (await app.call('selfEvaluation.list', { year: 2020 })).filter((r) => r.targetId === chosen.targetId);
    const detail = await app.call('selfEvaluation.get', { id: started!.id! });

    // Spent in full: each row's 全年执行数 is its 全年预算数.
    for (const [row, label] of [['appropriation', '当年财政拨款'], ['carryOver', '上年结转资金'], ['other', '其他资金']] as const) {
      await retype(page.getByRole('textbox', { name: `${label}全年执行数` }), formatWanYuan(detail.funds[row].adjustedFen, { grouping: false }));
    }
    await expect.poll(() => page.getByLabel('预算执行得分').innerText()).toBe(toFixed(ratio(detail.rules.budgetWeight), 2));

    // The qualitative row: 达成年度指标 allows 80%–100% of its weight; a score just below is refused as typed.
    const q = detail.indicators.findIndex((i) => i.operator === '定性');
    const qualitative = detail.indicators[q]!;
    const weight = parseDecimal(qualitative.weight)!;
    const at = (n: number) => `第 ${n + 1} 个指标`;
    // The tier may come prefilled from the sample's November monitoring; choosing it again would clear it.
    const tier = page.getByRole('combobox', { name: `${at(q)}完成档次` });
    if ((await tier.inputValue()) !== '达成年度指标') {
      await tier.click();
      await page.getByRole('option', { name: '达成年度指标', exact: true }).click();
    }
    const tooLow = toFixed(mul(weight, parseDecimal('0.79')!), 2);
    const scoreField = page.getByRole('textbox', { name: `${at(q)}得分` });
    await retype(scoreField, tooLow);
    const range = `${toFixed(mul(weight, parseDecimal('0.8')!), 2)}–${toFixed(weight, 2)}`;
    const indicators = page.getByRole('table', { name: '绩效指标' });
    await indicators.getByText(`定性指标“达成年度指标”的得分应在 ${range} 之间，填写的是 ${tooLow}`).waitFor();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('没有保存').first().waitFor();
    expect((await app.call('selfEvaluation.get', { id: detail.id })).version).toBe(detail.version);
    await retype(scoreField, toFixed(weight, 2));
    await expect.poll(() => indicators.getByText(`填写的是 ${tooLow}`).count()).toBe(0);

    // Quantitative rows: the first one falls short (its score follows the typing, and it asks for the reason), the rest are met.
    const quantitative = detail.indicators.map((i, n) => ({ i, n })).filter(({ i }) => i.operator !== '定性');
    for (const [k, { i, n }] of quantitative.entries()) {
      const short = k === 0 && (i.operator === '≥' || i.operator === '>');
      await retype(page.getByRole('textbox', { name: `${at(n)}实际完成值` }), short ? toFixed(mul(parseDecimal(i.targetValue)!, ratio(1, 2)), 2) : i.targetValue);
    }
    await page.getByRole('textbox', { name: `${at(quantitative[0]!.n)}偏差原因分析及改进措施` }).pressSequentially('部分学校下半年才开工，明年一季度完成', { delay: 30 });
    await retype(page.getByRole('textbox', { name: '实际完成情况', exact: true }), '项目按计划实施，主要目标基本完成');
    await page.getByRole('textbox', { name: '发现的主要问题', exact: true }).pressSequentially('个别学校开工较晚', { delay: 30 });
    await page.getByRole('textbox', { name: '改进措施', exact: true }).pressSequentially('提前做好开工准备', { delay: 30 });
    await page.getByText('已符合送审要求').waitFor();
    expect(await page.getByLabel('评价等级').innerText()).toMatch(/^[优良中差]$/);
    await page.screenshot({ path: '/tmp/self-evaluation-filled.png', fullPage: true });

    await page.getByRole('button', { name: '送审' }).click();
    await page.getByRole('alert', { name: '已送审，等待审核', exact: true }).waitFor();
    const editorUrl = page.url();

    // The reviewer returns it with an opinion.
    await signInAs(page, '王审核', '王审核（审核人）');
    await page.goto(editorUrl);
    const review = page.getByRole('region', { name: '审核' });
    await review.getByRole('textbox', { name: '审核意见' }).pressSequentially('偏差原因请写明涉及的学校', { delay: 30 });
    await review.getByRole('button', { name: '退回' }).click();
    await page.getByRole('alert', { name: '被退回', exact: true }).waitFor();

    // The clerk adds to the reason and submits again; the reviewer approves.
    await signInAs(page, '李经办', '李经办（经办人）');
    await page.goto(editorUrl);
    await page.getByRole('alert', { name: '被退回', exact: true }).getByText('审核意见：偏差原因请写明涉及的学校').waitFor();
    const reason = page.getByRole('textbox', { name: `${at(quantitative[0]!.n)}偏差原因分析及改进措施` });
    await reason.click();
    await reason.press('ControlOrMeta+End');
    await reason.pressSequentially('（涉及第二中学、实验小学）', { delay: 30 });
    await page.getByRole('button', { name: '送审' }).click();
    await page.getByRole('alert', { name: '已送审，等待审核', exact: true }).waitFor();
    await signInAs(page, '王审核', '王审核（审核人）');
    await page.goto(editorUrl);
    await page.getByRole('region', { name: '审核' }).getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('alert', { name: '已审核通过', exact: true }).waitFor();
    await page.getByRole('table', { name: '办理记录' }).getByText('审核通过自评表').waitFor();

    // Locked: the values are text now, and the list shows the grade.
    expect(await page.getByRole('textbox', { name: `${at(q)}得分` }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/self-evaluation-approved.png', fullPage: true });
    // Printed, it is the official form: the ruled 自评表 with the total and grade, not the screen's sections.
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByLabel('项目支出绩效自评表（打印）');
    await sheet.waitFor();
    expect(await sheet.innerText()).toContain(`评价等级：${(await app.call('selfEvaluation.get', { id: detail.id })).grade}`);
    expect(await sheet.innerText()).toContain('明年一季度完成（涉及第二中学、实验小学）');
    expect(await page.getByRole('table', { name: '绩效指标', exact: true }).isVisible()).toBe(false);
    // The sample's banner stays on paper (the data is fictitious) but above the form, not over it; toasts stay off paper.
    expect(await page.getByRole('status', { name: '示例数据库' }).evaluate((e) => getComputedStyle(e).position)).toBe('static');
    expect(await page.getByRole('button', { name: '返回正式数据库' }).isVisible()).toBe(false);
    expect(await page.locator('.mantine-Notifications-root').evaluateAll((roots) => [...new Set(roots.map((r) => getComputedStyle(r).display))])).toEqual(['none']);
    await page.screenshot({ path: '/tmp/self-evaluation-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    const [approved] = (await app.call('selfEvaluation.list', { year: 2020 })).filter((r) => r.targetId === chosen.targetId);
    expect(approved).toMatchObject({ status: 'approved', grade: expect.stringMatching(/^[优良中差]$/) });

    // 抽查: the reviewer draws from the approved tables with a seed and records an adjusted score with reasons.
    await page.goto(new URL('#/selfEvaluation/2020/spot', app.bridge.url).href);
    // The sample year has one draw of its own already (its spot check opened a notice).
    const drawForm = page.getByRole('region', { name: '抽取自评表' });
    await drawForm.waitFor();
    // Every approved table of the year, so that this one is among them.
    await retype(drawForm.getByRole('textbox', { name: '抽查比例（%）' }), '100');
    await drawForm.getByRole('textbox', { name: '随机种子（可选）' }).pressSequentially('2020年第1次', { delay: 30 });
    await drawForm.getByRole('button', { name: '抽取' }).click();
    const checks = page.getByRole('table', { name: '抽查复核' }).getByRole('row').filter({ hasText: chosen.projectName });
    await checks.waitFor();
    await page.getByText('抽取 100%（随机种子 2020年第1次）').waitFor();
    // A score past 100 is refused as typed, under the row, and cannot be saved.
    const recheckScore = checks.getByRole('textbox', { name: `${chosen.projectName}复核得分` });
    await recheckScore.pressSequentially('850', { delay: 30 });
    await checks.getByRole('textbox', { name: `${chosen.projectName}调整理由` }).pressSequentially('维修面积无验收单支撑', { delay: 30 });
    await checks.getByText('复核得分应为 0–100 之间的数字，如 86.5').waitFor();
    expect(await checks.getByRole('button', { name: '保存' }).isDisabled()).toBe(true);
    await retype(recheckScore, '85');
    await checks.getByRole('button', { name: '保存' }).click();
    await checks.getByText('王审核 于', { exact: false }).waitFor();
    await checks.getByText('良', { exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/self-evaluation-spot.png', fullPage: true });
    const spot = (await app.call('selfEvaluation.spotChecks', { year: 2020 })).find((c) => c.projectCode === chosen.projectCode);
    expect(spot).toMatchObject({ seed: '2020年第1次', share: 100, adjustedScore: '85.00', adjustedGrade: '良', reasons: '维修面积无验收单支撑', unitScore: approved!.totalScore });
    expect(app.pageErrors).toEqual([]);
  });

  it('says what to do when the year has no approved project targets', async () => {
    const { page } = app;
    await page.goto(new URL('#/selfEvaluation/2019', app.bridge.url).href);
    await page.getByRole('heading', { name: '还没有批复的项目目标' }).waitFor();
    await page.getByRole('link', { name: '前往绩效目标' }).waitFor();
    await page.screenshot({ path: '/tmp/self-evaluation-empty.png' });
    expect(app.pageErrors).toEqual([]);
  });
});
