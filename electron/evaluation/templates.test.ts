// 评价模板 on a real SQLite file: the shipped defaults appear once, a template is refused while its tree
// has a problem, an unused version is edited in place, and a version an evaluation uses is frozen, so
// saving it makes the next version and the evaluation keeps the tree it was scored on.
import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../db/open';
import { listAudit } from '../audit/audit';
import { describeAuditObject } from '../audit/objects';
import { createOperator } from '../registry/operators';
import { seedCounty } from '../testSupport/county';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { createEvaluation, evaluationSubjects, getEvaluation } from './evaluations';
import { listTemplates, saveTemplate } from './templates';

const tree = (output: string, benefit: string) => [
  { name: '产出', points: output, rule: { type: 'proportional' as const } },
  { name: '效益', points: benefit, rule: { type: 'manual' as const, min: '0', max: benefit } },
];

describe('evaluation templates', () => {
  it('ships the 10号 project framework and the department-wide template once', () => {
    const { db } = countyStore();
    const first = listTemplates(db);
    expect(first.map((t) => [t.kind, t.version, t.tree.map((n) => n.name).join('/')])).toEqual([
      ['department', 1, '部门决策/综合管理/部门绩效'],
      ['project', 1, '决策/过程/产出/效益'],
    ]);
    expect(listTemplates(db).map((t) => t.id)).toEqual(first.map((t) => t.id));
  });

  it('refuses a tree with a problem, naming it, and writes nothing', () => {
    const { db } = countyStore();
    expect(() => saveTemplate(db, TEST_ACTOR, { kind: 'project', name: '简易模板', tree: tree('50', '40') })).toThrow('评价模板没有保存，请先改正：一级指标分值合计 90 分，应为 100 分');
    expect(listTemplates(db).map((t) => t.name)).not.toContain('简易模板');
  });

  it('edits an unused version in place, and saves a frozen one as the next version', () => {
    const { db } = countyStore({ colleagues: true });
    seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS, projects: [{ code: 'LT-1', name: '农村公路养护', unitCode: '301002', funds: [] }] });
    const made = saveTemplate(db, TEST_ACTOR, { kind: 'project', name: '简易模板', tree: tree('60', '40') });
    const edited = saveTemplate(db, TEST_ACTOR, { id: made.id, kind: 'project', name: '简易模板', tree: tree('70', '30') });
    expect(edited).toMatchObject({ id: made.id, version: 1, frozen: false });

    const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
    expect(() => saveTemplate(db, clerk, { id: made.id, kind: 'project', name: '简易模板', tree: tree('70', '30') })).toThrow(/经办人不能审核/);
    const evaluation = createEvaluation(db, clerk, { kind: 'finance-evaluation', year: 2020, templateId: made.id, projectId: evaluationSubjects(db, 2020).projects[0]!.id, addToPlan: true });

    const next = saveTemplate(db, TEST_ACTOR, { id: made.id, kind: 'project', name: '简易模板', tree: tree('80', '20') });
    expect(next).toMatchObject({ version: 2, frozen: false });
    expect(next.id).not.toBe(made.id);
    expect(listAudit(db, { entity: 'evaluation-template', limit: 1 }).map((a) => [a.action, describeAuditObject(db, a.entity, a.naturalKey)])).toEqual([['另存为新版本', '简易模板 第 2 版']]);
    expect(getEvaluation(db, evaluation.id).template).toMatchObject({ id: made.id, version: 1, frozen: true, tree: tree('70', '30') });
    expect(() => saveTemplate(db, TEST_ACTOR, { kind: 'project', name: '简易模板', tree: tree('60', '40') })).toThrow('已有名为“简易模板”的项目支出评价模板，请换一个名称，或打开它另存为新版本');
  });

  it('refuses to read a stored tree that no longer passes validation, instead of scoring on it', () => {
    const { db } = countyStore();
    const made = saveTemplate(db, TEST_ACTOR, { kind: 'project', name: '简易模板', tree: tree('60', '40') });
    sqliteOf(db).prepare('UPDATE evaluation_templates SET tree = ? WHERE id = ?').run(JSON.stringify(tree('60', '30')), made.id);
    expect(() => listTemplates(db)).toThrow('评价模板“简易模板”第 1 版的内容已损坏，请从备份恢复或另建模板');
  });
});
