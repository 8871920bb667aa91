// A database file damaged in the way only the full integrity check sees: its pages are sound, but its
// index audit_at no longer matches its rows (the declared index is rewritten to another column).
import path from 'node:path';
import Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../../db/open';

export function databaseWithStaleIndex(dir: string): string {
  const store = openDatabase(path.join(dir, 'stale.db'));
  const insert = store.sqlite.prepare("INSERT INTO audit_log (operator_name, entity, natural_key, action, at) VALUES ('测试', 'x', ?, 'y', ?)");
  for (let i = 0; i < 20; i++) insert.run(`记录${20 - i}`, `2020-01-${String(i + 1).padStart(2, '0')}`);
  const file = store.path;
  closeDatabase(store);
  const raw = new Database(file);
  raw.unsafeMode(true);
  raw.pragma('writable_schema = ON');
  raw.prepare("UPDATE sqlite_master SET sql = 'CREATE INDEX `audit_at` ON `audit_log` (`natural_key`)' WHERE name = 'audit_at'").run();
  raw.close();
  return file;
}
