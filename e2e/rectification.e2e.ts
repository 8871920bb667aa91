// 整改问责 in the browser, over the sample county with 主管部门审核 on: the bureau issues a notice from a red
// monitoring sheet, the unit's 主管部门 passes it on with its own requirement, the unit's clerk files feedback
// with a real PDF, the department forwards it, the bureau's reviewer returns it with a typed opinion, the
// clerk files again, and it is approved — every round kept on the timeline. A notice past its deadline stands
// on the 问责 list, where a measure is recorded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SheetListRow } from '../electron/monitoring/sheets';
import { smallPdf } from '../electron/testSupport/attachments';
import { ADMIN_PASSWORD, appsPerTest, secureAdmin, signInAs, startCountyApp, type AppUnderTest } from './harness';
import { reportSheet } from './monitoringData';

let app: AppUnderTest;
let lagging: SheetListRow[];
let roundId: string;
let department: { code: string; name: string };

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('database.openSample', { year: 2020 });
    await secureAdmin(county);
    await county.call('settings.update', { key: 'review.departmentStep', value: 'on' });
    const units = await county.call('units.list', {});
    const round = await county.call('monitoring.createRound', { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
    // Two projects of units under a 主管部门, red by their budget: almost nothing spent by August.
    const underDepartment = new Set(units.filter((u) => u.departmentCode && u.departmentCode !== u.code).map((u) => u.code));
    roundId = round.id;
    lagging = (await county.call('monitoring.sheets', { roundId: round.id })).filter((s) => underDepartment.has(s.unitCode)).slice(0, 2);
    for (const sheet of lagging) {
      await reportSheet(county, sheet.id, { executed: (_, i) => (i === 0 ? 10_000 : 0), budget: { reasons: ['政府采购程序'], reasonOther: '', measures: '加快支付' } });
    }
    const code = units.find((u) => u.code === lagging[0]!.unitCode)!.departmentCode!;
    department = { code, name: units.find((u) => u.code === code)!.name };
    await county.call('operators.create', { name: '王审核', role: 'reviewer', password: null });
    await county.call('operators.create', { name: '李经办', role: 'clerk', password: null });
    await county.call('operators.create', { name: '马部门', role: 'department', password: null, departmentCode: code });
  }, { sampleMade: true });
});

const ROLES = { 张三: '张三（系统管理员）', 李经办: '李经办（经办人）', 马部门: '马部门（主管部门审核人）', 王审核: '王审核（审核人）' } as const;
const switchTo = (name: keyof typeof ROLES) => signInAs(app.page, name, ROLES[name], name === '张三' ? ADMIN_PASSWORD : undefined);

async function openNotice(number: string) {
  const { page } = app;
  await page.goto(new URL('#/rectification/2020', app.bridge.url).href);
  await page.getByRole('table', { name: '整改通知' }).getByRole('link', { name: number }).click();
  await page.getByRole('heading', { name: `整改通知 ${number}` }).waitFor();
}

async function typeIn(label: string, text: string) {
  const field = app.page.getByRole('textbox', { name: label });
  await field.click();
  await field.pressSequentially(text, { delay: 30 });
}

async function press(name: string, done: string) {
  await app.page.getByRole('button', { name, exact: true }).click();
  await app.page.getByText(done).first().waitFor();
}

/** The person opens the notice from the list and presses one button, typing into `field` first when given. */
async function actOn(number: string, who: keyof typeof ROLES, button: string, done: string, field?: [label: string, text: string]) {
  await switchTo(who);
  await openNotice(number);
  if (field) await typeIn(...field);
  await press(button, done);
}

describe('整改问责 in the browser', () => {
  it('carries a notice from a red sheet through the department to the unit, returns the feedback once and approves it', async () => {
    const { page } = app;
    const sheet = lagging[0]!;
    await page.goto(new URL(`#/monitoring/round/${roundId}/warnings`, app.bridge.url).href);
    const row = page.getByRole('row').filter({ hasText: sheet.projectName });
    await row.getByRole('button', { name: `下达整改通知：${sheet.projectName}` }).click();
    const dialog = page.getByRole('dialog', { name: `整改通知：${sheet.projectName}` });
    // The link opens the round's year of 整改问责, whatever year the page was on.
    expect(await dialog.getByRole('link', { name: '“整改问责”（2020 年）' }).getAttribute('href')).toBe('#/rectification/2020');
    await dialog.getByRole('textbox', { name: '整改要求' }).click();
    await dialog.getByRole('textbox', { name: '整改要求' }).pressSequentially('9 月底前完成资金支付', { delay: 30 });
    await dialog.getByRole('button', { name: '下达整改通知', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const notices = await app.call('rectification.list', { year: 2020 });
    const notice = notices.notices.find((n) => n.sourceId === sheet.id)!;
    expect(notice).toMatchObject({ status: 'issued', holder: 'department', departmentCode: department.code });

    await actOn(notice.number, '马部门', `转发给${notice.unitName}`, `已转发给${notice.unitName}`, ['主管部门的整改要求（可选，随通知转给单位）', '请附支付凭证']);

    await switchTo('李经办');
    await openNotice(notice.number);
    // At the bureau the clerk enters what the unit handed in, and is told it is marked 代录.
    await page.getByRole('note').filter({ hasText: '提交后记录标注“财政局代录”' }).waitFor();
    await typeIn('整改情况', '已支付 60 万元');
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-pdf-')), '支付凭证.pdf');
    fs.writeFileSync(pdf, smallPdf());
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '添加附件' }).click();
    await (await chooser).setFiles(pdf);
    await page.getByRole('region', { name: '反馈附件' }).or(page.getByLabel('反馈附件')).getByRole('button', { name: '支付凭证.pdf' }).waitFor();
    await page.screenshot({ path: '/tmp/rect2-rectification-feedback.png', fullPage: true });
    await press('提交整改反馈', '整改反馈已提交');

    await actOn(notice.number, '马部门', '转报财政局', '整改反馈已转报财政局');

    await switchTo('王审核');
    await openNotice(notice.number);
    await page.getByRole('button', { name: '退回', exact: true }).click();
    await page.getByText('退回时必须填写审核意见，说明还需整改什么').waitFor();
    await typeIn('审核意见（退回时必填）', '未见验收单，请补充');
    await press('退回', `已退回${notice.unitName}重新整改`);

    await switchTo('李经办');
    await openNotice(notice.number);
    await page.getByRole('alert').filter({ hasText: '未见验收单，请补充' }).waitFor();
    await typeIn('整改情况', '补充验收单，已全部支付');
    await press('提交整改反馈', '整改反馈已提交');
    await actOn(notice.number, '马部门', '转报财政局', '整改反馈已转报财政局');
    await actOn(notice.number, '王审核', '审核通过', '整改已审核通过', ['审核意见（退回时必填）', '整改到位']);

    const timeline = page.getByLabel('办理过程');
    await timeline.getByText('第 1 次整改反馈').waitFor();
    await timeline.getByText(/李经办（财政局代录）/).first().waitFor();
    await timeline.getByText('财政局退回：未见验收单，请补充').waitFor();
    await timeline.getByText('第 2 次整改反馈').waitFor();
    await timeline.getByText('财政局审核通过：整改到位').waitFor();
    const download = page.waitForEvent('download');
    await timeline.getByRole('button', { name: '支付凭证.pdf' }).click();
    expect(fs.readFileSync(await (await download).path()).equals(smallPdf())).toBe(true);
    fs.rmSync(path.dirname(pdf), { recursive: true, force: true });
    await page.screenshot({ path: '/tmp/rectification-notice.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: '/tmp/rectification-notice-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(app.pageErrors).toEqual([]);
  });

  it('puts a notice past its deadline on the 问责 list, where a measure is recorded', async () => {
    const { page } = app;
    const sheet = lagging[1]!;
    const opened = await app.call('monitoring.openRectification', { sheetId: sheet.id, problems: '执行进度滞后', requirements: '', deadline: '2099-12-31' });
    await app.call('rectification.issue', { id: opened.id, version: opened.version });
    // Deadlines must lie ahead when drafted: the fixture moves this one into the past, as time would.
    const { path: file } = await app.call('database.current', {});
    const sqlite = new Database(file);
    sqlite.prepare("UPDATE rectifications SET deadline = date('now', '-6 days') WHERE id = ?").run(opened.id);
    sqlite.close();

    await page.goto(new URL('#/rectification/2020', app.bridge.url).href);
    await page.getByLabel('只看逾期').check();
    const list = page.getByRole('table', { name: '整改通知' });
    await list.getByRole('link', { name: opened.number }).waitFor();
    await page.screenshot({ path: '/tmp/rectification-list.png', fullPage: true });
    await page.getByRole('tab', { name: '问责清单' }).click();
    const row = page.getByRole('table', { name: '问责清单' }).getByRole('row').filter({ hasText: opened.number });
    await row.getByText('逾期 6 天未通过').waitFor();
    await row.getByRole('button', { name: '记录措施' }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^记录问责措施：${opened.number.replace(/[〔〕]/g, '.')}`) });
    await dialog.getByRole('combobox', { name: '措施' }).click();
    await page.getByRole('option', { name: '约谈', exact: true }).click();
    await dialog.getByRole('textbox', { name: '说明' }).click();
    await dialog.getByRole('textbox', { name: '说明' }).pressSequentially('约谈单位主要负责人', { delay: 30 });
    await dialog.getByRole('button', { name: '记录' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText(/约谈：约谈单位主要负责人（张三）/).waitFor();
    await page.screenshot({ path: '/tmp/rectification-accountability.png', fullPage: true });
    expect(app.pageErrors).toEqual([]);
  });

  it('opens a notice from an approved self-evaluation on its page, and the list names it by its source', async () => {
    const { page } = app;
    // A table none of the sample's own notices was opened on.
    const noticed = new Set((await app.call('rectification.list', { year: 2020 })).notices.map((n) => n.projectId));
    const approved = (await app.call('selfEvaluation.list', { year: 2020 })).find((r) => r.status === 'approved' && !noticed.has(r.projectId))!;
    // The sample's own notices are 2020's; the year after has none yet.
    await page.goto(new URL('#/rectification/2021', app.bridge.url).href);
    await page.getByRole('heading', { name: '2021 年还没有整改通知' }).waitFor();
    await page.screenshot({ path: '/tmp/rectification-empty.png', fullPage: true });

    await page.goto(new URL(`#/selfEvaluation/edit/${approved.id}`, app.bridge.url).href);
    await page.getByRole('button', { name: `下达整改通知：${approved.projectName}` }).click();
    const dialog = page.getByRole('dialog', { name: `整改通知：${approved.projectName}` });
    const problems = dialog.getByRole('textbox', { name: '发现的问题' });
    await problems.click();
    await problems.press('ControlOrMeta+a');
    await problems.pressSequentially('绩效目标完成情况说明不充分', { delay: 30 });
    await dialog.getByRole('button', { name: '保存为待下达' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.goto(new URL('#/rectification/2020', app.bridge.url).href);
    const row = page.getByRole('table', { name: '整改通知' }).getByRole('row').filter({ hasText: approved.projectName });
    await row.getByText('绩效自评', { exact: true }).waitFor();
    await row.getByText('待下达').waitFor();
    await page.screenshot({ path: '/tmp/rectification-from-self-evaluation.png', fullPage: true });
    expect(app.pageErrors).toEqual([]);
  });

  it('shows the sample’s own overdue notice on the 问责 list, records a typed measure, and keeps the fixed one’s rounds', async () => {
    const { page } = app;
    const { notices } = await app.call('rectification.list', { year: 2020 });
    const overdue = notices.find((n) => n.deadlineState === 'overdue' && n.sourceLabel.startsWith('2020年8月'))!;
    const fixed = notices.find((n) => n.source === 'self-evaluation')!;
    await page.goto(new URL('#/rectification/2020/accountability', app.bridge.url).href);
    const table = page.getByRole('table', { name: '问责清单' });
    const row = table.getByRole('row').filter({ hasText: overdue.number });
    await row.getByText(`逾期 ${overdue.daysOverdue} 天未通过`).waitFor();
    await row.getByText('尚未记录').waitFor();
    // The spot check's notice, returned twice, stands there with the 通报 the sample recorded.
    await table.getByRole('row').filter({ hasText: '整改反馈被退回 2 次' }).getByText(/通报：整改反馈两次被退回/).waitFor();
    await row.getByRole('button', { name: '记录措施' }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^记录问责措施：${overdue.number.replace(/[〔〕]/g, '.')}`) });
    await dialog.getByRole('combobox', { name: '措施' }).click();
    await page.getByRole('option', { name: '暂停拨付', exact: true }).click();
    const detail = dialog.getByRole('textbox', { name: '说明' });
    await detail.click();
    await detail.pressSequentially('暂停拨付该项目剩余资金，整改到位后恢复', { delay: 30 });
    await dialog.getByRole('button', { name: '记录' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText(/暂停拨付：暂停拨付该项目剩余资金，整改到位后恢复（张三）/).waitFor();
    await page.screenshot({ path: '/tmp/rectification-sample-accountability.png', fullPage: true });

    // The notice returned once and fixed: both rounds on its timeline, entered by the bureau for the unit.
    await page.goto(new URL(`#/rectification/notice/${fixed.id}`, app.bridge.url).href);
    const timeline = page.getByLabel('办理过程');
    await timeline.getByText('第 1 次整改反馈').waitFor();
    await timeline.getByText('财政局退回：未附验收报告全文，请补充后重新报送').waitFor();
    await timeline.getByText('财政局审核通过：整改到位').waitFor();
    await timeline.getByText(/（财政局代录）/).first().waitFor();
    await timeline.getByRole('button', { name: '验收单.png' }).waitFor();
    await page.screenshot({ path: '/tmp/rectification-sample-fixed.png', fullPage: true });
    expect(app.pageErrors).toEqual([]);
  });
});
