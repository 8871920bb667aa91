// An evaluation carries out an item of the year's evaluation plan, on real SQLite files: 新建评价 takes the
// plan's projects (one outside the plan is added by hand once confirmed), the plan counts what was
// evaluated, the evaluators are the item's assignments (refused by the conflict-of-interest rule), a
// firm's job of the year is linked and rated after approval, and a 主管部门审核人 manages only its own
// department's 部门评价 plan.
import { describe, expect, it } from 'vitest';
import { payload, smallPdf } from '../testSupport/attachments';
import { addExpert } from '../testSupport/evaluationPlans';
import { evaluationCounty, filledEvaluation } from '../testSupport/evaluations';
import { createEvaluation, evaluationSubjects, getEvaluation, saveEvaluation, transitionEvaluation } from './evaluations';
import { evaluationsOfFirm, linkEngagement, rateFirmJob } from './firmJob';
import { assignEvaluator } from './plans/assignments';
import { addByRule, getPlan, removeFromPlan } from './plans/plans';
import { attachReport } from './report';
import { listFirms } from '../experts/firms';

const FINANCE = { year: 2020, kind: 'finance' as const, departmentCode: null };

describe('an evaluation of a plan item', () => {
  it('is refused for a project outside the plan until the user confirms, then adds it to the plan by hand (手动添加)', () => {
    const { db, clerk, projectIds, projectTemplate } = evaluationCounty();
    addByRule(db, clerk, { ...FINANCE, rule: { kind: 'key' } });
    expect(evaluationSubjects(db, 2020).planned['finance-evaluation'].sort()).toEqual([projectIds.get('XM001'), projectIds.get('XM004')].sort());
    const planned = createEvaluation(db, clerk, { kind: 'finance-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectIds.get('XM001')! });
    expect(planned.planItemId).toBe(getPlan(db, FINANCE).items.find((i) => i.projectId === projectIds.get('XM001'))!.id);

    const outside = { kind: 'finance-evaluation' as const, year: 2020, templateId: projectTemplate.id, projectId: projectIds.get('XM005')! };
    expect(() => createEvaluation(db, clerk, outside)).toThrow('“教师培训”不在 2020 年财政评价计划中：请先在“评价计划”中加入，或确认手动加入计划后再新建');
    expect(getPlan(db, FINANCE).items).toHaveLength(2);
    const added = createEvaluation(db, clerk, { ...outside, addToPlan: true });
    const item = getPlan(db, FINANCE).items.find((i) => i.projectId === projectIds.get('XM005'))!;
    expect(item).toMatchObject({ rule: 'hand', reason: '手动添加', evaluation: { id: added.id, status: 'draft', grade: null } });
    expect(() => removeFromPlan(db, clerk, { itemId: item.id })).toThrow('项目 XM005 已开始评价，不能移出计划：评价记录须与计划对应');
  });

  it('puts a 部门评价 into its department\'s plan, not the bureau\'s', () => {
    const { db, transport, projectIds, projectTemplate } = evaluationCounty();
    const made = createEvaluation(db, transport, { kind: 'department-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectIds.get('XM002')!, addToPlan: true });
    expect(getPlan(db, { year: 2020, kind: 'department', departmentCode: '301001' }).items).toMatchObject([{ projectId: projectIds.get('XM002'), reason: '手动添加', evaluation: { id: made.id } }]);
    expect(getPlan(db, FINANCE).items).toEqual([]);
  });

  it("shows the plan item's experts and firm as its evaluators, refusing an expert with a conflict through the same assignment", () => {
    const { db, clerk, projectIds, projectTemplate, firm } = evaluationCounty();
    const made = createEvaluation(db, clerk, { kind: 'finance-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectIds.get('XM001')!, addToPlan: true });
    const lead = addExpert(db, { name: '王芳' });
    const own = addExpert(db, { name: '赵强', organisation: '轮台县农村公路管理站', unitCode: '301002' });
    assignEvaluator(db, clerk, { planItemId: made.planItemId!, expertId: lead.id, role: '组长' });
    expect(() => assignEvaluator(db, clerk, { planItemId: made.planItemId!, expertId: own.id, role: '成员' })).toThrow('专家赵强的工作单位就是被评价单位轮台县农村公路管理站，需回避（被评价项目 XM001）');
    assignEvaluator(db, clerk, { planItemId: made.planItemId!, firmId: firm.id, role: '受托机构' });
    const detail = getEvaluation(db, made.id);
    expect(detail.assignments.map((a) => [a.name, a.role])).toEqual([[firm.name, '受托机构'], ['王芳', '组长']]);
    // Assigned evaluators stand for 评价人员; the firm's job of the year is still to be chosen, and the report uploaded.
    const saved = saveEvaluation(db, clerk, { ...filledEvaluation(detail), evaluators: '' });
    expect(saved.problemList).toEqual(['请选择受托机构本年度的委托业务（合同）', '请上传评价报告（PDF 或 Word）']);
  });

  it('asks for evaluators when none is assigned and 其他评价人员 is empty', () => {
    const { db, clerk, projectIds, projectTemplate } = evaluationCounty();
    const made = createEvaluation(db, clerk, { kind: 'department-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectIds.get('XM005')!, addToPlan: true });
    expect(saveEvaluation(db, clerk, { ...filledEvaluation(made), evaluators: ' ' }).problemList).toEqual(['请指派评价专家或第三方机构，或填写其他评价人员']);
    expect(saveEvaluation(db, clerk, filledEvaluation(getEvaluation(db, made.id))).problemList).toEqual([]);
  });

  it("links the firm's job of the year, rates it once approved, and lists the evaluation with its grade on the firm", () => {
    const { db, clerk, reviewer, projectIds, projectTemplate, firm, job } = evaluationCounty();
    const made = createEvaluation(db, clerk, { kind: 'finance-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectIds.get('XM001')!, addToPlan: true });
    assignEvaluator(db, clerk, { planItemId: made.planItemId!, firmId: firm.id, role: '受托机构' });
    expect(getEvaluation(db, made.id).engagementChoices.map((e) => e.subject)).toEqual(['2020 年重点项目财政评价']);
    const linked = linkEngagement(db, clerk, { id: made.id, engagementId: job.id });
    expect(linked.engagement).toMatchObject({ id: job.id, firmName: firm.name });
    const saved = saveEvaluation(db, clerk, filledEvaluation(linked, { '0.0.0': { score: '1' } }));
    attachReport(db, clerk, { id: made.id, file: payload('评价报告.pdf', smallPdf()) });
    expect(() => rateFirmJob(db, clerk, { id: made.id, rating: 4, comment: '报告扎实' })).toThrow('评价审核通过后才能评价第三方机构的工作质量');
    const submitted = transitionEvaluation(db, clerk, { id: made.id, version: saved.version, action: 'submit' });
    transitionEvaluation(db, reviewer, { id: made.id, version: submitted.version, action: 'approve' });
    expect(rateFirmJob(db, clerk, { id: made.id, rating: 4, comment: '报告扎实，时效略慢' })).toMatchObject({ rating: 4, ratingComment: '报告扎实，时效略慢', ratedBy: '李经办' });
    expect(listFirms(db)[0]).toMatchObject({ averageRating: '4.0' });
    expect(evaluationsOfFirm(db, firm.id)).toEqual([{ id: made.id, year: 2020, kind: 'finance-evaluation', subjectCode: 'XM001', engagementSubject: '2020 年重点项目财政评价', totalScore: '98.00', grade: '优', status: 'approved' }]);
    expect(getPlan(db, FINANCE).items[0]).toMatchObject({ evaluation: { id: made.id, status: 'approved', grade: '优' } });
  });
});

describe("a 主管部门审核人 and its department's plan", () => {
  it('adds to, assigns in and removes from its own 部门评价 plan', () => {
    const { db, transport, projectIds } = evaluationCounty();
    const own = { year: 2020, kind: 'department' as const, departmentCode: '301001' };
    const view = addByRule(db, transport, { ...own, rule: { kind: 'hand', projectIds: [projectIds.get('XM001')!, projectIds.get('XM002')!] } });
    expect(view.items).toHaveLength(2);
    const expert = addExpert(db, { name: '周敏', organisation: '巴州财政局' });
    expect(assignEvaluator(db, transport, { planItemId: view.items[0]!.id, expertId: expert.id, role: '组长' })).toMatchObject({ name: '周敏' });
    removeFromPlan(db, transport, { itemId: view.items[1]!.id });
    expect(getPlan(db, own).items).toHaveLength(1);
  });

  it("is refused the bureau's finance plan and another department's plan, and nothing is written", () => {
    const { db, clerk, transport, projectIds } = evaluationCounty();
    expect(() => addByRule(db, transport, { ...FINANCE, rule: { kind: 'key' } })).toThrow('主管部门审核人只能管理本部门的部门评价计划，财政评价计划由财政局制定');
    expect(() => addByRule(db, transport, { year: 2020, kind: 'department', departmentCode: '302001', rule: { kind: 'key' } })).toThrow('主管部门审核人只能管理本部门（301001）的部门评价计划');
    const finance = addByRule(db, clerk, { ...FINANCE, rule: { kind: 'key' } });
    expect(() => assignEvaluator(db, transport, { planItemId: finance.items[0]!.id, expertId: addExpert(db).id, role: '组长' })).toThrow(/财政评价计划由财政局制定/);
    expect(() => removeFromPlan(db, transport, { itemId: finance.items[0]!.id })).toThrow(/财政评价计划由财政局制定/);
    expect(getPlan(db, FINANCE).items.map((i) => [i.projectId, i.evaluators.length])).toEqual([[projectIds.get('XM001'), 0], [projectIds.get('XM004'), 0]]);
    expect(getPlan(db, { year: 2020, kind: 'department', departmentCode: '302001' }).plan).toBeNull();
  });
});
