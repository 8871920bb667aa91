// 绩效评价 in the browser: the bureau's clerk builds a 财政评价 of a project of the year's plan on the shipped
// 10号 project template by typing every leaf's data, sees each score, the total and the grade follow, has a
// manual score outside its range refused with the allowed range, has an expert with a conflict of interest
// refused on the evaluation page, attaches the report (a real PDF), submits, and a second operator approves
// it, after which it is locked; the project then stands on 结果应用 traced to the evaluation, and the list
// exports.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { smallPdf } from '../electron/testSupport/attachments';
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
    await county.call('experts.create', { name: '赵强', field: '交通', title: '工程师', organisation: '轮台县农村公路管理站', unitCode: '301002', contact: '', available: true, notes: '' });
    await county.call('experts.create', { name: '李明', field: '财务', title: '高级会计师', organisation: '新疆财经大学', unitCode: null, contact: '', available: true, notes: '' });
    await county.call('evaluationPlans.addByRule', { year: 2020, kind: 'finance', departmentCode: null, rule: { kind: 'key' } });
  });
});

/** A real one-page PDF on disk, for the file input. */
function reportFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-report-')), 'XM2020001评价报告.pdf');
  fs.writeFileSync(file, smallPdf('Evaluation report XM2020001'));
  return file;
}

/** What an evaluator types for full marks under each rule. */
const fullMarks = (rule: Rule, points: string): Partial<LeafInput> =>
  rule.type === 'proportional' ? { value: '100', target: '100' } : rule.type === 'step-table' ? { value: '100' } : rule.type === 'deduct-per-unit' ? { count: '0' } : { score: points };

describe('an evaluation in the browser', () => {
  it('is built on the default template by typing, refuses an expert with a conflict, takes the report, is approved by another operator and stands on 结果应用', async () => {
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
    await page.getByText('2020 年财政评价计划中的项目').waitFor();
    await page.screenshot({ path: '/tmp/evaluation-create.png' });
    await subject.pressSequentially('硬化', { delay: 30 });
    await page.getByRole('option', { name: `XM2020001 ${PROJECT}（轮台县农村公路管理站）`, exact: true }).click();
    await dialog.getByRole('button', { name: '新建并打分' }).click();
    await page.getByRole('heading', { name: `${PROJECT} · 财政评价` }).waitFor();

    // The evaluators are the plan item's: an expert of the evaluated unit is refused here, with the reason.
    const evaluators = page.getByRole('region', { name: '评价人员' });
    await evaluators.getByRole('button', { name: '指派专家或第三方机构' }).click();
    const assign = page.getByRole('dialog', { name: /指派评价人员：XM2020001/ });
    await assign.getByRole('combobox', { name: '专家' }).click();
    await page.getByRole('option', { name: '赵强 · 交通 · 轮台县农村公路管理站' }).click();
    await assign.getByRole('button', { name: '指派', exact: true }).click();
    await assign.getByRole('alert').getByText('专家赵强的工作单位就是被评价单位轮台县农村公路管理站，需回避（被评价项目 XM2020001）').waitFor();
    await page.screenshot({ path: '/tmp/evaluation-conflict.png' });
    await assign.getByRole('combobox', { name: '专家' }).click();
    await page.getByRole('option', { name: '李明 · 财务 · 新疆财经大学' }).click();
    await assign.getByRole('button', { name: '指派', exact: true }).click();
    await assign.waitFor({ state: 'detached' });
    await evaluators.getByText('李明').waitFor();

    // The report: a real PDF through the file input, listed with its size.
    const report = page.getByRole('region', { name: '评价报告' });
    await report.getByText('财政评价送审前须上传').waitFor();
    await report.locator('input[type="file"]').setInputFiles(reportFile());
    await report.getByRole('button', { name: 'XM2020001评价报告.pdf', exact: true }).waitFor();

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
    await page.getByRole('textbox', { name: '其他评价人员' }).pressSequentially('县财政局绩效评价组：张三', { delay: 30 });
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

    // The report stays, downloadable, no longer removable.
    expect(await page.getByRole('button', { name: '删除 XM2020001评价报告.pdf' }).count()).toBe(0);
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('region', { name: '评价报告' }).getByRole('button', { name: 'XM2020001评价报告.pdf', exact: true }).click()]);
    expect(fs.readFileSync((await saved.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    const evaluationId = editorUrl.split('/').pop()!;

    // 结果应用: the finance evaluation's 优 decides the project's line, its source opening the evaluation.
    await page.goto(new URL('#/results/2020', app.bridge.url).href);
    await page.getByRole('button', { name: '生成建议清单' }).click();
    const proposals = page.getByRole('table', { name: '预算调整建议清单' });
    const line = proposals.getByRole('row', { name: '建议 XM2020001' });
    await expect.poll(() => line.innerText()).toContain('优先保障');
    expect(await line.getByRole('link', { name: '财政评价' }).getAttribute('href')).toBe(`#/evaluation/edit/${evaluationId}`);
    await proposals.getByText(/依据：财政评价等级“优”/).waitFor();
    await page.screenshot({ path: '/tmp/evaluation-results.png', fullPage: true });
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    const book = XLSX.read(fs.readFileSync((await exported.path())!), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets['预算调整建议清单']!, { raw: false });
    expect(rows.find((r) => r['项目编码'] === 'XM2020001')).toMatchObject({ 评价等级: '优', 等级来源: '财政评价' });
    await line.getByRole('link', { name: '财政评价' }).click();
    await page.getByRole('heading', { name: `${PROJECT} · 财政评价` }).waitFor();

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
    await page.getByText('不在计划中的项目（新建时手动加入计划）').waitFor();
    await page.getByRole('option', { name: `XM2020001 ${PROJECT}（轮台县农村公路管理站）`, exact: true }).click();
    await dialog.getByRole('button', { name: '新建并打分' }).click();
    // Not in the department's plan: it is added by hand once confirmed.
    const confirm = page.getByRole('dialog', { name: '加入评价计划' });
    await confirm.getByText('不在 2020 年部门评价计划中').waitFor();
    await page.screenshot({ path: '/tmp/evaluation-add-to-plan.png' });
    await confirm.getByRole('button', { name: '加入计划并新建' }).click();
    await page.getByRole('heading', { name: `${PROJECT} · 部门评价` }).waitFor();
    const plan = await app.call('evaluationPlans.get', { year: 2020, kind: 'department', departmentCode: '301001' });
    expect(plan.items).toMatchObject([{ reason: '手动添加', evaluation: { status: 'draft' } }]);

    await page.getByRole('textbox', { name: '立项依据充分性 得分', exact: true }).pressSequentially('3', { delay: 30 });
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('已保存').first().waitFor();
    await expect.poll(() => page.getByLabel('总分', { exact: true }).innerText()).toBe('3.00');
    const [saved] = await app.call('evaluation.list', { year: 2020 });
    expect(saved).toMatchObject({ kind: 'department-evaluation', subjectCode: 'XM2020001', totalScore: '3.00', grade: null, status: 'draft' });
    expect(app.pageErrors).toEqual([]);
  });
});
