// 衔接资金 in the browser: a county with two fund projects (one 产业 with an approved target) records a
// fund document and a payment by typing, is refused a voucher twice, imports the budget system's payment
// export with one bad row reported, and opens a project's loop and the county's industry share.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { XLSX_MIME } from './fixtures';
import { appsPerTest, ARTIFACTS_DIR, retype, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
const ids: Record<'industry' | 'road', string> = { industry: '', road: '' };

const project = (code: string, name: string) => ({
  year: 2020, code, name, departmentCode: '201001', unitCode: '201002', category: '本级支出' as const, attribute: '新增' as const,
  keyProject: false, povertyFund: true, confidential: false, projectTypeCode: null, startDate: '2020-03-01', endDate: '2020-11-30',
  personInCharge: '李四', funds: [{ source: '上级补助（中央）' as const, initialFen: 60_000_000, additionFen: 0, cutFen: 0 }],
});

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('units.create', { code: '201001', name: '轮台县农业农村局', departmentCode: null, isDepartment: true });
    await county.call('units.create', { code: '201002', name: '轮台县乡村振兴服务中心', departmentCode: '201001', isDepartment: false });
    ids.industry = (await county.call('projects.create', project('XC2020-001', '庭院经济发展项目'))).id;
    ids.road = (await county.call('projects.create', project('XC2020-002', '村道硬化项目'))).id;
    for (const [id, category] of [[ids.industry, '产业'], [ids.road, '基础设施']] as const) {
      await county.call('funds.saveDetails', { projectId: id, version: 0, category, households: 30, people: 120, povertyHouseholds: 10, povertyPeople: 40, monitoredHouseholds: 2, monitoredPeople: 7 });
    }
  }, { sampleMade: true });
});

async function screenshot(name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await app.page.mouse.move(1, 899);
  await app.page.screenshot({ path: file, fullPage: true });
  return file;
}

function paymentExport(): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['2020年衔接资金支付明细'],
    ['项目编码', '支付日期', '支付金额（元）', '收款人类型', '凭证号'],
    ['XC2020-001', '2020-06-01', 200000, '合作社', 'PZ-101'],
    ['XC2020-002', '2020-06-02', 150000, '村集体', 'PZ-102'],
    ['XC2099-999', '2020-06-03', 1000, '农户', 'PZ-103'],
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '支付明细');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('衔接资金', () => {
  it('records a document and a payment by typing, refuses a voucher twice, imports payments and shows the loop and the industry share', async () => {
    const { page } = app;
    await page.goto(new URL('#/funds/2020', app.bridge.url).href);
    await page.getByRole('heading', { name: '衔接资金', exact: true }).waitFor();

    // A document, typed: 文号, level, date, amount and its allocation to both projects.
    await page.getByRole('button', { name: '登记资金文件' }).click();
    const dialog = page.getByRole('dialog', { name: '登记 2020 年衔接资金文件' });
    await dialog.getByRole('textbox', { name: '文号' }).pressSequentially('新财农〔2020〕8号', { delay: 30 });
    await dialog.getByRole('combobox', { name: '资金级次' }).click();
    await page.getByRole('option', { name: '中央', exact: true }).click();
    await dialog.getByRole('textbox', { name: '发文日期' }).pressSequentially('2020-03-10', { delay: 30 });
    await dialog.getByRole('textbox', { name: '文件金额（万元）' }).pressSequentially('100', { delay: 30 });
    await dialog.getByRole('textbox', { name: '分配给 庭院经济发展项目 的金额（万元）' }).pressSequentially('60', { delay: 30 });
    await dialog.getByRole('textbox', { name: '分配给 村道硬化项目 的金额（万元）' }).pressSequentially('40', { delay: 30 });
    await dialog.getByText('已分配合计 100 万元').waitFor();
    await dialog.getByRole('button', { name: '登记' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: '按资金文件' }).getByRole('cell', { name: '新财农〔2020〕8号' }).waitFor();
    const share = page.getByLabel('产业项目资金占比');
    await share.getByText('60.00%', { exact: true }).waitFor();
    await share.getByText('达到政策要求').waitFor();

    // A payment typed on the road project's page; the same voucher again is refused with the reason.
    await page.getByRole('table', { name: '衔接资金项目' }).getByRole('link', { name: '村道硬化项目' }).click();
    await page.getByRole('heading', { name: '村道硬化项目（XC2020-002）' }).waitFor();
    const form = page.getByRole('form', { name: '登记支付' });
    const typePayment = async (voucher: string) => {
      await form.getByRole('textbox', { name: '支付日期' }).pressSequentially('2020-05-20', { delay: 30 });
      await form.getByRole('textbox', { name: '金额（万元）' }).pressSequentially('12.5', { delay: 30 });
      await form.getByRole('combobox', { name: '收款人类型' }).click();
      await page.getByRole('option', { name: '村集体', exact: true }).click();
      await form.getByRole('textbox', { name: '凭证号' }).pressSequentially(voucher, { delay: 30 });
      await form.getByRole('button', { name: '登记支付' }).click();
    };
    await typePayment('PZ-001');
    await page.getByRole('table', { name: '资金支付' }).getByRole('cell', { name: 'PZ-001' }).waitFor();
    await form.getByRole('textbox', { name: '凭证号' }).and(page.locator('[value=""]')).waitFor();
    await typePayment('PZ-001');
    await form.getByText('凭证号“PZ-001”已登记在项目“村道硬化项目”的支付记录中，同一凭证不能重复登记').waitFor();
    expect(await page.getByRole('table', { name: '资金支付' }).getByRole('row').count()).toBe(2);

    // The budget system's export: the row of an unknown project is reported, the two good ones go in.
    await page.getByRole('link', { name: '← 返回 2020 年衔接资金' }).click();
    await page.getByRole('table', { name: '按资金文件' }).waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入支付（Excel）' }).click()]);
    await chooser.setFiles({ name: '支付明细.xlsx', mimeType: XLSX_MIME, buffer: paymentExport() });
    const preview = page.getByRole('dialog', { name: '导入预览：支付明细.xlsx' });
    await preview.getByText('项目编码 XC2099-999 在 2020 年项目库中不存在，请核对预算系统的项目编码').waitFor();
    await preview.getByText('第 5 行').waitFor();
    console.log(`导入预览：${await screenshot('funds-import')}`);
    await preview.getByRole('button', { name: '确认导入 2 笔支付' }).click();
    await preview.waitFor({ state: 'detached' });
    await page.getByText('已导入 2 笔支付，跳过 1 行有错误的数据').waitFor();
    // 12.5 万 typed + 20 万 + 15 万 imported.
    await page.getByLabel('已支付（万元）').getByText('47.5000', { exact: true }).waitFor();
    console.log(`全县：${await screenshot('funds-county')}`);

    // The document is changed: 20 万元 more, all to the industry project, which lifts its share.
    await page.getByRole('button', { name: '修改资金文件 新财农〔2020〕8号' }).click();
    const editing = page.getByRole('dialog', { name: '修改资金文件 新财农〔2020〕8号' });
    await retype(editing.getByRole('textbox', { name: '文件金额（万元）' }), '120');
    await retype(editing.getByRole('textbox', { name: '分配给 庭院经济发展项目 的金额（万元）' }), '80');
    await editing.getByText('已分配合计 120 万元').waitFor();
    await editing.getByRole('button', { name: '保存' }).click();
    await editing.waitFor({ state: 'detached' });
    await share.getByText('66.67%', { exact: true }).waitFor();

    // Printed: the figures and tables without the buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '导出 Excel' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '修改资金文件 新财农〔2020〕8号' }).isVisible()).toBe(false);
    expect(await page.getByRole('table', { name: '衔接资金项目' }).isVisible()).toBe(true);
    console.log(`打印视图：${await screenshot('funds-print')}`);
    await page.emulateMedia({ media: 'screen' });

    // The industry project's loop: its approved-or-not target, monitoring, self-evaluation and payments.
    await page.getByRole('table', { name: '衔接资金项目' }).getByRole('link', { name: '庭院经济发展项目' }).click();
    const stages = page.getByLabel('闭环管理四个环节');
    await stages.getByText('尚未填报绩效目标').waitFor();
    await stages.getByText('尚无监控填报').waitFor();
    await stages.getByText('尚未自评').waitFor();
    await stages.getByText('支出进度 25.00%，落后于序时进度').waitFor();
    await page.getByRole('img', { name: /支出进度与序时进度/ }).waitFor();
    console.log(`项目闭环：${await screenshot('funds-project')}`);
    expect(app.pageErrors).toEqual([]);
  });

  it('says where to flag projects when a year has none', async () => {
    const { page } = app;
    await page.goto(new URL('#/funds/2021', app.bridge.url).href);
    await page.getByRole('heading', { name: '2021 年还没有衔接资金项目' }).waitFor();
    await page.getByText(/请在“单位与项目”中编辑项目并勾选“衔接资金”/).waitFor();
    console.log(`空状态：${await screenshot('funds-empty')}`);
    expect(app.pageErrors).toEqual([]);
  });

  it('opens a sample fund project’s loop and the county’s industry share, prints with the county and year, and deletes a payment after confirming', async () => {
    const { page } = app;
    await app.call('database.openSample', { year: 2020 });
    await page.reload();
    const overview = await app.call('funds.overview', { year: 2020 });
    await page.goto(new URL('#/funds/2020', app.bridge.url).href);
    await page.getByLabel('产业项目资金占比').getByText(`${overview.industry.share}%`, { exact: true }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.getByRole('heading', { name: '轮台县 2020 年衔接资金闭环管理情况' }).waitFor();
    console.log(`示例县打印：${await screenshot('funds-sample-print')}`);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('heading', { name: '轮台县 2020 年衔接资金闭环管理情况' }).isVisible()).toBe(false);

    const project = overview.projects.find((p) => p.paidFen > 0)!;
    await page.getByRole('table', { name: '衔接资金项目' }).getByRole('link', { name: project.name }).click();
    await page.getByRole('heading', { name: `${project.name}（${project.code}）` }).waitFor();
    await page.getByLabel('闭环管理四个环节').getByText('4. 资金支付监管').waitFor();
    const payments = page.getByRole('table', { name: '资金支付' });
    const before = await payments.getByRole('row').count();
    const [first] = (await app.call('funds.project', { projectId: project.id })).payments;
    await payments.getByRole('button', { name: `删除支付 ${first!.voucher}` }).click();
    const confirm = page.getByRole('dialog', { name: `删除支付：凭证号 ${first!.voucher}` });
    await confirm.getByText(/删除后不再计入本项目的支出进度/).waitFor();
    console.log(`删除确认：${await screenshot('funds-delete-payment')}`);
    await confirm.getByRole('button', { name: '删除' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText(`已删除凭证号 ${first!.voucher} 的支付记录`).waitFor();
    await payments.getByRole('cell', { name: first!.voucher, exact: true }).waitFor({ state: 'detached' });
    expect(await payments.getByRole('row').count()).toBe(before - 1);
    expect((await app.call('funds.project', { projectId: project.id })).row.paidFen).toBe(project.paidFen - first!.amountFen);
    expect(app.pageErrors).toEqual([]);
  });
});
