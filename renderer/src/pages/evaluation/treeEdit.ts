// Editing a template tree by a node's path, immutably, as the tree editor does on every keystroke.
import type { NodePath, Rule, RuleType, TemplateNode } from '../../../../electron/domain/evaluation';

const indices = (path: NodePath): number[] => path.split('.').map(Number);

function mapAt(nodes: readonly TemplateNode[], at: readonly number[], change: (node: TemplateNode) => TemplateNode | null): TemplateNode[] {
  const [head, ...rest] = at;
  return nodes.flatMap((node, i) => {
    if (i !== head) return [node];
    if (rest.length === 0) {
      const changed = change(node);
      return changed ? [changed] : [];
    }
    return [{ ...node, children: mapAt(node.children ?? [], rest, change) }];
  });
}

export const updateNode = (tree: readonly TemplateNode[], path: NodePath, change: (node: TemplateNode) => TemplateNode): TemplateNode[] => mapAt(tree, indices(path), change);

export const removeNode = (tree: readonly TemplateNode[], path: NodePath): TemplateNode[] => mapAt(tree, indices(path), () => null);

const blankLeaf = (): TemplateNode => ({ name: '', points: '', rule: { type: 'manual', min: '0', max: '' } });

/** A new leaf under the node, which becomes a parent (a parent scores by its children, so it loses its rule). */
export const addChild = (tree: readonly TemplateNode[], path: NodePath): TemplateNode[] =>
  updateNode(tree, path, ({ rule: _, ...node }) => ({ ...node, children: [...(node.children ?? []), blankLeaf()] }));

export const addTopLevel = (tree: readonly TemplateNode[]): TemplateNode[] => [...tree, blankLeaf()];

/** The rule a leaf gets when its type is chosen, with parameters to fill in. */
export function ruleOfType(type: RuleType, points: string): Rule {
  switch (type) {
    case 'proportional':
      return { type };
    case 'step-table':
      return { type, steps: [{ from: '0', to: '', points }] };
    case 'deduct-per-unit':
      return { type, perUnit: '1', floor: '0' };
    case 'manual':
      return { type, min: '0', max: points };
  }
}
