// Settings: definitions and defaults from the domain layer, values a bureau changed from the store.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { settings } from '../../db/schema';
import { checkSetting, settingConflict, settingDefinition, SETTINGS, type SettingDefinition, type SettingValue } from '../domain/settings';
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

/** A threshold may not contradict another one (a green light starting below the red one). */
function requireConsistent(db: Db, key: string, value: SettingValue): void {
  const conflict = settingConflict(key, value, (other) => settingValue(db, other));
  if (conflict) throw new AppError('INVALID_INPUT', conflict);
}

export function updateSetting(db: Db, actor: Actor, key: string, value: unknown): SettingView {
  const def = requireDefinition(key);
  const check = checkSetting(def, value);
  if (!check.ok) throw new AppError('INVALID_INPUT', check.message);
  requireConsistent(db, key, check.value);
  const before = settingValue(db, key);
  db.transaction((tx) => {
    tx.insert(settings)
      .values({ key, value: JSON.stringify(check.value) })
      .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(check.value) } })
      .run();
    recordAudit(tx, actor, { entity: 'setting', naturalKey: key, action: '修改设置', before, after: check.value });
  });
  return view(def, stored(db));
}

export function resetSetting(db: Db, actor: Actor, key: string): SettingView {
  const def = requireDefinition(key);
  requireConsistent(db, key, def.default);
  const before = settingValue(db, key);
  db.transaction((tx) => {
    tx.delete(settings).where(eq(settings.key, key)).run();
    recordAudit(tx, actor, { entity: 'setting', naturalKey: key, action: '恢复默认设置', before, after: def.default });
  });
  return view(def, stored(db));
}
