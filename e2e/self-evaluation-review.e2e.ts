// 自评复核 in the browser: the bureau imports an Excel file of self-evaluation tables that units filled
// with their own scores (one with rule breaks, one correct, one from a unit that is not registered), sees
// each difference flagged on its row and in the summary, cannot review what it imported itself, and a
// reviewer returns the wrong table with the prefilled opinion (edited by typing) and accepts the other.
import { describe, expect, it } from 'vitest';
import { roadTable, selfEvaluationWorkbook, withIndicator } from '../electron/testSupport/selfEvaluationTables';
import { ADMIN_PASSWORD, appsPerTest, signInAs, startCountyApp, type AppUnderTest } from './harness';
import { XLSX_MIME } from './fixtures';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('units.create', { code: '301001', name: '轮台县交通运输局', departmentCode: null, isDepartment: true });
    await county.call('units.create', { code: '301002', name: '轮台县公路管理站', departmentCode: '301001', isDepartment: false });
    // A second operator needs the administrator's password first.
    await county.call('session.changePassword', { current: null, next: ADMIN_PASSWORD });
    await county.call('operators.create', { name: '王审核', role: 'reviewer', password: null });
  });
});

/** 受益人口 met yet marked down, 每公里造价 misrounded, a total that is neither the rule's nor their own sum. */
const WRONG = withIndicator(withIndicator(roadTable({ projectName: '乡村道路路灯工程', total: 92.5 }), '受益人口', { score: 13 }), '每公里造价', { score: 9.1 });
const FILE = selfEvaluationWorkbook({
  交通局: [WRONG, roadTable()],
  外单位: [roadTable({ projectName: '外县项目', unitName: '库尔勒市公路段' })],
});

describe('reviewing self-evaluation tables filled in Excel', () => {
  it('imports a file with wrong scores, flags each difference, and is returned and accepted by a reviewer', async () => {
    const { page } = app;
    await page.goto(new URL('#/selfEvaluation/review/2020', app.bridge.url).href);
    await page.getByRole('heading', { name: '2020 年还没有导入的自评表' }).waitFor();
    await page.screenshot({ path: '/tmp/self-evaluation-review-empty.png' });

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入自评表（Excel）' }).click()]);
    await chooser.setFiles({ name: '交通局自评表.xlsx', mimeType: XLSX_MIME, buffer: FILE });
    const preview = page.getByRole('dialog', { name: '导入预览：交通局自评表.xlsx' });
    await preview.getByText('实施单位“库尔勒市公路段”不在本县预算单位名录中').waitFor();
    await page.screenshot({ path: '/tmp/self-evaluation-review-preview.png' });
    await preview.getByRole('button', { name: '确认导入 2 张表' }).click();
    await preview.waitFor({ state: 'hidden' });

    const list = page.getByRole('table', { name: '导入的自评表' });
    await list.getByRole('row', { name: /乡村道路路灯工程.*4 处/ }).waitFor();
    await list.getByRole('link', { name: '乡村道路路灯工程' }).click();

    const findings = page.getByRole('alert').filter({ hasText: '按规则复算，发现 4 处差异' });
    await findings.waitFor();
    await findings.getByText('总分填报 92.50，按规则应为 94.59').waitFor();
    await findings.getByText('总分填报 92.50，不等于所填各项得分之和 92.60').waitFor();
    const form = page.getByRole('table', { name: '自评表复核' });
    const beneficiaries = form.locator('tr[data-row="受益人口"]');
    await beneficiaries.getByText('“受益人口”填报得分 13.00，按规则应为 15.00').waitFor();
    expect(await beneficiaries.locator('[aria-invalid="true"]').innerText()).toBe('13');
    await form.locator('tr[data-row="每公里造价"]').getByText('“每公里造价”填报得分 9.10，按规则应为 9.09').waitFor();
    expect(await form.locator('tr[data-row="新建道路长度"] [aria-invalid="true"]').count()).toBe(0);
    await page.screenshot({ path: '/tmp/self-evaluation-review-view.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: '/tmp/self-evaluation-review-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // 张三 imported it: he may not review it himself.
    await page.getByRole('button', { name: '退回单位' }).click();
    await page.getByText('不能审核本人送审的记录').waitFor();

    await signInAs(page, '王审核', '王审核（审核人）');
    const opinion = page.getByRole('textbox', { name: '复核意见' });
    await opinion.waitFor();
    expect(await opinion.inputValue()).toBe(
      [
        '复核发现以下问题，请改正后重新填报：',
        '1. “每公里造价”填报得分 9.10，按规则应为 9.09',
        '2. “受益人口”填报得分 13.00，按规则应为 15.00',
        '3. 总分填报 92.50，按规则应为 94.59',
        '4. 总分填报 92.50，不等于所填各项得分之和 92.60',
      ].join('\n'),
    );
    await opinion.click();
    await page.keyboard.press('ControlOrMeta+End');
    await opinion.pressSequentially('\n请于 5 个工作日内改正后重新报送。', { delay: 30 });
    await page.getByRole('button', { name: '退回单位' }).click();
    await page.getByText('复核结论：退回（王审核').waitFor();
    await page.getByText(/各项得分之和 92\.60\s+请于 5 个工作日内改正后重新报送。/).waitFor();

    await page.getByRole('link', { name: /返回 2020 年自评表列表/ }).click();
    await list.getByRole('row', { name: /乡村道路路灯工程.*退回/ }).waitFor();
    await list.getByRole('link', { name: '农村道路硬化工程' }).click();
    await page.getByRole('alert').filter({ hasText: '按规则复算，未发现差异' }).waitFor();
    await page.getByRole('button', { name: '复核通过' }).click();
    await page.getByText('复核结论：通过（王审核').waitFor();
    await page.getByRole('link', { name: /返回 2020 年自评表列表/ }).click();
    await list.getByRole('row', { name: /农村道路硬化工程.*通过/ }).waitFor();
    await page.screenshot({ path: '/tmp/self-evaluation-review-list.png' });

    expect(app.pageErrors).toEqual([]);
  });
});
