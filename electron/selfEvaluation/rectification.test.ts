// Notices opened from 绩效自评: an approved self-evaluation, and a spot check only when its recheck lowered
// the unit's score; each names its record, and a table not yet approved is refused.
import { describe, expect, it } from 'vitest';
import { createOperator } from '../registry/operators';
import { seedCounty } from '../testSupport/county';
import { countyStore, daysFromToday, TEST_ACTOR } from '../testSupport/fixtures';
import { entries, WAN } from '../testSupport/selfEvaluation';
import { openSelfEvaluationRectification, openSpotCheckRectification } from './rectification';
import { createSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, transitionSelfEvaluation } from './selfEvaluations';
import { drawSpotCheck, recheckSpotCheck } from './spotChecks';

function county() {
  const { db } = countyStore({ colleagues: true });
  seedCounty(db, {
    units: [{ code: '101001', name: '轮台县教育局' }],
    projects: ['LT-01', 'LT-02'].map((code) => ({ code, name: `项目${code}`, unitCode: '101001', funds: [{ source: '本级财政拨款', initialFen: 100 * WAN }] })),
    targets: ['LT-01', 'LT-02'].map((project) => ({ project, status: 'approved', indicators: [{ name: '受益人数', operator: '≥', value: '10', unit: '人', weight: '90' }] })),
  });
  const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
  const reviewer = createOperator(db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null });
  const [first, second] = listSelfEvaluations(db, { year: 2020 }).map((row) => {
    const created = createSelfEvaluation(db, clerk, { targetId: row.targetId });
    const saved = saveSelfEvaluation(db, clerk, entries(created, { goalAchieved: '完成', budgetReason: '资金下达较晚' }, { 0: { actual: '10' } }));
    return transitionSelfEvaluation(db, clerk, { id: saved.id, version: saved.version, action: 'submit' });
  });
  transitionSelfEvaluation(db, reviewer, { id: first!.id, version: first!.version, action: 'approve' });
  return { db, reviewer, approved: first!, submitted: second! };
}

const text = { problems: '资金执行率偏低', requirements: '说明原因并整改', deadline: daysFromToday(20) };

describe('notices from self-evaluations and spot checks', () => {
  it('opens a notice on an approved self-evaluation naming it, and refuses one still waiting for review', () => {
    const { db, reviewer, approved, submitted } = county();
    const notice = openSelfEvaluationRectification(db, reviewer, { ...text, selfEvaluationId: approved.id });
    expect(notice).toMatchObject({ source: 'self-evaluation', sourceId: approved.id, sourceLabel: '2020年度自评 · LT-01 项目LT-01', status: 'pending', unitCode: '101001' });
    expect(() => openSelfEvaluationRectification(db, reviewer, { ...text, selfEvaluationId: approved.id })).toThrow('该自评表已对“项目LT-01”下发第 1 号整改通知（待下达），无需重复');
    expect(() => openSelfEvaluationRectification(db, reviewer, { ...text, selfEvaluationId: submitted.id })).toThrow('“项目LT-02”的自评表尚未审核通过：审核通过后才能据此下发整改通知');
  });

  it('opens a notice on a spot check only once its recheck lowered the score', () => {
    const { db, reviewer } = county();
    const [check] = drawSpotCheck(db, reviewer, { year: 2020, share: 100 });
    expect(() => openSpotCheckRectification(db, reviewer, { ...text, spotCheckId: check!.id })).toThrow(/抽查复核得分未低于单位自评得分/);
    const same = recheckSpotCheck(db, reviewer, { id: check!.id, adjustedScore: check!.unitScore!, reasons: '复核无误' });
    expect(() => openSpotCheckRectification(db, reviewer, { ...text, spotCheckId: same.id })).toThrow(/抽查复核得分未低于单位自评得分/);
    const lowered = recheckSpotCheck(db, reviewer, { id: check!.id, adjustedScore: '70', reasons: '佐证材料不足' });
    const notice = openSpotCheckRectification(db, reviewer, { ...text, spotCheckId: lowered.id });
    expect(notice).toMatchObject({ source: 'spot-check', sourceId: lowered.id, sourceLabel: `2020年度自评抽查 · LT-01 项目LT-01（自评 ${lowered.unitScore} 分，复核 ${lowered.adjustedScore} 分）` });
    expect(lowered.adjustedScore).toBe('70.00');
  });
});
