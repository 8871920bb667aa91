// Through the web bridge: a 主管部门审核人 who types the address of another department's target or
// self-evaluation is refused by the service (FORBIDDEN, with the reason), not merely left out of lists.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/open';
import { createOperator } from '../registry/operators';
import { initInstallation } from '../registry/setup';
import { createSelfEvaluation, listSelfEvaluations } from '../selfEvaluation/selfEvaluations';
import { updateSetting } from '../settings/settings';
import { seedCounty } from '../testSupport/county';
import { TEST_ACTOR, TEST_ADMIN_PASSWORD, tempDir } from '../testSupport/fixtures';
import { ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { browser, type Reply } from '../testSupport/bridgeClient';
import { startBridge, type Bridge } from './server';

let bridge: Bridge | null = null;
afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

/** A county file with the road station's and the school bureau's approved targets, a self-evaluation of the road's, and 教育局's reviewer. */
function seededCounty(dbPath: string) {
  const store = openDatabase(dbPath);
  const { db } = store;
  initInstallation(db, { regionCode: '652822', role: 'county', operatorName: '张三', password: TEST_ADMIN_PASSWORD });
  const seeded = seedCounty(db, {
    units: ROAD_AND_SCHOOL_UNITS,
    projects: [
      { code: 'LT-1', name: '农村公路养护', unitCode: '301002', funds: [{ source: '本级财政拨款', initialFen: 1_000_000 }] },
      { code: 'EDU-1', name: '校舍维修', unitCode: '302001', funds: [{ source: '本级财政拨款', initialFen: 1_000_000 }] },
    ],
    targets: [
      { project: 'LT-1', status: 'approved', indicators: [{ name: '养护里程', operator: '≥', value: '300', unit: '公里', weight: '90' }] },
      { project: 'EDU-1', status: 'approved', indicators: [{ name: '维修校舍', operator: '≥', value: '5', unit: '所', weight: '90' }] },
    ],
  });
  updateSetting(db, TEST_ACTOR, 'review.departmentStep', 'on');
  const road = listSelfEvaluations(db, { year: 2020 }).find((r) => r.projectCode === 'LT-1')!;
  const selfEvaluation = createSelfEvaluation(db, TEST_ACTOR, { targetId: road.targetId });
  const education = createOperator(db, TEST_ACTOR, { name: '周教育', role: 'department', password: null, departmentCode: '302001' });
  closeDatabase(store);
  return { roadProject: road.projectId, schoolProject: seeded.projectIds.get('EDU-1')!, selfEvaluation: selfEvaluation.id, education: education.id };
}

const refusal = (reply: Reply) => (reply.ok ? 'allowed' : `${reply.error.code}：${reply.error.message}`);

describe('a 主管部门审核人 through the bridge', () => {
  it('is refused another department’s target and self-evaluation opened by address, and opens its own', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'bridge.db');
    const county = seededCounty(dbPath);
    bridge = await startBridge({ dbPath, staticDir: dir, dataDir: dir });
    const reviewer = browser(bridge);
    expect((await reviewer('session.signIn', { operatorId: county.education, password: null })).ok).toBe(true);

    expect(refusal(await reviewer('targets.forProject', { projectId: county.roadProject }))).toBe(
      'FORBIDDEN：主管部门审核人只能查看本部门（302001）所属单位的绩效目标，该绩效目标属于其他主管部门',
    );
    expect(refusal(await reviewer('targets.department', { year: 2020, unitCode: '301002' }))).toMatch(/^FORBIDDEN：主管部门审核人只能查看本部门（302001）/);
    expect(refusal(await reviewer('selfEvaluation.get', { id: county.selfEvaluation }))).toBe(
      'FORBIDDEN：主管部门审核人只能查看本部门（302001）所属单位的自评表，该自评表属于其他主管部门',
    );
    expect(refusal(await reviewer('targets.forProject', { projectId: county.schoolProject }))).toBe('allowed');
    expect(refusal(await reviewer('targets.department', { year: 2020, unitCode: '302001' }))).toBe('allowed');
    const list = await reviewer('selfEvaluation.list', { year: 2020 });
    expect(list.ok && list.value.map((r: { projectCode: string }) => r.projectCode)).toEqual(['EDU-1']);
  });
});
