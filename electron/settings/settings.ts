// Settings: definitions and defaults from the domain layer, values a bureau changed from the store.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { settings } from '../../db/schema';
import { checkSetting, settingConflict, settingDefinition, settingTotalProblem, SETTINGS, type SettingDefinition, type SettingValue } from '../domain/settings';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';

export type SettingView = SettingDefinition & { value: SettingValue; changed: boolean };

function stored(db: Db): Map<string, SettingValue> {
  return new Map(db.select().from(settings).all().map((row) => [row.key, JSON.parse(row.value) as SettingValue]));
}

function view(def: SettingDefinition, values: Map<string, SettingValue>): SettingView {
  const value = values.get(def.key);
  // A stored value that no longer passes its definition (e.g. after a rule change) falls back to the default.
  const usable = value !== undefined && checkSetting(def, value).ok;
  return { ...def, value: usable ? value : def.default, changed: usable };
}

export function listSettings(db: Db): SettingView[] {
  const values = stored(db);
  return SETTINGS.map((def) => view(def, values));
}

function requireDefinition(key: string): SettingDefinition {
  const def = settingDefinition(key);
  if (!def) throw new AppError('NOT_FOUND', `没有名为“${key}”的设置项`);
  return def;
}

/** The effective value of one setting, typed by the caller. */
export function settingValue<T extends SettingValue>(db: Db, key: string): T {
  return view(requireDefinition(key), stored(db)).value as T;
}

/** The effective values of several settings, read from the store once (a rule set needs a dozen of them together). */
export function settingValues(db: Db, keys: readonly string[]): Record<string, SettingValue> {
  const values = stored(db);
  return Object.fromEntries(keys.map((key) => [key, view(requireDefinition(key), values).value]));
}

/**
 * The values after `next` is applied must hold together: a threshold may not contradict another one (a
 * green light starting below the red one), and settings that add up keep their total.
 */
function requireConsistent(db: Db, next: ReadonlyMap<string, SettingValue>): void {
  const current = (key: string) => (next.has(key) ? next.get(key)! : settingValue(db, key));
  for (const [key, value] of next) {
    const conflict = settingConflict(key, value, current);
    if (conflict) throw new AppError('INVALID_INPUT', conflict);
  }
  const total = settingTotalProblem([...next.keys()], current);
  if (total) throw new AppError('INVALID_INPUT', total);
}

export interface SettingChange {
  key: string;
  value: unknown;
}

/** Saves several settings at once, checked together (the weights that total 100); all or none. */
export function updateSettings(db: Db, actor: Actor, changes: readonly SettingChange[]): SettingView[] {
  const next = new Map<string, SettingValue>();
  for (const { key, value } of changes) {
    const check = checkSetting(requireDefinition(key), value);
    if (!check.ok) throw new AppError('INVALID_INPUT', check.message);
    next.set(key, check.value);
  }
  requireConsistent(db, next);
  db.transaction((tx) => {
    for (const [key, value] of next) {
      const before = settingValue(tx, key);
      // A group is saved whole: its members left as they were are neither written nor logged.
      if (JSON.stringify(before) === JSON.stringify(value) && next.size > 1) continue;
      tx.insert(settings)
        .values({ key, value: JSON.stringify(value) })
        .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value) } })
        .run();
      recordAudit(tx, actor, { entity: 'setting', naturalKey: key, action: '修改设置', before, after: value });
    }
  });
  const values = stored(db);
  return [...next.keys()].map((key) => view(requireDefinition(key), values));
}

export const updateSetting = (db: Db, actor: Actor, key: string, value: unknown): SettingView => updateSettings(db, actor, [{ key, value }])[0]!;

/** Puts settings back to their defaults, checked together like a change. */
export function resetSettings(db: Db, actor: Actor, keys: readonly string[]): SettingView[] {
  const defaults = new Map(keys.map((key) => [key, requireDefinition(key).default]));
  requireConsistent(db, defaults);
  db.transaction((tx) => {
    for (const [key, value] of defaults) {
      const before = settingValue(tx, key);
      tx.delete(settings).where(eq(settings.key, key)).run();
      recordAudit(tx, actor, { entity: 'setting', naturalKey: key, action: '恢复默认设置', before, after: value });
    }
  });
  const values = stored(db);
  return keys.map((key) => view(requireDefinition(key), values));
}

export const resetSetting = (db: Db, actor: Actor, key: string): SettingView => resetSettings(db, actor, [key])[0]!;
