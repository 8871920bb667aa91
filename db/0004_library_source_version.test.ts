// Migration 0004 adds library_versions.source_version: versions recorded before it keep their rows and
// read as local (no issuer number).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './open';
import { tempDir } from '../electron/testSupport/fixtures';
import { migrationsBefore } from '../electron/testSupport/migrations';

describe('migration 0004_library_source_version', () => {
  it('keeps the library versions recorded before it and leaves their issuer number empty', () => {
    const dir = tempDir();
    const file = path.join(dir, 'county.db');
    const older = openDatabase(file, { migrationsFolder: migrationsBefore(dir, '0004_library_source_version') });
    older.sqlite.prepare("INSERT INTO library_versions (version, published_by, note, source) VALUES (1, '张三', '初始指标库', 'starter')").run();
    closeDatabase(older);

    const upgraded = openDatabase(file);
    try {
      expect(upgraded.sqlite.prepare('SELECT version, source, source_version AS sourceVersion FROM library_versions').all()).toEqual([
        { version: 1, source: 'starter', sourceVersion: null },
      ]);
      upgraded.sqlite.prepare("INSERT INTO library_versions (version, published_by, source, source_version) VALUES (2, '李四', '652800', 7)").run();
      expect(upgraded.sqlite.prepare('SELECT source_version AS v FROM library_versions WHERE version = 2').get()).toEqual({ v: 7 });
    } finally {
      closeDatabase(upgraded);
    }
  });
});
