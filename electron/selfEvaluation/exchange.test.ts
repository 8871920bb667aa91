// Self-evaluations travel to the prefecture in their own stage, with their indicator rows and the
// project and target they evaluate; the prefecture's dashboard then shows each county's coverage and
// grade distribution.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPackage } from '../exchange/incoming';
import { exportReport } from '../exchange/outgoing';
import { prefectureDashboard } from '../prefecture/dashboard';
import { initInstallation } from '../registry/setup';
import { freshStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { dump, membersOf, packageRecords, setPackageRecords, signedBy } from '../testSupport/forgedPackages';
import { countyWithSelfEvaluationTarget, entries } from '../testSupport/selfEvaluation';
import { REVIEW_CHAIN_CLEARED } from '../../db/schema';
import { targetExchange } from '../targets/exchange';
import { selfEvaluationExchange } from './exchange';
import { createSelfEvaluation, saveSelfEvaluation, transitionSelfEvaluation } from './selfEvaluations';

function approvedSelfEvaluation() {
  const county = countyWithSelfEvaluationTarget();
  const { db, clerk, reviewer, approvedTarget } = county;
  const created = createSelfEvaluation(db, clerk, { targetId: approvedTarget });
  const filled = saveSelfEvaluation(db, clerk, entries(created, { goalAchieved: '基本完成', budgetReason: '资金年底到位' }, { 0: { deviationReason: '转学学生减少' }, 2: { score: '27' } }));
  const submitted = transitionSelfEvaluation(db, clerk, { id: filled.id, version: filled.version, action: 'submit' });
  transitionSelfEvaluation(db, reviewer, { id: submitted.id, version: submitted.version, action: 'approve' });
  return county;
}

function prefecture() {
  const store = freshStore(path.join(tempDir(), 'prefecture.db'));
  initInstallation(store.db, { regionCode: '652800', role: 'prefecture', operatorName: '李四' });
  return store;
}

describe('self-evaluations in exchange packages', () => {
  it('exports the 绩效自评 stage (self-evaluation) at the county and imports it at the prefecture, rows, project and target included, onto the dashboard', () => {
    const { store: county } = approvedSelfEvaluation();
    const exported = exportReport(county, TEST_ACTOR, { year: 2020, stage: 'self-evaluation', full: true, out: path.join(tempDir(), 'self-evaluation.zip') });
    const pref = prefecture();
    importPackage(pref, TEST_ACTOR, exported.file, { dryRun: false, trust: true });

    expect(pref.sqlite.prepare('SELECT project_code, status, total_score, grade FROM self_evaluations').all()).toEqual([
      { project_code: 'LT-1', status: 'approved', total_score: '93.25', grade: '优' },
    ]);
    expect(pref.sqlite.prepare('SELECT name, actual, tier, score, deviation_reason FROM self_evaluation_indicators ORDER BY seq').all()).toEqual([
      { name: '受益学生人次', actual: '1150', tier: null, score: '', deviation_reason: '转学学生减少' },
      { name: '单位餐费', actual: '7.5', tier: null, score: '', deviation_reason: '' },
      { name: '学生营养状况', actual: '达成目标', tier: 'achieved', score: '27', deviation_reason: '' },
    ]);
    expect(pref.sqlite.prepare("SELECT count(*) AS n FROM targets WHERE owner_code = 'LT-1' AND status = 'approved'").get()).toEqual({ n: 1 });

    const luntai = prefectureDashboard(pref, 2020).find((r) => r.code === '652822')!;
    expect(luntai.selfEvaluation).toEqual({
      approvedTargets: 1,
      evaluated: 1,
      approved: 1,
      grades: [{ grade: '优', count: 1 }, { grade: '良', count: 0 }, { grade: '中', count: 0 }, { grade: '差', count: 0 }],
      department: { approvedTargets: 0, evaluated: 0, approved: 0 },
    });
    const other = prefectureDashboard(pref, 2020).find((r) => r.code === '652823')!;
    expect(other.selfEvaluation).toMatchObject({ approvedTargets: 0, evaluated: 0, approved: 0 });
  });

  it("refuses a forged table scored against another project's target or hung on a project outside the county, writing nothing", () => {
    const { store: county } = approvedSelfEvaluation();
    const exported = exportReport(county, TEST_ACTOR, { year: 2020, stage: 'self-evaluation', full: true, out: path.join(tempDir(), 'self-evaluation.zip') }).file;
    const other = county.sqlite.prepare("SELECT t.id AS target, p.id AS project FROM targets t JOIN projects p ON p.id = t.project_id WHERE p.code = 'LT-2'").get() as { target: string; project: string };
    const forged = (change: Record<string, unknown>) => {
      const members = membersOf(exported);
      const tables = packageRecords(members, 'self-evaluation');
      Object.assign(tables[0]!.row, change);
      setPackageRecords(members, 'self-evaluation', tables);
      return signedBy(county, members, { stage: 'self-evaluation' });
    };
    const pref = prefecture();
    const before = dump(pref.sqlite);
    const refusedWith = (file: string) => {
      try {
        importPackage(pref, TEST_ACTOR, file, { dryRun: false, trust: true });
      } catch (error) {
        return (error as Error).message;
      }
      return 'imported';
    };
    expect(refusedWith(forged({ target_id: other.target }))).toMatch(/依据的绩效目标（.+）不是该项目（部门）在发送方本地区、本年度的绩效目标，已拒绝整个数据包$/);
    expect(refusedWith(forged({ project_id: other.project }))).toMatch(/依据的绩效目标（.+）不是该项目（部门）在发送方本地区、本年度的绩效目标，已拒绝整个数据包$/);
    expect(dump(pref.sqlite)).toBe(before);
    expect(refusedWith(exported)).toBe('imported');
  });

  it('does not carry self-evaluations in the targets stage', () => {
    const { store: county } = approvedSelfEvaluation();
    const exported = exportReport(county, TEST_ACTOR, { year: 2020, stage: 'targets', full: true, out: path.join(tempDir(), 'targets.zip') });
    const pref = prefecture();
    importPackage(pref, TEST_ACTOR, exported.file, { dryRun: false, trust: true });
    expect(pref.sqlite.prepare('SELECT count(*) AS n FROM self_evaluations').get()).toEqual({ n: 0 });
    expect(pref.sqlite.prepare("SELECT count(*) AS n FROM targets WHERE owner_code = 'LT-1'").get()).toEqual({ n: 1 });
  });
});

describe('a unit’s self-evaluation or adjustment at its county', () => {
  it('waits at the county’s own review chain: the 主管部门 decision and step a unit sends are never written', () => {
    const sent = { status: 'submitted', review_step: 'bureau', department_decision: 'approve', department_opinion: '主管部门同意', department_decided_at: '2020-12-01T00:00:00.000Z', department_decided_by: '冒名' };
    const waiting = (name: string) => [...selfEvaluationExchange, ...targetExchange].find((e) => e.name === name)!.awaitingReview!(sent, undefined);
    expect(waiting('self-evaluation')).toMatchObject({ status: 'submitted', ...REVIEW_CHAIN_CLEARED });
    expect(waiting('target-adjustment')).toMatchObject({ status: 'submitted', ...REVIEW_CHAIN_CLEARED });
  });
});
