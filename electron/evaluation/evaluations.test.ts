// 部门评价 / 财政评价 on real SQLite files: scored leaf by leaf on the shipped 10号 template, refused when
// a rule refuses a leaf, submitted when complete, reviewed by someone else, locked once approved; a
// 主管部门审核人 evaluates only its own department's units.
import { describe, expect, it } from 'vitest';
import { describeAuditObject } from '../audit/objects';
import { createOperator } from '../registry/operators';
import { seedCounty } from '../testSupport/county';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { filledEvaluation } from '../testSupport/evaluations';
import { createEvaluation, evaluationSubjects, getEvaluation, listEvaluations, saveEvaluation, transitionEvaluation } from './evaluations';
import { attachReport } from './report';
import { listTemplates } from './templates';
import { payload, smallPdf } from '../testSupport/attachments';

const WAN = 1_000_000;

function county() {
  const { db } = countyStore({ colleagues: true });
  seedCounty(db, {
    units: ROAD_AND_SCHOOL_UNITS,
    projects: [
      { code: 'LT-1', name: '农村公路养护', unitCode: '301002', funds: [{ source: '本级财政拨款', initialFen: 100 * WAN }] },
      { code: 'EDU-1', name: '校舍维修', unitCode: '302001', funds: [{ source: '本级财政拨款', initialFen: 50 * WAN }] },
    ],
  });
  const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
  const transport = createOperator(db, TEST_ACTOR, { name: '马部门', role: 'department', password: null, departmentCode: '301001' });
  const bureau = createOperator(db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null });
  const projectTemplate = listTemplates(db).find((t) => t.kind === 'project')!;
  const projectId = (code: string) => evaluationSubjects(db, 2020).projects.find((p) => p.code === code)!.id;
  return { db, clerk, transport, bureau, projectTemplate, projectId };
}

const filled = filledEvaluation;

describe('evaluations', () => {
  it('scores the default project template leaf by leaf, totals and grades it, and freezes the template version', () => {
    const { db, clerk, projectTemplate, projectId } = county();
    const created = createEvaluation(db, clerk, { kind: 'finance-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectId('LT-1'), addToPlan: true });
    expect(created).toMatchObject({ status: 'draft', subjectCode: 'LT-1', subjectName: '农村公路养护', unitName: '轮台县农村公路管理站', templateVersion: 1 });
    expect(listTemplates(db).find((t) => t.id === projectTemplate.id)).toMatchObject({ frozen: true, usedBy: 1 });

    // 100 less 0.4 (资金到位率 4 points at 90 of 100 → 3.6), 1 (立项依据充分性 2 of 3) and 2 (资金使用合规性, two findings at 1 each).
    const saved = saveEvaluation(db, clerk, filled(created, { '1.0.0': { value: '90', target: '100' }, '0.0.0': { score: '2' }, '1.0.2': { count: '2' } }));
    expect(saved).toMatchObject({ totalScore: '96.60', grade: '优', problemList: ['请上传评价报告（PDF 或 Word）'], methods: ['比较法', '公众评判法'], findings: ['资金到位偏晚'] });
    expect(listEvaluations(db, { year: 2020 })).toMatchObject([{ kind: 'finance-evaluation', subjectCode: 'LT-1', totalScore: '96.60', grade: '优', status: 'draft' }]);
  });

  it('refuses a manual score outside its range, naming the indicator and the allowed range, and writes nothing', () => {
    const { db, clerk, projectTemplate, projectId } = county();
    const created = createEvaluation(db, clerk, { kind: 'finance-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectId('LT-1'), addToPlan: true });
    expect(() => saveEvaluation(db, clerk, filled(created, { '0.0.0': { score: '3.5' } }))).toThrow('绩效评价没有保存：决策 › 项目立项 › 立项依据充分性：得分“3.5”不在允许范围内，应为 0–3 分');
    expect(getEvaluation(db, created.id)).toMatchObject({ version: created.version, totalScore: null, methods: [] });
  });

  it('submits only when complete; the submitter cannot approve; another reviewer approves and it is locked', () => {
    const { db, clerk, bureau, projectTemplate, projectId } = county();
    const created = createEvaluation(db, bureau, { kind: 'finance-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectId('LT-1'), addToPlan: true });
    const draft = saveEvaluation(db, bureau, { ...filled(created), standard: null, leaves: filled(created).leaves.slice(1) });
    expect(() => transitionEvaluation(db, bureau, { id: draft.id, version: draft.version, action: 'submit' })).toThrow('“农村公路养护”的绩效评价还不能送审，请先补充：还有 1 项末级指标未评分；请选择评价标准');
    const complete = saveEvaluation(db, bureau, filled(draft));
    expect(() => transitionEvaluation(db, bureau, { id: complete.id, version: complete.version, action: 'submit' })).toThrow('请先补充：请上传评价报告（PDF 或 Word）');
    attachReport(db, bureau, { id: complete.id, file: payload('评价报告.pdf', smallPdf()) });
    const submitted = transitionEvaluation(db, bureau, { id: complete.id, version: complete.version, action: 'submit' });
    expect(() => transitionEvaluation(db, bureau, { id: submitted.id, version: submitted.version, action: 'approve' })).toThrow(/不能审核本人送审的记录/);
    expect(() => transitionEvaluation(db, clerk, { id: submitted.id, version: submitted.version, action: 'approve' })).toThrow(/经办人不能审核/);
    const reviewer2 = createOperator(db, TEST_ACTOR, { name: '赵审核', role: 'reviewer', password: null });
    const approved = transitionEvaluation(db, reviewer2, { id: submitted.id, version: submitted.version, action: 'approve', opinion: '同意' });
    expect(approved).toMatchObject({ status: 'approved', reviewedBy: '赵审核', reviewOpinion: '同意', totalScore: '100.00', grade: '优' });
    expect(() => saveEvaluation(db, bureau, filled(approved))).toThrow('已通过的绩效评价已锁定，不能再修改');
    expect(approved.history.map((h) => h.action)).toEqual(['审核通过绩效评价', '送审绩效评价', '上传附件“评价报告.pdf”', '保存绩效评价', '保存绩效评价', '新建财政评价']);
    expect(describeAuditObject(db, 'evaluation', approved.history[0]!.naturalKey)).toBe('2020 年 财政评价 · LT-1 农村公路养护');
  });

  it('lets a 主管部门审核人 do 部门评价 of its own units only, and no 财政评价', () => {
    const { db, clerk, transport, projectTemplate, projectId } = county();
    expect(evaluationSubjects(db, 2020, { role: 'department', departmentCode: '301001' }).projects.map((p) => p.code)).toEqual(['LT-1']);
    expect(() => createEvaluation(db, transport, { kind: 'finance-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectId('LT-1'), addToPlan: true })).toThrow('主管部门审核人只能开展部门评价，财政评价由财政局开展');
    expect(() => createEvaluation(db, transport, { kind: 'department-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectId('EDU-1'), addToPlan: true })).toThrow(/只能查看本部门（301001）所属单位的项目/);
    const finance = createEvaluation(db, clerk, { kind: 'finance-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectId('LT-1'), addToPlan: true });
    expect(() => saveEvaluation(db, transport, filled(finance))).toThrow('主管部门审核人只能开展部门评价，财政评价由财政局开展');
    const own = createEvaluation(db, transport, { kind: 'department-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectId('LT-1'), addToPlan: true });
    expect(own).toMatchObject({ kind: 'department-evaluation', subjectCode: 'LT-1' });
    expect(() => createEvaluation(db, transport, { kind: 'department-evaluation', year: 2020, templateId: projectTemplate.id, projectId: projectId('LT-1'), addToPlan: true })).toThrow('“农村公路养护”已有 2020 年的部门评价，请在列表中打开它');
  });

  it('evaluates a unit as a whole on the department-wide template', () => {
    const { db, clerk } = county();
    const template = listTemplates(db).find((t) => t.kind === 'department')!;
    expect(() => createEvaluation(db, clerk, { kind: 'finance-evaluation', year: 2020, templateId: template.id })).toThrow('部门整体评价模板需要选择被评价的单位');
    const created = createEvaluation(db, clerk, { kind: 'finance-evaluation', year: 2020, templateId: template.id, unitCode: '301001' });
    expect(created).toMatchObject({ subjectCode: '301001', subjectName: '轮台县交通运输局', templateKind: 'department' });
    expect(saveEvaluation(db, clerk, filled(created))).toMatchObject({ totalScore: '100.00', grade: '优' });
  });
});
