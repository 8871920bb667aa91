// Takes the screenshots the README shows, from a fresh database filled with sample 轮台县 units.
// Usage (after building the renderer): npx tsx e2e/screenshots.ts [output folder, default /tmp/shots]
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { unitsWorkbook, XLSX_MIME, type UnitSheetRow } from './fixtures';
import { chooseOption, startApp, type AppUnderTest } from './harness';

const DEPARTMENTS: [code: string, name: string, subordinates: string[]][] = [
  ['101001', '轮台县教育局', ['轮台县第一中学', '轮台县第二中学', '轮台县实验小学', '轮台县轮台镇中心小学', '轮台县职业技术学校']],
  ['102001', '轮台县卫生健康委员会', ['轮台县人民医院', '轮台县维吾尔医医院', '轮台县疾病预防控制中心', '轮台县妇幼保健院']],
  ['103001', '轮台县农业农村局', ['轮台县农业技术推广中心', '轮台县畜牧兽医发展中心', '轮台县农村经营管理站']],
  ['104001', '轮台县水利局', ['轮台县水利工程管理站', '轮台县农村饮水安全管理站']],
  ['105001', '轮台县交通运输局', ['轮台县公路管理站', '轮台县农村公路养护中心']],
  ['106001', '轮台县民政局', ['轮台县社会福利院', '轮台县殡葬管理所']],
  ['107001', '轮台县财政局', ['轮台县国库支付中心', '轮台县财政投资评审中心']],
  ['108001', '轮台县人力资源和社会保障局', ['轮台县就业服务中心', '轮台县社会保险中心']],
];

async function addSampleUnits(app: AppUnderTest): Promise<void> {
  for (const [code, name, subordinates] of DEPARTMENTS) {
    await app.call('units.create', { code, name, departmentCode: null, isDepartment: true });
    for (const [i, subordinate] of subordinates.entries()) {
      await app.call('units.create', { code: String(Number(code) + i + 1), name: subordinate, departmentCode: code, isDepartment: false });
    }
  }
  const [closed] = (await app.call('units.list', {})).filter((u) => u.name === '轮台县殡葬管理所');
  if (closed) await app.call('units.setActive', { id: closed.id, active: false });
}

const IMPORT_ROWS: UnitSheetRow[] = [
  ['109001', '轮台县文化体育广播电视和旅游局', '', '是', '是'],
  ['109002', '轮台县图书馆', '109001', '否', '是'],
  ['101002', '轮台县第一中学（轮台县高级中学）', '101001', '否', '是'],
  ['101003', '轮台县第二中学', '101001', '否', '是'],
  ['109003', '', '109001', '否', '是'],
  ['109004', '轮台县文化馆', '109009', '否', '是'],
  ['109005', '轮台县博物馆', '109001', '否', 'Y'],
];

async function shoot(page: Page, folder: string, name: string): Promise<void> {
  await page.mouse.move(1, 899); // no hover highlight in the picture
  await page.waitForTimeout(400); // let transitions finish
  const file = path.join(folder, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

async function main() {
  const folder = path.resolve(process.argv[2] ?? '/tmp/shots');
  fs.mkdirSync(folder, { recursive: true });
  const app = await startApp(process.env.JIXIAO_RENDERER_DIR ? { staticDir: process.env.JIXIAO_RENDERER_DIR } : {});
  const { page } = app;
  try {
    await page.getByRole('radio', { name: /县级财政局/ }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await chooseOption(page, '地州市', '巴音', '巴音郭楞蒙古自治州（652800）');
    await chooseOption(page, '县市区', '轮台', '轮台县（652822）');
    await shoot(page, folder, 'setup');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('textbox', { name: '操作员姓名' }).fill('张三');
    await page.getByRole('button', { name: '完成设置' }).click();
    await page.getByRole('heading', { name: '首页' }).waitFor();

    await addSampleUnits(app);
    await page.reload();
    await page.getByRole('heading', { name: '首页' }).waitFor();
    await shoot(page, folder, 'home');

    await page.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '单位与项目' }).click();
    await page.getByRole('table', { name: '预算单位' }).waitFor();
    await shoot(page, folder, 'units');

    await page.getByRole('button', { name: '修改 轮台县人民医院' }).click();
    await page.getByRole('textbox', { name: '单位编码' }).fill('10');
    await page.getByRole('textbox', { name: '单位名称' }).fill('');
    await shoot(page, folder, 'unit-form');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: '有未保存的修改' }).getByRole('button', { name: '放弃' }).click();

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '从 Excel 导入' }).click()]);
    await chooser.setFiles({ name: '预算单位-补充.xlsx', mimeType: XLSX_MIME, buffer: unitsWorkbook(IMPORT_ROWS) });
    await page.getByRole('dialog', { name: /导入预览/ }).waitFor();
    await shoot(page, folder, 'import-preview');
    await page.getByRole('button', { name: '取消' }).click();

    await page.goto(new URL('#/settings/parameters', app.bridge.url).href);
    await page.getByRole('textbox', { name: '指标红灯：完成进度低于' }).waitFor();
    await shoot(page, folder, 'settings');

    await app.call('backup.create', {});
    await page.goto(new URL('#/settings/backup', app.bridge.url).href);
    await page.getByRole('table', { name: '备份文件' }).waitFor();
    await shoot(page, folder, 'backup');

    await page.goto(new URL('#/settings/audit', app.bridge.url).href);
    await page.getByRole('table', { name: '操作日志' }).waitFor();
    await shoot(page, folder, 'audit');

    await page.goto(new URL('#/evaluation', app.bridge.url).href);
    await page.getByRole('heading', { name: /该功能正在建设中/ }).waitFor();
    await shoot(page, folder, 'under-construction');

    // The sample county lives in a database of its own: a fresh round there is 未填报, not red.
    await app.call('database.openSample', { year: 2020 });
    const round = await app.call('monitoring.createRound', { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
    await page.goto(new URL(`#/monitoring/round/${round.id}/sheets`, app.bridge.url).href);
    await page.reload();
    await page.getByText('示例数据库', { exact: false }).first().waitFor();
    await shoot(page, folder, 'monitoring-sheets');
    const [first] = await app.call('monitoring.sheets', { roundId: round.id });
    await page.goto(new URL(`#/monitoring/sheet/${first!.id}`, app.bridge.url).href);
    await page.getByRole('textbox', { name: '三、情况分析' }).waitFor();
    await shoot(page, folder, 'monitoring-sheet');
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
