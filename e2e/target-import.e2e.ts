// Project targets from Excel and the 固化指标, in the browser over the sample county (whose 衔接资金 projects
// must carry 带动脱贫户和监测户户数 and 衔接资金用于产业发展比例): a unit's filled template holds two new 衔接资金
// projects, one without its 固化指标 and one with a row renaming one. The preview names the renamed row by
// sheet, row and column and says which 固化指标 are added to the other; confirmed, the good project goes in
// with its 固化指标 first, shown locked.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { XLSX_MIME } from './fixtures';
import { appsPerTest, ARTIFACTS_DIR, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp((county) => county.call('database.openSample', { year: 2020 }));
});

const WAN = 1_000_000;

async function screenshot(name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await app.page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Two new 衔接资金 projects of the unit of a sample 衔接资金 project, with no target yet. */
async function povertyProjects() {
  const overview = await app.call('targets.overview', { year: 2020 });
  for (const row of overview.projects) {
    const { project } = await app.call('targets.forProject', { projectId: row.projectId });
    if (!project.povertyFund) continue;
    const create = (code: string, name: string) =>
      app.call('projects.create', {
        year: 2020,
        code,
        name,
        departmentCode: project.departmentCode,
        unitCode: project.unitCode,
        category: project.category,
        attribute: '新增',
        keyProject: false,
        povertyFund: true,
        confidential: false,
        projectTypeCode: project.projectTypeCode,
        startDate: '2020-01-01',
        endDate: '2020-12-31',
        personInCharge: project.personInCharge,
        funds: [{ source: '上级补助（中央）', initialFen: 80 * WAN, additionFen: 0, cutFen: 0 }],
      });
    return [await create('XC2020-E01', '庭院经济到户项目'), await create('XC2020-E02', '村集体经济发展项目')] as const;
  }
  throw new Error('示例县 2020 年没有衔接资金项目');
}

const INDICATOR_HEADER = ['项目编码', '项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '指标解释', '设定依据', '分值', '累计方式', '指标库编码'];

/** The unit's filled template: both projects' own rows, the second also renaming 衔接资金用于产业发展比例 (XC01-004). */
function filledTemplate(codes: readonly [string, string]): Buffer {
  const own = (code: string, name: string) => [
    [code, name, '产出指标', '数量指标', '扶持脱贫户', '≥', 60, '户', '', '计划标准', '', '', ''],
    [code, name, '效益指标', '经济效益指标', '户均增收', '≥', 2000, '元', '', '计划标准', '', '', ''],
  ];
  const goals = [
    ['项目编码', '项目名称', '总体目标', '年度目标（多项用“；”分隔）'],
    [codes[0], '庭院经济到户项目', '扶持脱贫户发展庭院经济', ''],
    [codes[1], '村集体经济发展项目', '壮大村集体经济', ''],
  ];
  const indicators = [
    INDICATOR_HEADER,
    ...own(codes[0], '庭院经济到户项目'), // rows 2–3
    ...own(codes[1], '村集体经济发展项目'), // rows 4–5
    [codes[1], '村集体经济发展项目', '产出指标', '数量指标', '产业发展资金占比', '≥', 60, '%', '', '计划标准', '', '', 'XC01-004'], // row 6
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(goals), '项目目标');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(indicators), '绩效指标');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('项目绩效目标 from Excel with 固化指标', () => {
  it('adds the 固化指标 a 衔接资金 project lacks, refuses the row renaming one, and imports the good project', async () => {
    const { page } = app;
    const [garden, village] = await povertyProjects();
    await page.goto(new URL('#/targets/projects/2020', app.bridge.url).href);
    await page.getByRole('table', { name: '项目绩效目标' }).waitFor();

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入填好的模板' }).click()]);
    await chooser.setFiles({ name: '衔接资金目标.xlsx', mimeType: XLSX_MIME, buffer: filledTemplate([garden.code, village.code]) });
    const preview = page.getByRole('dialog', { name: '导入预览：衔接资金目标.xlsx' });
    const problems = preview.getByRole('table', { name: '有错误的行' });
    await problems.getByText('第 6 行').waitFor();
    await problems.getByText('三级指标', { exact: true }).waitFor();
    await problems.getByText('“衔接资金用于产业发展比例”（衔接资金项目的固化指标）是指标库设定的固化指标，三级指标名称不能修改，请改回“衔接资金用于产业发展比例”；指标值可以修改').waitFor();
    await preview.getByText('1 个项目缺少固化指标，导入时自动补充').waitFor();
    await preview.getByText(`${garden.code} 庭院经济到户项目：已自动补充固化指标“带动脱贫户和监测户户数”、“衔接资金用于产业发展比例”`).waitFor();
    await preview.getByRole('table', { name: '导入内容' }).getByText('自动补充 2 个').waitFor();
    console.log(`导入预览（固化指标）：${await screenshot('target-import-mandatory')}`);

    await preview.getByRole('button', { name: '确认导入 1 个项目' }).click();
    await preview.waitFor({ state: 'detached' });
    await page.getByText('已导入 1 个项目的绩效目标（草稿），1 个项目有错误未导入，1 个项目已自动补充固化指标').waitFor();

    // The imported target starts with its 固化指标, their names locked; the refused project has none.
    await page.goto(new URL(`#/targets/project/${garden.id}`, app.bridge.url).href);
    const grid = page.getByRole('table', { name: '绩效指标', exact: true });
    const first = grid.getByRole('textbox', { name: '第 1 个指标三级指标' });
    await first.waitFor();
    expect(await first.inputValue()).toBe('带动脱贫户和监测户户数');
    expect(await first.getAttribute('readonly')).not.toBeNull();
    expect(await grid.getByRole('textbox', { name: '第 2 个指标三级指标' }).inputValue()).toBe('衔接资金用于产业发展比例');
    expect(await grid.getByRole('textbox', { name: '第 3 个指标三级指标' }).inputValue()).toBe('扶持脱贫户');
    console.log(`导入后的申报表：${await screenshot('target-import-mandatory-form')}`);
    expect((await app.call('targets.forProject', { projectId: village.id })).id).toBeNull();
    expect(app.pageErrors).toEqual([]);
  });
});
