import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, closeDatabase, countRows, openDatabase } from '../db/open';
import { regions } from '../db/schema';
import { openAppStore } from './appStore';
import { restoreBackup } from './backup/backup';
import { createAppContext } from './ipc/context';
import { handlers } from './ipc/handlers';
import { createRouter } from './ipc/router';
import { shippedRegions } from './registry/regions';
import { TEST_ACTOR, tempDir } from './testSupport/fixtures';

const shippedCount = shippedRegions().length;

describe('openAppStore', () => {
  it('opens a new file migrated and holding the shipped regions', () => {
    const store = openAppStore(path.join(tempDir(), 'jixiao.db'));
    expect(countRows(store.db, regions)).toBe(shippedCount);
    expect(shippedCount).toBeGreaterThan(100);
    closeDatabase(store);
  });

  it('is how a restore reopens the file, so a backup without regions comes back with them', () => {
    const dir = tempDir();
    const bare = openDatabase(path.join(dir, 'bare.db'));
    const backup = backupDatabase(bare.sqlite, path.join(dir, 'bare-backup.db'));
    closeDatabase(bare);
    const { store } = restoreBackup(openAppStore(path.join(dir, 'jixiao.db')), TEST_ACTOR, backup);
    expect(countRows(store.db, regions)).toBe(shippedCount);
    closeDatabase(store);
  });

  it('leaves listing the regions a read: regions.list does not seed a store opened some other way', async () => {
    const bare = openDatabase(path.join(tempDir(), 'bare.db'));
    const router = createRouter(handlers);
    const ctx = { app: createAppContext(bare, 'test'), session: { operator: null }, transport: 'test' as const };
    expect(await router.invoke('regions.list', {}, ctx, true)).toEqual({ ok: true, value: [] });
    expect(countRows(bare.db, regions)).toBe(0);
    closeDatabase(bare);
  });
});
