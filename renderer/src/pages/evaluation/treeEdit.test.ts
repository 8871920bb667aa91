import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENT_TEMPLATE, validateTemplate } from '../../../../electron/domain/evaluation';
import { addChild, removeNode, updateNode } from './treeEdit';

describe('template tree editing', () => {
  it('changes one node by its path and leaves the rest as they were', () => {
    const tree = updateNode(DEFAULT_DEPARTMENT_TEMPLATE, '0.1.0', (n) => ({ ...n, name: '预算编制合理性' }));
    expect(tree[0]!.children![1]!.children![0]!.name).toBe('预算编制合理性');
    expect(DEFAULT_DEPARTMENT_TEMPLATE[0]!.children![1]!.children![0]!.name).toBe('预算编制科学性');
    expect(tree[1]).toBe(DEFAULT_DEPARTMENT_TEMPLATE[1]);
  });

  it('turns a leaf into a parent without a rule when a child is added, and the sums are checked again', () => {
    const tree = addChild(DEFAULT_DEPARTMENT_TEMPLATE, '0.0.0');
    expect(tree[0]!.children![0]!.children![0]).toMatchObject({ name: '绩效目标合理性', children: [{ name: '', points: '' }] });
    expect(tree[0]!.children![0]!.children![0]!.rule).toBeUndefined();
    expect(validateTemplate('department', tree).map((p) => p.path)).toContain('0.0.0');
  });

  it('removes a node and its children', () => {
    const tree = removeNode(DEFAULT_DEPARTMENT_TEMPLATE, '2');
    expect(tree.map((n) => n.name)).toEqual(['部门决策', '综合管理']);
  });
});
