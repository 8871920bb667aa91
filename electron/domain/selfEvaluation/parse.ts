// What people write in self-evaluation tables filled outside the program: `≥266米`, `≧95%`, `﹦100%`,
// `≤90万元`, `95%以上`, `达成预期指标`, `/` for not applicable; the operator either in its own 指标性质
// column or inside the value, the unit either in a 度量单位 column or after the number.
import { parseOperator } from '../indicators';
import { parseDecimal, type Ratio } from '../ratio';
import type { ReviewRow } from './review';
import { TIERS, type QuantitativeOperator, type Tier } from './scoring';

export type WrittenTarget =
  | { kind: 'notApplicable' }
  /** operator null: neither the value nor the 指标性质 column says it. */
  | { kind: 'quantitative'; operator: QuantitativeOperator | null; value: Ratio; unit: string }
  | { kind: 'qualitative'; text: string }
  | { kind: 'invalid'; message: string };

export type WrittenActual =
  | { kind: 'notApplicable' }
  | { kind: 'quantitative'; value: Ratio; unit: string }
  /** tier null: a text that names none of the three tiers. */
  | { kind: 'qualitative'; tier: Tier | null; text: string }
  | { kind: 'invalid'; message: string };

const NOT_APPLICABLE = new Set(['/', '\\', '—', '——', '-', '无']);

/** Full-width forms (＞, ％, ﹦, １２) become their plain forms; spaces go. */
const normalise = (text: string) => text.normalize('NFKC').replace(/\s/g, '');

/** Words after the number: 95%以上 means ≥ 95%, 90万元以内 means ≤ 90万元. */
const SUFFIX_OPERATORS: readonly [string, QuantitativeOperator][] = [
  ['及以上', '≥'], ['以上', '≥'], ['及以下', '≤'], ['以下', '≤'], ['以内', '≤'],
];

/** The longest leading operator sign or word (≥, >=, 不低于, 大于等于…) and the rest. */
function leadingOperator(text: string): { operator: QuantitativeOperator | '定性' | null; rest: string } {
  for (let length = Math.min(4, text.length); length > 0; length--) {
    const operator = parseOperator(text.slice(0, length));
    if (operator) return { operator, rest: text.slice(length) };
  }
  return { operator: null, rest: text };
}

function trailingOperator(text: string): { operator: QuantitativeOperator | null; rest: string } {
  const found = SUFFIX_OPERATORS.find(([word]) => text.endsWith(word));
  return found ? { operator: found[1], rest: text.slice(0, -found[0].length) } : { operator: null, rest: text };
}

/** A number at the start (1,200 and 1200 alike) and the unit written after it. */
function numberAndUnit(text: string): { value: Ratio; unit: string } | null {
  const match = /^(\d+(?:\.\d+)?)(.*)$/.exec(text.replace(/(\d)[,，](?=\d{3})/g, '$1'));
  if (!match) return null;
  return { value: parseDecimal(match[1]!)!, unit: match[2]! };
}

/** The unit of the value and of the 度量单位 column must agree when both are written. */
function unitOf(written: string, column: string): { unit: string } | { message: string } {
  if (written !== '' && column !== '' && written !== column) return { message: `指标值的单位“${written}”与度量单位“${column}”不一致` };
  return { unit: written || column };
}

/** A 年度指标值 cell, with the row's 指标性质 and 度量单位 cells when the table has those columns. */
export function parseWrittenTarget(text: string, columns: { operator?: string; unit?: string } = {}): WrittenTarget {
  const value = normalise(text);
  if (NOT_APPLICABLE.has(value)) return { kind: 'notApplicable' };
  if (value === '') return { kind: 'invalid', message: '指标值为空' };
  const columnText = normalise(columns.operator ?? '');
  const column = columnText === '' ? null : parseOperator(columnText);
  if (columnText !== '' && !column) return { kind: 'invalid', message: `指标性质“${columns.operator}”应为 ≥ > = < ≤ 或 定性` };
  const lead = leadingOperator(value);
  const trail = trailingOperator(lead.rest);
  const written = lead.operator ?? trail.operator;
  const figure = numberAndUnit(trail.rest);
  if (column === '定性' || written === '定性' || (!figure && !written)) return { kind: 'qualitative', text: text.trim() };
  if (!figure) return { kind: 'invalid', message: `指标值“${text.trim()}”在指标性质之后应为数字` };
  if (column && written && column !== written) return { kind: 'invalid', message: `指标值“${text.trim()}”的符号与指标性质“${column}”不一致` };
  const unit = unitOf(figure.unit, normalise(columns.unit ?? ''));
  if ('message' in unit) return { kind: 'invalid', message: unit.message };
  return { kind: 'quantitative', operator: column ?? written, value: figure.value, unit: unit.unit };
}

/** A 实际完成值 cell: a number with its unit, a qualitative tier, or `/`. */
export function parseWrittenActual(text: string, unitColumn = ''): WrittenActual {
  const value = normalise(text);
  if (NOT_APPLICABLE.has(value)) return { kind: 'notApplicable' };
  if (value === '') return { kind: 'invalid', message: '实际完成值为空' };
  const figure = numberAndUnit(trailingOperator(leadingOperator(value).rest).rest);
  if (!figure) return { kind: 'qualitative', tier: parseTier(value), text: text.trim() };
  const unit = unitOf(figure.unit, normalise(unitColumn));
  if ('message' in unit) return { kind: 'invalid', message: unit.message.replace('指标值', '实际完成值') };
  return { kind: 'quantitative', value: figure.value, unit: unit.unit };
}

/**
 * The tier a qualitative result names, in the 2020 wording (达成预期指标, 部分达成并具有一定效果 …), the
 * 2021 one (达成年度指标 …), the monitoring one (达成目标 …) or the codes achieved/partial/notAchieved.
 */
export function parseTier(text: string): Tier | null {
  const value = normalise(text);
  if ((TIERS as readonly string[]).includes(value)) return value as Tier;
  if (/^(未达成|未完成)/.test(value)) return 'notAchieved';
  if (/^部分(达成|完成)/.test(value)) return 'partial';
  if (/^已?(达成|完成)/.test(value)) return 'achieved';
  return null;
}

/** A score or weight as written: 9.5, ９.５, 20分. */
export function parseWrittenScore(text: string): Ratio | null {
  const value = normalise(text).replace(/分$/, '');
  return parseDecimal(value);
}

/** One indicator row of a written table, cell by cell as the sheet has them. */
export interface WrittenRow {
  label: string;
  parent?: number;
  /** 指标性质 and 度量单位, when the table has those columns. */
  operator?: string;
  unit?: string;
  target: string;
  actual: string;
  weight: string;
  score: string;
}

/** A written row as the review reads it, or why it cannot be read. */
export function readWrittenRow(cells: WrittenRow): { row: ReviewRow } | { problem: string } {
  const base = { label: cells.label, parent: cells.parent, enteredScore: cells.score.trim() === '' ? null : parseWrittenScore(cells.score) };
  if (cells.score.trim() !== '' && !base.enteredScore) return { problem: `“${cells.label}”的得分“${cells.score}”不是数字` };
  const weightText = cells.weight.trim();
  const weight = weightText === '' || NOT_APPLICABLE.has(normalise(weightText)) ? null : parseWrittenScore(weightText);
  if (weightText !== '' && !weight && !NOT_APPLICABLE.has(normalise(weightText))) return { problem: `“${cells.label}”的分值“${cells.weight}”不是数字` };
  const target = parseWrittenTarget(cells.target, { operator: cells.operator, unit: cells.unit });
  // A row without weight or target explains its parent (其中) or is a subtotal; it has no rule of its own.
  if (!weight || target.kind === 'notApplicable') return { row: { ...base, indicator: null, weight } };
  if (target.kind === 'invalid') return { problem: `“${cells.label}”：${target.message}` };
  const actual = parseWrittenActual(cells.actual, cells.unit ?? '');
  if (actual.kind === 'invalid') return { problem: `“${cells.label}”：${actual.message}` };
  if (target.kind === 'qualitative') {
    if (actual.kind !== 'qualitative' || !actual.tier) return { problem: `“${cells.label}”是定性指标，实际完成值应为：达成年度指标、部分达成年度指标并具有一定效果 或 未达成年度指标且效果较差` };
    if (!base.enteredScore) return { problem: `“${cells.label}”是定性指标，请填写得分` };
    return { row: { ...base, indicator: { operator: '定性', tier: actual.tier, score: base.enteredScore, weight } } };
  }
  if (!target.operator) return { problem: `“${cells.label}”的指标值“${cells.target}”没有写明指标性质（≥ > = < ≤）` };
  if (actual.kind !== 'quantitative') return { problem: `“${cells.label}”是定量指标，实际完成值应为数字` };
  if (actual.unit !== '' && target.unit !== '' && actual.unit !== target.unit) {
    return { problem: `“${cells.label}”的实际完成值单位“${actual.unit}”与指标值单位“${target.unit}”不一致` };
  }
  return { row: { ...base, indicator: { operator: target.operator, target: target.value, actual: actual.value, weight } } };
}
