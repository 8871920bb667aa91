// What a signature does not prove (exchange.md §10): a budget unit that sends its own target as 通过,
// graded 优 by itself, reaches the county 已送审 for the county's review, and the county's import review
// shows the unit's own state beside it.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportReport } from '../electron/exchange/outgoing';
import { initInstallation } from '../electron/registry/setup';
import { freshStore, tempDir, TEST_ACTOR } from '../electron/testSupport/fixtures';
import { openExchange, upload } from './exchangeSteps';
import { appsPerTest, ARTIFACTS_DIR, startCountyApp, type AppUnderTest } from './harness';

const UNIT = { code: '101002', name: '轮台县第一中学' };
const PROJECT = '教学设备购置';

let county: AppUnderTest;

appsPerTest(async () => {
  county = await startCountyApp(async (app) => {
    await app.call('units.create', { code: UNIT.code, name: UNIT.name, departmentCode: null, isDepartment: false });
  });
});

/** The unit's own installation, whose operator approved and graded its own target, and its report. */
function selfApprovedUnitReport(): { name: string; buffer: Buffer } {
  const dir = tempDir();
  const unit = freshStore(path.join(dir, 'unit.db'));
  initInstallation(unit.db, { regionCode: '652822', role: 'unit', operatorName: '王老师', unit: UNIT });
  const projectId = randomUUID();
  unit.sqlite
    .prepare(`INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES (?, '652822', 2020, 'U001', ?, '101001', ?)`)
    .run(projectId, PROJECT, UNIT.code);
  unit.sqlite
    .prepare(`INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status, review_grade, review_opinion) VALUES (?, '652822', 2020, 'project', 'U001', ?, 'approved', '优', '单位自评通过')`)
    .run(randomUUID(), projectId);
  const file = exportReport(unit, TEST_ACTOR, { year: 2020, stage: 'targets', full: true, out: path.join(dir, 'unit-report.zip') }).file;
  return { name: '单位上报包.zip', buffer: fs.readFileSync(file) };
}

describe('a unit cannot settle its own review at the county', () => {
  it('imports a self-approved unit target as 已送审 and shows the unit’s own 通过 beside it in the review', async () => {
    const c = county.page;
    await openExchange(county);
    await c.getByRole('heading', { name: '数据交换' }).waitFor();
    await upload(c, selfApprovedUnitReport());
    const review = c.getByRole('dialog', { name: /导入前核对/ });
    const row = review.getByRole('row').filter({ hasText: '652822/2020/project/U001' });
    await row.getByText('对方自己的状态为“通过”；本机不采用，待本机审核').waitFor();
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await c.screenshot({ path: path.join(ARTIFACTS_DIR, 'exchange-authority-review.png') });
    await review.getByRole('checkbox', { name: '已电话核对，指纹完全一致' }).check();
    await review.getByRole('button', { name: '信任并导入' }).click();
    await review.waitFor({ state: 'hidden' });

    const targets = await county.call('exchange.unitTargets', { unit: UNIT.code, year: 2020 });
    expect(targets).toEqual([expect.objectContaining({ ownerCode: 'U001', status: 'submitted', reviewOpinion: null })]);
    expect(county.pageErrors).toEqual([]);
  });
});
