// 部门评价 / 财政评价 templates (domain.md §6): a tree of indicators, level 1 to 3, whose leaves carry
// points and one scoring rule. Numbers are kept as the decimal text people typed, so that a template
// round-trips exactly and every rule computes on exact ratios.

export const TEMPLATE_KINDS = ['project', 'department'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = { project: '项目支出', department: '部门整体' };

export const RULE_TYPES = ['proportional', 'step-table', 'deduct-per-unit', 'manual'] as const;
export type RuleType = (typeof RULE_TYPES)[number];
export const RULE_LABELS: Record<RuleType, string> = {
  proportional: '按完成比例',
  'step-table': '分档计分',
  'deduct-per-unit': '按次扣分',
  manual: '评价人打分',
};

/** One range [from, to) of a step table and the points it gives; an empty `to` on the last step is open-ended. */
export interface Step {
  from: string;
  to: string;
  points: string;
}

export type Rule =
  | { type: 'proportional' }
  | { type: 'step-table'; steps: Step[] }
  | { type: 'deduct-per-unit'; perUnit: string; floor: string }
  | { type: 'manual'; min: string; max: string };

export interface TemplateNode {
  name: string;
  points: string;
  /** Only on a leaf. */
  rule?: Rule;
  children?: TemplateNode[];
}

export const MAX_LEVEL = 3;

export const isLeaf = (node: TemplateNode): boolean => !node.children || node.children.length === 0;

/** A node's address in the tree: the index at each level, "0.2.1" (the key of a leaf's score in an evaluation). */
export type NodePath = string;

export interface PlacedNode {
  node: TemplateNode;
  path: NodePath;
  level: number;
  /** The names from level 1 down to this node. */
  names: string[];
}

/** Every node, parents before their children, with its path and level. */
export function placedNodes(tree: readonly TemplateNode[]): PlacedNode[] {
  const out: PlacedNode[] = [];
  const walk = (nodes: readonly TemplateNode[], prefix: string, level: number, names: string[]) =>
    nodes.forEach((node, i) => {
      const path = prefix ? `${prefix}.${i}` : String(i);
      const placed = { node, path, level, names: [...names, node.name] };
      out.push(placed);
      if (node.children) walk(node.children, path, level + 1, placed.names);
    });
  walk(tree, '', 1, []);
  return out;
}

export const leavesOf = (tree: readonly TemplateNode[]): PlacedNode[] => placedNodes(tree).filter((p) => isLeaf(p.node));
