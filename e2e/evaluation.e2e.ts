// 绩效评价 in the browser: the bureau's clerk builds a 财政评价 on the shipped 10号 project template by typing
// every leaf's data, sees each score, the total and the grade follow, has a manual score outside its range
// refused with the allowed range, submits, and a second operator approves it, after which it is locked.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_TEMPLATE, LEAF_INPUT_LABELS, leavesOf, RULE_INPUTS, type LeafInput, type Rule } from '../electron/domain/evaluation';
import { ADMIN_PASSWORD, appsPerTest, retype, signInAs, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
const PROJECT = '农村公路硬化工程';

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('units.create', { code: '301001', name: '轮台县交通运输局', departmentCode: null, isDepartment: true });
    await county.call('units.create', { code: '301002', name: '轮台县农村公路管理站', departmentCode: '301001', isDepartment: false });
    await county.call('projects.create', {
      year: 2020, code: 'XM2020001', name: PROJECT, departmentCode: '301001', unitCode: '301002', category: '本级支出', attribute: '新增',
      keyProject: true, povertyFund: false, confidential: false, projectTypeCode: null, startDate: '2020-03-01', endDate: '2020-11-30',
      personInCharge: '李四', funds: [{ source: '本级财政拨款', initialFen: 120_000_000, additionFen: 0, cutFen: 0 }],
    });
    await county.call('units.create', { code: '302001', name: '轮台县教育局', departmentCode: null, isDepartment: true });
    await county.call('projects.create', {
      year: 2020, code: 'XM2020002', name: '校舍维修', departmentCode: '302001', unitCode: '302001', category: '本级支出', attribute: '延续',
      keyProject: false, povertyFund: false, confidential: false, projectTypeCode: null, startDate: null, endDate: null,
      personInCharge: '周五', funds: [{ source: '本级财政拨款', initialFen: 50_000_000, additionFen: 0, cutFen: 0 }],
    });
    await county.call('session.changePassword', { current: null, next: ADMIN_PASSWORD });
    await county.call('operators.create', { name: '马部门', role: 'department', password: null, departmentCode: '301001' });
    await county.call('operators.create', { name: '李经办', role: 'clerk', password: null });
    await county.call('operators.create', { name: '王审核', role: 'reviewer', password: null });
  });
});

/** What an evaluator types for full marks under each rule. */
const fullMarks = (rule: Rule, points: string): Partial<LeafInput> =>
  rule.type === 'proportional' ? { value: '100', target: '100' } : rule.type === 'step-table' ? { value: '100' } : rule.type === 'deduct-per-unit' ? { count: '0' } : { score: points };

describe('an evaluation in the browser', () => {
  it('is built on the default project template by typing, refuses a manual score outside its range, is submitted and approved by another operator', async () => {
    const { page } = app;
    await signInAs(page, '李经办', '李经办（经办人）');
    await page.goto(new URL('#/evaluation/2020', app.bridge.url).href);
    await page.getByRole('heading', { name: '还没有绩效评价' }).waitFor();
    await page.screenshot({ path: '/tmp/evaluation-empty.png', fullPage: true });

    // 新建评价: 财政评价 of the project on the shipped template.
    await page.getByRole('button', { name: '新建评价' }).click();
    const dialog = page.getByRole('dialog', { name: '新建 2020 年绩效评价' });
    await dialog.getByRole('combobox', { name: '评价类型' }).click();
    await page.getByRole('option', { name: '财政评价', exact: true }).click();
    await dialog.getByRole('combobox', { name: '评价模板' }).click();
    await page.getByRole('option', { name: '项目支出绩效评价指标体系（财预〔2020〕10号） 第 1 版（项目支出）', exact: true }).click();
    const subject = dialog.getByRole('combobox', { name: '被评价项目' });
    await subject.click();
    await subject.pressSequentially('硬化', { delay: 30 });
    await page.getByRole('option', { name: `XM2020001 ${PROJECT}（轮台县农村公路管理站）`, exact: true }).click();
    await dialog.getByRole('button', { name: '新建并打分' }).click();
    await page.getByRole('heading', { name: `${PROJECT} · 财政评价` }).waitFor();

    // Every leaf typed for full marks; the scores and the total follow the typing.
    for (const { node } of leavesOf(DEFAULT_PROJECT_TEMPLATE)) {
      const typed = fullMarks(node.rule!, node.points);
      for (const field of RULE_INPUTS[node.rule!.type]) await retype(page.getByRole('textbox', { name: `${node.name} ${LEAF_INPUT_LABELS[field]}`, exact: true }), typed[field]!);
    }
    await expect.poll(() => page.getByLabel('总分', { exact: true }).innerText()).toBe('100.00');
    expect(await page.getByLabel('评价等级').innerText()).toBe('优');

    // 立项依据充分性 is scored by hand within 0–3: 3.5 is refused where it is typed, and by 保存.
    const manual = page.getByRole('textbox', { name: '立项依据充分性 得分', exact: true });
    await retype(manual, '3.5');
    await page.getByRole('table', { name: '评分表' }).getByText('得分“3.5”不在允许范围内，应为 0–3 分').waitFor();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('没有保存').first().waitFor();
    await retype(manual, '2.5');
    await expect.poll(() => page.getByLabel('总分', { exact: true }).innerText()).toBe('99.50');
    expect(await page.getByLabel('立项依据充分性 得分', { exact: true }).last().innerText()).toBe('2.50');
    expect(await page.getByLabel('决策 得分', { exact: true }).innerText()).toBe('19.50');

    // The record: methods, standard, evaluators, findings.
    await page.getByRole('checkbox', { name: '比较法' }).click();
    await page.getByRole('checkbox', { name: '公众评判法' }).click();
    await page.getByRole('radio', { name: '计划标准' }).click();
    await page.getByRole('textbox', { name: '评价人员' }).pressSequentially('县财政局绩效评价组：张三、李经办', { delay: 30 });
    await page.getByRole('textbox', { name: '发现的问题' }).pressSequentially('立项论证材料不全', { delay: 30 });
    await page.getByText('已符合送审要求').waitFor();
    await page.screenshot({ path: '/tmp/evaluation-filled.png', fullPage: true });

    await page.getByRole('button', { name: '送审' }).click();
    await page.getByRole('alert', { name: '已送审，等待审核', exact: true }).waitFor();
    const editorUrl = page.url();

    // Another operator approves; the evaluation is locked and the list shows its total and grade.
    await signInAs(page, '王审核', '王审核（审核人）');
    await page.goto(editorUrl);
    const review = page.getByRole('region', { name: '审核' });
    await review.getByRole('textbox', { name: '审核意见' }).pressSequentially('评分依据充分，同意', { delay: 30 });
    await review.getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('alert', { name: '已审核通过', exact: true }).waitFor();
    expect(await page.getByRole('textbox', { name: '立项依据充分性 得分', exact: true }).count()).toBe(0);
    await page.getByRole('table', { name: '办理记录' }).getByText('审核通过绩效评价').waitFor();
    await page.screenshot({ path: '/tmp/evaluation-approved.png', fullPage: true });

    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: '/tmp/evaluation-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    await page.goto(new URL('#/evaluation/2020', app.bridge.url).href);
    const row = page.getByRole('table', { name: '评价列表' }).getByRole('row', { name: new RegExp(PROJECT) });
    await row.getByText('通过').waitFor();
    expect(await row.innerText()).toMatch(/财政评价\s+XM2020001[\s\S]*99\.50\s+优/);
    await page.screenshot({ path: '/tmp/evaluation-list.png', fullPage: true });

    // The template it was scored on is frozen; a copy is edited as the next version, checked at the node while typing.
    await page.goto(new URL('#/evaluation/2020/templates', app.bridge.url).href);
    const templates = page.getByRole('table', { name: '评价模板列表' });
    await templates.getByText('已使用（1 项评价），只读').waitFor();
    await templates.getByRole('button', { name: '打开模板：项目支出绩效评价指标体系（财预〔2020〕10号） 第 1 版（项目支出）' }).click();
    await page.getByText('该版本已被评价使用，已冻结不能修改').waitFor();
    expect(await page.getByRole('textbox', { name: '三级指标 0.0.0 分值' }).count()).toBe(0);
    await page.getByRole('button', { name: '另存为新版本' }).click();
    await retype(page.getByRole('textbox', { name: '三级指标 0.0.0 分值' }), '4');
    await page.getByRole('row', { name: '二级指标 0.0 项目立项' }).getByText('下级指标分值合计 7 分，应等于本指标分值 6 分').waitFor();
    expect(await page.getByRole('button', { name: '保存为新版本' }).isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/evaluation-templates.png', fullPage: true });
    await retype(page.getByRole('textbox', { name: '三级指标 0.0.0 分值' }), '3');
    await page.getByText('模板检查通过').waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('lets a 主管部门审核人 start only a 部门评价, of its own department’s projects, and save it', async () => {
    const { page } = app;
    await signInAs(page, '马部门', '马部门（主管部门审核人）');
    await page.goto(new URL('#/evaluation/2020', app.bridge.url).href);
    await page.getByRole('button', { name: '新建评价' }).click();
    const dialog = page.getByRole('dialog', { name: '新建 2020 年绩效评价' });
    const kind = dialog.getByRole('combobox', { name: '评价类型' });
    expect(await kind.inputValue()).toBe('部门评价');
    await kind.click();
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual(['部门评价']);
    await page.keyboard.press('Escape');
    await dialog.getByRole('combobox', { name: '评价模板' }).click();
    await page.getByRole('option', { name: '项目支出绩效评价指标体系（财预〔2020〕10号） 第 1 版（项目支出）', exact: true }).click();
    const subject = dialog.getByRole('combobox', { name: '被评价项目' });
    await subject.click();
    await subject.pressSequentially('XM', { delay: 30 });
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual([`XM2020001 ${PROJECT}（轮台县农村公路管理站）`]);
    await page.getByRole('option', { name: `XM2020001 ${PROJECT}（轮台县农村公路管理站）`, exact: true }).click();
    await dialog.getByRole('button', { name: '新建并打分' }).click();
    await page.getByRole('heading', { name: `${PROJECT} · 部门评价` }).waitFor();

    await page.getByRole('textbox', { name: '立项依据充分性 得分', exact: true }).pressSequentially('3', { delay: 30 });
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('已保存').first().waitFor();
    await expect.poll(() => page.getByLabel('总分', { exact: true }).innerText()).toBe('3.00');
    const [saved] = await app.call('evaluation.list', { year: 2020 });
    expect(saved).toMatchObject({ kind: 'department-evaluation', subjectCode: 'XM2020001', totalScore: '3.00', grade: null, status: 'draft' });
    expect(app.pageErrors).toEqual([]);
  });
});
