// The shape of a template tree wherever it crosses a boundary: a channel's input, and the JSON column
// read back (a hand-edited or damaged row is refused by name instead of scoring nonsense).
import { z } from 'zod';
import { MAX_LEVEL, type TemplateNode } from '../domain/evaluation';
import { text } from '../ipc/schema';

const number = text(20);
const rule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('proportional') }).strict(),
  z.object({ type: z.literal('step-table'), steps: z.array(z.object({ from: number, to: number, points: number }).strict()).max(20) }).strict(),
  z.object({ type: z.literal('deduct-per-unit'), perUnit: number, floor: number }).strict(),
  z.object({ type: z.literal('manual'), min: number, max: number }).strict(),
]);

// One level deeper than allowed, so that a fourth level reaches the domain's message at its node.
const nodeAt = (depth: number): z.ZodType<TemplateNode> => {
  const base = { name: text(100), points: number, rule: rule.optional() };
  return (depth > MAX_LEVEL ? z.object(base).strict() : z.object({ ...base, children: z.array(nodeAt(depth + 1)).max(50).optional() }).strict()) as z.ZodType<TemplateNode>;
};

export const templateTree = z.array(nodeAt(1)).max(20);
