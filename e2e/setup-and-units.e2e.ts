// First run and the 预算单位 list, through the web bridge in Debian's Chromium, each test on a fresh database.
import { describe, expect, it } from 'vitest';
import { unitsWorkbook, XLSX_MIME, type UnitSheetRow } from './fixtures';
import { appsPerTest, chooseOption, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startApp();
});

/** Sets up a county installation through the API, for tests that are about what comes after. */
async function setUpLuntai() {
  await app.call('setup.init', { role: 'county', regionCode: '652822', operatorName: '张三', password: null });
  await app.page.reload();
}

describe('first run in the browser', () => {
  it('sets up 轮台县, adds a department, and still lists it after a reload', async () => {
    const { page } = app;

    await page.getByRole('radio', { name: /县级财政局/ }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await chooseOption(page, '地州市', '巴音', '巴音郭楞蒙古自治州（652800）');
    await chooseOption(page, '县市区', '652822', '轮台县（652822）');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('textbox', { name: '操作员姓名' }).fill('张三');
    await page.getByRole('button', { name: '完成设置' }).click();

    await page.getByRole('heading', { name: '首页' }).waitFor();
    const banner = page.getByRole('banner');
    await banner.getByText('轮台县').waitFor();
    await banner.getByText('操作员：张三').waitFor();

    await page.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '单位与项目' }).click();
    await page.getByRole('heading', { name: '还没有预算单位' }).waitFor();
    await page.getByRole('button', { name: '新增单位' }).click();
    const form = page.getByRole('dialog', { name: '新增单位' });
    await form.getByRole('textbox', { name: '单位编码' }).fill('101001');
    await form.getByRole('textbox', { name: '单位名称' }).fill('轮台县教育局');
    await form.getByRole('switch', { name: '是否主管部门' }).check();
    await form.getByRole('textbox', { name: '单位名称' }).press('Enter');
    await form.waitFor({ state: 'hidden' });

    await page.reload();
    const table = page.getByRole('table', { name: '预算单位' });
    const row = table.getByRole('row').filter({ hasText: '101001' });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['101001', '轮台县教育局', '主管部门', '启用']));
    await page.getByText('共 1 个单位').waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});

describe('the unit form', () => {
  it('refuses a name another unit under the same department already has, under the name field, and saves another', async () => {
    await setUpLuntai();
    await app.call('units.create', { code: '101001', name: '轮台县教育局', departmentCode: null, isDepartment: true });
    await app.call('units.create', { code: '101002', name: '轮台县第一中学', departmentCode: '101001', isDepartment: false });
    const { page } = app;
    await page.goto(new URL('#/registry/units', app.bridge.url).href);
    await page.getByText('共 2 个单位').waitFor();
    await page.getByRole('button', { name: '新增单位' }).click();
    const form = page.getByRole('dialog', { name: '新增单位' });
    await form.getByRole('textbox', { name: '单位编码' }).pressSequentially('101003', { delay: 30 });
    const department = form.getByRole('combobox', { name: '主管部门', exact: true });
    await department.click();
    await department.pressSequentially('教育', { delay: 30 });
    await page.getByRole('option', { name: '轮台县教育局（101001）', exact: true }).click();
    const name = form.getByRole('textbox', { name: '单位名称' });
    await name.pressSequentially('轮台县第一中学', { delay: 30 });
    await form.getByRole('button', { name: '保存' }).click();

    const message = '主管部门 101001 下已有名为“轮台县第一中学”的单位（编码 101002），请检查是否重复录入，或改用能区分的名称';
    await form.getByText(message).waitFor();
    await page.screenshot({ path: '/tmp/safety-unit-duplicate-name.png' });
    expect(await name.getAttribute('aria-invalid')).toBe('true');

    await name.clear();
    await name.pressSequentially('轮台县第二中学', { delay: 30 });
    await expect.poll(() => form.getByText(message).count()).toBe(0);
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('共 3 个单位').waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});

describe('Excel import in the browser', () => {
  it('previews a file with one bad row, names the row and the problem, and imports the two good ones', async () => {
    await setUpLuntai();
    const { page } = app;
    await page.goto(new URL('#/registry/units', app.bridge.url).href);
    await page.getByRole('heading', { name: '还没有预算单位' }).waitFor();

    const workbook = unitsWorkbook([
      ['102001', '轮台县卫生健康委员会', '', '是', '是'],
      ['102002', '轮台县人民医院', '102001', '否', '是'],
      ['102003', '', '102001', '否', '是'],
    ]);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '从 Excel 导入' }).click()]);
    await chooser.setFiles({ name: '单位.xlsx', mimeType: XLSX_MIME, buffer: workbook });

    const preview = page.getByRole('dialog', { name: /导入预览/ });
    await preview.waitFor();
    const problems = preview.getByRole('table', { name: '有错误的行' });
    const problem = problems.getByRole('row').filter({ hasText: '请填写单位名称' });
    expect(await problem.getByRole('cell').allInnerTexts()).toEqual(['第 4 行', '单位名称', '请填写单位名称']);
    await preview.getByRole('button', { name: '确认导入 2 行' }).click();
    await preview.waitFor({ state: 'hidden' });

    await page.getByText('已导入 2 个单位，跳过 1 行有错误的数据').waitFor();
    const table = page.getByRole('table', { name: '预算单位' });
    await table.getByRole('row').filter({ hasText: '轮台县人民医院' }).waitFor();
    const hospital = table.getByRole('row').filter({ hasText: '102002' });
    expect(await hospital.getByRole('cell').nth(2).innerText()).toBe('轮台县卫生健康委员会');
    await page.getByText('共 2 个单位').waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});

describe('Excel import of a file full of mistakes', () => {
  it('lists the first 300 problems and says how many there are in all', async () => {
    await setUpLuntai();
    const { page } = app;
    await page.goto(new URL('#/registry/units', app.bridge.url).href);
    await page.getByRole('heading', { name: '还没有预算单位' }).waitFor();
    const nameless = Array.from({ length: 1000 }, (_, i): UnitSheetRow => [String(200000 + i), '', '', '是', '是']);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '从 Excel 导入' }).click()]);
    await chooser.setFiles({ name: '单位.xlsx', mimeType: XLSX_MIME, buffer: unitsWorkbook(nameless) });

    const preview = page.getByRole('dialog', { name: /导入预览/ });
    await preview.getByText('共 1000 处问题，这里列出前 300 处；改正后再次导入可看到其余的问题').waitFor();
    await preview.getByText('1000 行有错误').waitFor();
    await page.screenshot({ path: '/tmp/jixiao-import-problem-limit.png' });
    expect(app.pageErrors).toEqual([]);
  });
});

describe('web bridge access', () => {
  it('refuses an API call from the page without the token', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '下一步' }).waitFor();
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ channel: 'units.list', input: {} }),
      });
      return { status: response.status, body: await response.json() };
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('tells someone who opened the address without its token to use the full address', async () => {
    const tab = await app.page.context().newPage();
    await tab.goto(app.bridge.url);
    await tab.getByRole('alert').getByText('无法访问：缺少访问令牌').waitFor();
    await tab.close();
  });
});
