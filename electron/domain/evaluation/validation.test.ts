import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENT_TEMPLATE, DEFAULT_PROJECT_TEMPLATE } from './defaults';
import { leavesOf, type TemplateNode } from './template';
import { problemsAt, validateTemplate } from './validation';

const manual = (max: string) => ({ type: 'manual' as const, min: '0', max });
const leaf = (name: string, points: string): TemplateNode => ({ name, points, rule: manual(points) });
const copy = (tree: TemplateNode[]): TemplateNode[] => structuredClone(tree);

describe('the shipped templates', () => {
  it('pass validation as shipped', () => {
    expect(validateTemplate('project', DEFAULT_PROJECT_TEMPLATE)).toEqual([]);
    expect(validateTemplate('department', DEFAULT_DEPARTMENT_TEMPLATE)).toEqual([]);
  });
  it('carry the 10号 framework and the department-wide split', () => {
    expect(DEFAULT_PROJECT_TEMPLATE.map((n) => `${n.name} ${n.points}`)).toEqual(['决策 20', '过程 20', '产出 40', '效益 20']);
    expect(DEFAULT_DEPARTMENT_TEMPLATE.map((n) => `${n.name} ${n.points}`)).toEqual(['部门决策 25', '综合管理 30', '部门绩效 45']);
    const names = leavesOf(DEFAULT_PROJECT_TEMPLATE).map((l) => l.node.name);
    for (const name of ['立项依据充分性', '资金到位率', '预算执行率', '实际完成率', '质量达标率', '成本节约率', '满意度']) expect(names).toContain(name);
  });
});

describe('template validation', () => {
  it('names the parent whose children do not add up to its points', () => {
    const tree = copy(DEFAULT_PROJECT_TEMPLATE);
    tree[0]!.children![0]!.children![0]!.points = '4';
    tree[0]!.children![0]!.children![0]!.rule = manual('4');
    const problems = validateTemplate('project', tree);
    expect(problemsAt(problems, '0.0')).toEqual(['下级指标分值合计 7 分，应等于本指标分值 6 分']);
    expect(problemsAt(problems, null)).toEqual([]);
  });

  it('wants a total of 100', () => {
    const tree = [leaf('产出', '50'), leaf('效益', '40')];
    expect(problemsAt(validateTemplate('project', tree), null)).toEqual(['一级指标分值合计 90 分，应为 100 分']);
  });

  it('wants 产出 and 效益 at 60% of a project template, not of a department one', () => {
    const tree = [leaf('决策', '41'), leaf('产出', '30'), leaf('效益', '29')];
    expect(problemsAt(validateTemplate('project', tree), null)).toEqual(['产出和效益指标分值合计 59 分，应不低于总分的 60%（60 分）']);
    expect(validateTemplate('project', [leaf('决策', '40'), leaf('产出', '30'), leaf('效益', '30')])).toEqual([]);
    expect(validateTemplate('department', tree)).toEqual([]);
  });

  it('wants names present and unique among siblings', () => {
    const tree = [leaf('产出', '50'), leaf('产出', '30'), leaf(' ', '20')];
    const problems = validateTemplate('project', tree);
    expect(problemsAt(problems, '1')).toEqual(['同一级已有名为“产出”的指标']);
    expect(problemsAt(problems, '2')).toEqual(['请填写指标名称']);
  });

  it('wants a rule on every leaf and none on a parent, and at most three levels', () => {
    const tree: TemplateNode[] = [
      { name: '产出', points: '60', rule: manual('60'), children: [{ name: '数量', points: '60', children: [{ name: '完成率', points: '60', children: [leaf('细项', '60')] }] }] },
      { name: '效益', points: '40' },
    ];
    const problems = validateTemplate('project', tree);
    expect(problemsAt(problems, '0')).toEqual(['有下级指标的指标不设评分规则，由下级指标得分相加']);
    expect(problemsAt(problems, '0.0.0')).toEqual(['指标最多分 3 级，三级指标下不能再有下级']);
    expect(problemsAt(problems, '1')).toEqual(['末级指标需要选择评分规则']);
  });

  it('refuses points that are not a positive number', () => {
    expect(problemsAt(validateTemplate('project', [leaf('产出', '100'), { name: '效益', points: '零', rule: manual('1') }]), '1')).toEqual(['分值“零”应为大于 0 的数字']);
  });

  it('refuses a step table with a gap, an overlap, or a best step above the points', () => {
    const steps = (list: [string, string, string][]): TemplateNode => ({ name: '产出', points: '100', rule: { type: 'step-table', steps: list.map(([from, to, points]) => ({ from, to, points })) } });
    expect(problemsAt(validateTemplate('department', [steps([['0', '50', '0'], ['60', '', '100']])]), '0')).toEqual(['第 1 档与第 2 档之间有空档（50 到 60）']);
    expect(problemsAt(validateTemplate('department', [steps([['0', '70', '0'], ['60', '', '100']])]), '0')).toEqual(['第 1 档与第 2 档重叠']);
    expect(problemsAt(validateTemplate('department', [steps([['0', '60', '0'], ['60', '', '101']])]), '0')).toEqual(['第 2 档的得分 101 超过本指标分值 100 分']);
    expect(problemsAt(validateTemplate('department', [steps([['0', '', '0'], ['60', '', '100']])]), '0')).toEqual(['第 1 档的上限不能为空（只有最后一档可以不设上限）']);
    expect(problemsAt(validateTemplate('department', [steps([['0', '60', '0'], ['60', '', '100']])]), '0')).toEqual([]);
  });

  it('refuses a floor above the points and a manual range outside [0, points]', () => {
    const one = (rule: TemplateNode['rule']): TemplateNode[] => [{ name: '部门绩效', points: '100', rule }];
    expect(problemsAt(validateTemplate('department', one({ type: 'deduct-per-unit', perUnit: '0', floor: '101' })), '0')).toEqual(['每次扣分“0”应为大于 0 的数字', '最低得分 101 超过本指标分值 100 分']);
    expect(problemsAt(validateTemplate('department', one({ type: 'manual', min: '50', max: '120' })), '0')).toEqual(['最高分 120 超过本指标分值 100 分']);
    expect(problemsAt(validateTemplate('department', one({ type: 'manual', min: '60', max: '50' })), '0')).toEqual(['最低分不能高于最高分']);
    expect(problemsAt(validateTemplate('department', one({ type: 'manual', min: '-1', max: '50' })), '0')).toEqual(['最低分“-1”应为不小于 0 的数字']);
  });
});
