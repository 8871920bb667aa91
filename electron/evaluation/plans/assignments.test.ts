import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../../db/open';
import { listAudit } from '../../audit/audit';
import { declareConflict, updateExpert } from '../../experts/experts';
import { createFirm } from '../../experts/firms';
import { addExpert, planCounty } from '../../testSupport/evaluationPlans';
import { countyStore, TEST_ACTOR } from '../../testSupport/fixtures';
import { assignEvaluator, unassignEvaluator } from './assignments';
import { addByRule, getPlan, removeFromPlan } from './plans';

/** The plan of 2020 with XM001 (农村公路管理站 301002, under 交通运输局 301001) as its only item. */
function planWithRoadProject() {
  const store = countyStore();
  const { projectIds } = planCounty(store.db);
  const view = addByRule(store.db, TEST_ACTOR, { year: 2020, kind: 'finance', departmentCode: null, rule: { kind: 'hand', projectIds: [projectIds.get('XM001')!] } });
  return { db: store.db, itemId: view.items[0]!.id };
}

describe('assigning evaluators to a plan item', () => {
  it('assigns an expert from elsewhere and a firm, shown on the item', () => {
    const { db, itemId } = planWithRoadProject();
    const expert = addExpert(db);
    const teacher = addExpert(db, { name: '李明', field: '财务', organisation: '', unitCode: '302002' });
    const firm = createFirm(db, TEST_ACTOR, { name: '新疆天山绩效评价咨询有限公司', creditCode: '91440300708461136T', qualifications: '', contact: '' });
    assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: expert.id, role: '组长' });
    assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: teacher.id, role: '成员' });
    assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, firmId: firm.id, role: '受托机构' });
    const [item] = getPlan(db, { year: 2020, kind: 'finance', departmentCode: null }).items;
    expect(item!.evaluators.map((e) => [e.name, e.organisation, e.role])).toEqual([
      ['新疆天山绩效评价咨询有限公司', '第三方机构', '受托机构'],
      ['王芳', '巴州公路勘察设计院', '组长'],
      ['李明', '轮台县第一中学', '成员'],
    ]);
    expect(listAudit(db, { entity: 'evaluation-plan', naturalKey: '652822/2020/XM001', limit: 10 }).map((e) => e.action)).toEqual(['委托第三方机构', '指派评价专家', '指派评价专家']);
  });

  it('refuses an expert of the evaluated unit, by its code or by its exact name', () => {
    const { db, itemId } = planWithRoadProject();
    const byCode = addExpert(db, { name: '赵强', unitCode: '301002', organisation: '' });
    const byName = addExpert(db, { name: '孙丽', organisation: '轮台县农村公路管理站' });
    expect(() => assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: byCode.id, role: '成员' })).toThrow('专家赵强的工作单位就是被评价单位轮台县农村公路管理站，需回避（被评价项目 XM001）');
    expect(() => assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: byName.id, role: '成员' })).toThrow(/专家孙丽的工作单位就是被评价单位/);
  });

  it('refuses an expert of another unit of the same 主管部门, or of the 主管部门 itself', () => {
    const { db, itemId } = planWithRoadProject();
    const sibling = addExpert(db, { name: '周涛', unitCode: '301003', organisation: '' });
    const department = addExpert(db, { name: '吴静', unitCode: '301001', organisation: '' });
    expect(() => assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: sibling.id, role: '成员' })).toThrow(
      '专家周涛的工作单位轮台县公路养护段与被评价单位轮台县农村公路管理站同属主管部门轮台县交通运输局，需回避（被评价项目 XM001）',
    );
    expect(() => assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: department.id, role: '成员' })).toThrow(/同属主管部门轮台县交通运输局/);
  });

  it('refuses a declared conflict and an expert who is 暂停, and assigns once restored', () => {
    const { db, itemId } = planWithRoadProject();
    const declared = declareConflict(db, TEST_ACTOR, { expertId: addExpert(db).id, unitCode: '301002', reason: '曾为该站编制养护规划' });
    expect(() => assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: declared.id, role: '成员' })).toThrow('专家王芳已登记与轮台县农村公路管理站存在利益冲突（曾为该站编制养护规划），需回避（被评价项目 XM001）');
    const paused = addExpert(db, { name: '郑华', available: false });
    expect(() => assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: paused.id, role: '成员' })).toThrow(/专家郑华目前为“暂停”状态，不能指派/);
    const { id, version, conflicts: _c, ...draft } = paused;
    updateExpert(db, TEST_ACTOR, { ...draft, id, version, available: true });
    expect(assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: paused.id, role: '成员' }).name).toBe('郑华');
  });

  it('refuses the same expert twice, a second 组长, a second firm and a mismatched role; a refusal writes nothing', () => {
    const { db, itemId } = planWithRoadProject();
    const lead = addExpert(db);
    const other = addExpert(db, { name: '钱进', organisation: '新疆大学' });
    const firm = createFirm(db, TEST_ACTOR, { name: '甲机构', creditCode: '91440300708461136T', qualifications: '', contact: '' });
    const second = createFirm(db, TEST_ACTOR, { name: '乙机构', creditCode: '91110000600037341L', qualifications: '', contact: '' });
    assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: lead.id, role: '组长' });
    assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, firmId: firm.id, role: '受托机构' });
    const before = listAudit(db, { limit: 1000 }).length;
    expect(() => assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: lead.id, role: '成员' })).toThrow('专家王芳已指派到该项目');
    expect(() => assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: other.id, role: '组长' })).toThrow(/该项目已有评价组长/);
    expect(() => assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, firmId: second.id, role: '受托机构' })).toThrow(/该项目已委托一家第三方机构/);
    expect(() => assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: other.id, role: '受托机构' })).toThrow('专家的角色应为“组长”或“成员”');
    expect(getPlan(db, { year: 2020, kind: 'finance', departmentCode: null }).items[0]!.evaluators).toHaveLength(2);
    expect(listAudit(db, { limit: 1000 })).toHaveLength(before);
  });

  it('withdraws an assignment, and a removed item takes its assignments along', () => {
    const { db, itemId } = planWithRoadProject();
    const assigned = assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: addExpert(db).id, role: '组长' });
    unassignEvaluator(db, TEST_ACTOR, { id: assigned.id });
    expect(getPlan(db, { year: 2020, kind: 'finance', departmentCode: null }).items[0]!.evaluators).toEqual([]);
    assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: assigned.expertId!, role: '组长' });
    removeFromPlan(db, TEST_ACTOR, { itemId });
    expect(sqliteOf(db).prepare('SELECT count(*) AS n FROM evaluation_assignments').get()).toEqual({ n: 0 });
    expect(() => assignEvaluator(db, TEST_ACTOR, { planItemId: itemId, expertId: assigned.expertId!, role: '组长' })).toThrow('该项目已不在评价计划中，请刷新后重试');
  });
});
