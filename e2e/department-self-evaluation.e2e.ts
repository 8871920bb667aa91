// 部门整体支出绩效自评 in the browser, over the sample county: a clerk opens the 部门整体 tab of 绩效自评,
// starts a unit's table on its approved department-wide target, types the year's execution of 基本支出
// and 项目支出, each indicator's actual and each annual task's 完成情况, watching the scores follow, and
// submits; a reviewer approves it, after which it is locked and prints as the form. A year without
// approved department-wide targets says what to do.
import { describe, expect, it } from 'vitest';
import { formatWanYuan } from '../electron/domain/money';
import { parseDecimal, toFixed, ratio } from '../electron/domain/ratio';
import { ADMIN_PASSWORD, appsPerTest, retype, signInAs, startCountyApp, type AppUnderTest } from './harness';

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

/** The first unit whose approved department-wide target has no self-evaluation yet and weights on every row. */
async function unitToEvaluate() {
  for (const row of (await app.call('selfEvaluation.departmentList', { year: 2020 })).filter((r) => r.status === null)) {
    const target = await app.call('targets.department', { year: 2020, unitCode: row.unitCode });
    if (target.indicators.length > 0 && target.indicators.every((i) => parseDecimal(i.weight) !== null)) return row;
  }
  throw new Error('示例县没有尚未自评、每个指标都有分值的批复部门整体目标');
}

describe('a department-wide self-evaluation in the browser', () => {
  it('is started from the 部门整体 tab, filled by typing with live scores, submitted and approved by another operator, then locked and printed', async () => {
    const { page } = app;
    const chosen = await unitToEvaluate();
    await signInAs(page, '李经办', '李经办（经办人）');

    await page.goto(new URL('#/selfEvaluation/2020/department', app.bridge.url).href);
    await page.getByRole('tab', { name: '部门整体', selected: true }).waitFor();
    await page.getByRole('button', { name: `开始自评：${chosen.unitName}` }).click();
    await page.getByRole('heading', { name: `${chosen.unitName} · 部门整体支出绩效自评表` }).waitFor();
    const [started] = (await app.call('selfEvaluation.departmentList', { year: 2020 })).filter((r) => r.targetId === chosen.targetId);
    const detail = await app.call('selfEvaluation.get', { id: started!.id! });
    expect(detail.kind).toBe('department');

    // Spent in full: each row's 全年执行数 is its 全年预算数, and the execution score reaches its weight.
    const block = detail.department!.funds;
    for (const [row, label] of [['basicSpending', '基本支出'], ['projectSpending', '项目支出']] as const) {
      await retype(page.getByRole('textbox', { name: `${label}全年执行数` }), formatWanYuan(block[row].adjustedFen, { grouping: false }));
    }
    await expect.poll(() => page.getByLabel('预算执行率').innerText()).toBe('100.00%');
    await expect.poll(() => page.getByLabel('预算执行得分').innerText()).toBe(toFixed(ratio(detail.rules.budgetWeight), 2));

    // Every indicator met: a quantitative one at its target, a qualitative one 达成 with its full weight.
    const at = (n: number) => `第 ${n + 1} 个指标`;
    for (const [n, indicator] of detail.indicators.entries()) {
      if (indicator.operator === '定性') {
        await page.getByRole('combobox', { name: `${at(n)}完成档次` }).click();
        await page.getByRole('option', { name: '达成年度指标', exact: true }).click();
        await retype(page.getByRole('textbox', { name: `${at(n)}得分` }), toFixed(parseDecimal(indicator.weight)!, 2));
      } else {
        await retype(page.getByRole('textbox', { name: `${at(n)}实际完成值` }), indicator.targetValue);
      }
    }
    for (const task of detail.department!.tasks) {
      await page.getByRole('textbox', { name: `任务“${task.task}”的完成情况` }).pressSequentially('已按计划完成', { delay: 30 });
    }
    await retype(page.getByRole('textbox', { name: '实际完成情况', exact: true }), '全年各项职能履行到位，重点工作任务全部完成');
    await page.getByRole('textbox', { name: '发现的主要问题', exact: true }).pressSequentially('基本支出预算编制偏粗', { delay: 30 });
    await page.getByRole('textbox', { name: '改进措施', exact: true }).pressSequentially('细化基本支出预算', { delay: 30 });
    await page.getByText('已符合送审要求').waitFor();
    await expect.poll(() => page.getByLabel('总分').innerText()).toBe('100.00');
    expect(await page.getByLabel('评价等级').innerText()).toBe('优');
    await page.screenshot({ path: '/tmp/department-self-evaluation-filled.png', fullPage: true });

    await page.getByRole('button', { name: '送审' }).click();
    await page.getByRole('alert', { name: '已送审，等待审核', exact: true }).waitFor();
    const editorUrl = page.url();

    // Another operator approves it; the submitter could not.
    await signInAs(page, '王审核', '王审核（审核人）');
    await page.goto(editorUrl);
    await page.getByRole('region', { name: '审核' }).getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('alert', { name: '已审核通过', exact: true }).waitFor();
    await page.getByRole('table', { name: '办理记录' }).getByText('审核通过自评表').waitFor();
    expect(await page.getByRole('textbox', { name: '基本支出全年执行数' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/department-self-evaluation-approved.png', fullPage: true });

    // Printed, it is the 部门整体支出绩效自评表 with its tasks, total and grade.
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByLabel('部门整体支出绩效自评表（打印）');
    await sheet.waitFor();
    const printed = await sheet.innerText();
    expect(printed).toContain('年度主要任务');
    expect(printed).toContain(`${chosen.unitName}（${chosen.unitCode}）`);
    expect(printed).toContain('评价等级：优');
    await page.screenshot({ path: '/tmp/department-self-evaluation-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // The list shows it approved with its total and grade.
    await page.goto(new URL('#/selfEvaluation/2020/department', app.bridge.url).href);
    const listed = page.getByRole('table', { name: '部门整体自评列表' }).getByRole('row').filter({ hasText: chosen.unitName });
    await listed.getByText('100.00', { exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/department-self-evaluation-list.png' });
    expect((await app.call('selfEvaluation.departmentList', { year: 2020 })).find((r) => r.targetId === chosen.targetId)).toMatchObject({ status: 'approved', totalScore: '100.00', grade: '优' });
    expect(app.pageErrors).toEqual([]);
  });

  it('says what to do when the year has no approved department-wide targets', async () => {
    const { page } = app;
    await page.goto(new URL('#/selfEvaluation/2019/department', app.bridge.url).href);
    await page.getByRole('heading', { name: '还没有批复的部门整体绩效目标' }).waitFor();
    await page.getByText('请先在“绩效目标 → 部门整体”中完成单位目标的填报和审核').waitFor();
    await page.screenshot({ path: '/tmp/department-self-evaluation-empty.png' });
    expect(app.pageErrors).toEqual([]);
  });
});
