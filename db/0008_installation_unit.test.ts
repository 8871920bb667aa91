// Migration 0008 adds installation.unit_code: an installation set up before it keeps its region and role
// and reads as a county (no unit).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './open';
import { currentInstallation } from '../electron/registry/installation';
import { seedRegions } from '../electron/registry/regions';
import { tempDir } from '../electron/testSupport/fixtures';
import { migrationsBefore } from '../electron/testSupport/migrations';

describe('migration 0008_installation_unit', () => {
  it('keeps an existing installation and leaves it without a unit', () => {
    const dir = tempDir();
    const file = path.join(dir, 'county.db');
    const older = openDatabase(file, { migrationsFolder: migrationsBefore(dir, '0008_installation_unit') });
    seedRegions(older.db);
    older.sqlite.prepare("INSERT INTO installation (id, installation_id, region_code, role) VALUES (1, 'abc', '652822', 'county')").run();
    closeDatabase(older);

    const upgraded = openDatabase(file);
    try {
      expect(currentInstallation(upgraded.db)).toMatchObject({ installationId: 'abc', role: 'county', region: { code: '652822' }, unit: null });
    } finally {
      closeDatabase(upgraded);
    }
  });
});
