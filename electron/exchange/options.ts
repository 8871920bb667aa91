// What the 数据交换 page needs to label and choose: the names of the kinds of record, stages, package
// kinds and import actions (declared here in the engine, so the page never keeps its own copy), and the
// years this installation has data or packages for.
import type { Store } from '../../db/open';
import { projectYears } from '../projects';
import { ACTION_LABELS, type RecordAction } from './incoming';
import { KIND_LABELS, type PackageKind } from './manifest';
import { EXCHANGE_ENTITIES, STAGE_OPTIONS, type StageOption } from './registry';

export interface ExchangeOptions {
  /** Record kind name → its Chinese label, in package order. */
  entities: Record<string, string>;
  stages: readonly StageOption[];
  kinds: Record<PackageKind, string>;
  actions: Record<RecordAction, string>;
  /** Years with projects or packages here, and the current year; newest first. */
  years: number[];
  /** The newest year with data, else the current year. */
  defaultYear: number;
}

export function exchangeOptions(store: Store, today = new Date()): ExchangeOptions {
  const packageYears = (store.sqlite.prepare('SELECT DISTINCT year FROM exchange_packages').all() as { year: number }[]).map((r) => r.year);
  const withData = [...projectYears(store.db), ...packageYears];
  const current = today.getFullYear();
  return {
    entities: Object.fromEntries(EXCHANGE_ENTITIES.map((e) => [e.name, e.label])),
    stages: STAGE_OPTIONS,
    kinds: KIND_LABELS,
    actions: ACTION_LABELS,
    years: [...new Set([current, ...withData])].sort((a, b) => b - a),
    defaultYear: withData.length ? Math.max(...withData) : current,
  };
}
