// 抽查 on a real SQLite file: a share of the year's approved self-evaluations drawn with a recorded seed
// (the same seed draws the same tables), an adjusted score with reasons beside the unit's own, and no
// table drawn twice.
import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../db/open';
import { drawSample } from '../domain/selfEvaluation';
import { createOperator } from '../registry/operators';
import { seedCounty } from '../testSupport/county';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { entries, WAN } from '../testSupport/selfEvaluation';
import { createSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, transitionSelfEvaluation } from './selfEvaluations';
import { drawSpotCheck, listSpotChecks, recheckSpotCheck } from './spotChecks';

const CODES = ['LT-01', 'LT-02', 'LT-03', 'LT-04', 'LT-05', 'LT-06', 'LT-07', 'LT-08', 'LT-09', 'LT-10'];

/** Ten approved projects, each self-evaluated (every indicator met but LT-0n's budget at n × 10%) and approved. */
function countyWithApprovedSelfEvaluations() {
  const { db } = countyStore({ colleagues: true });
  seedCounty(db, {
    units: [{ code: '101001', name: '轮台县教育局' }],
    projects: CODES.map((code) => ({ code, name: `项目${code}`, unitCode: '101001', funds: [{ source: '本级财政拨款', initialFen: 100 * WAN }] })),
    targets: CODES.map((project) => ({ project, status: 'approved', indicators: [{ name: '受益人数', operator: '≥', value: '10', unit: '人', weight: '90' }] })),
  });
  const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
  const reviewer = createOperator(db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null });
  for (const [n, row] of listSelfEvaluations(db, { year: 2020 }).entries()) {
    const created = createSelfEvaluation(db, clerk, { targetId: row.targetId });
    const executedFen = Math.min(100, (n + 1) * 10) * WAN;
    const funds = { ...created.funds, appropriation: { ...created.funds.appropriation, executedFen } };
    const saved = saveSelfEvaluation(db, clerk, entries(created, { funds, goalAchieved: '完成', budgetReason: '资金下达较晚' }, { 0: { actual: '10' } }));
    const submitted = transitionSelfEvaluation(db, clerk, { id: saved.id, version: saved.version, action: 'submit' });
    if (n < 8) transitionSelfEvaluation(db, reviewer, { id: submitted.id, version: submitted.version, action: 'approve' });
  }
  return { db, clerk, reviewer };
}

describe('抽查 of approved self-evaluations', () => {
  it('draws the share of approved tables that the recorded seed gives, and none of them again', () => {
    const { db, clerk, reviewer } = countyWithApprovedSelfEvaluations();
    expect(() => drawSpotCheck(db, clerk, { year: 2020, share: 25 })).toThrow('经办人不能审核');
    const drawn = drawSpotCheck(db, reviewer, { year: 2020, share: 25, seed: '2020年第1次抽查' });
    // 8 approved (two still in review are not candidates): 25% draws 2, the ones the seed picks in project-code order.
    expect(drawn.map((r) => r.projectCode)).toEqual(drawSample(CODES.slice(0, 8), 25, '2020年第1次抽查').toSorted());
    expect(drawn.every((r) => r.seed === '2020年第1次抽查' && r.share === 25 && r.drawnBy === '王审核' && r.adjustedScore === null)).toBe(true);
    const again = drawSpotCheck(db, reviewer, { year: 2020, share: 100 });
    expect(again).toHaveLength(8);
    expect(again.filter((r) => r.drawId !== drawn[0]!.drawId).map((r) => r.projectCode).toSorted()).toEqual(CODES.slice(0, 8).filter((c) => !drawn.some((d) => d.projectCode === c)));
    expect(again.find((r) => r.drawId !== drawn[0]!.drawId)!.seed).toMatch(/^[0-9a-f]{8}$/);
    expect(() => drawSpotCheck(db, reviewer, { year: 2020, share: 10 })).toThrow('2020 年没有可抽查的自评表');
    expect(() => drawSpotCheck(db, reviewer, { year: 2020, share: 0 })).toThrow('抽查比例应为 1–100 之间的整数');
  });

  it('records the bureau’s adjusted score and grade with reasons beside the unit’s own, which stays as approved', () => {
    const { db, clerk, reviewer } = countyWithApprovedSelfEvaluations();
    const [check] = drawSpotCheck(db, reviewer, { year: 2020, share: 10, seed: 'a' });
    const unitScore = check!.unitScore!;
    expect(() => recheckSpotCheck(db, reviewer, { id: check!.id, adjustedScore: '101', reasons: '…' })).toThrow('复核得分应为 0–100 之间的数字');
    expect(() => recheckSpotCheck(db, reviewer, { id: check!.id, adjustedScore: '78', reasons: ' ' })).toThrow('请写明调整得分的理由');
    expect(() => recheckSpotCheck(db, clerk, { id: check!.id, adjustedScore: '78', reasons: '受益人数无台账' })).toThrow('经办人不能审核');
    const rechecked = recheckSpotCheck(db, reviewer, { id: check!.id, adjustedScore: '78.5', reasons: '受益人数无台账支撑，按 70% 计' });
    expect(rechecked).toMatchObject({ unitScore, adjustedScore: '78.50', adjustedGrade: '中', reasons: '受益人数无台账支撑，按 70% 计', recheckedBy: '王审核' });
    expect(sqliteOf(db).prepare('SELECT total_score, status FROM self_evaluations WHERE id = ?').get(check!.selfEvaluationId)).toEqual({ total_score: unitScore, status: 'approved' });
    expect(listSpotChecks(db, 2020)).toEqual([rechecked]);
    const audit = sqliteOf(db).prepare("SELECT action, opinion FROM audit_log WHERE entity = 'self-evaluation' AND action = '抽查复核自评表'").all();
    expect(audit).toEqual([{ action: '抽查复核自评表', opinion: '受益人数无台账支撑，按 70% 计' }]);
  });
});
