// Migration 0035 notes on each received record the package that brought it (exchange_sync.package_id), for
// the prefecture's lists across its counties. Records received before keep their versions, so that the
// next package still tells unchanged from conflict, and name no package: the lists show them as 早期导入.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0035_exchange_sync_package';

const SEED = `INSERT INTO exchange_sync (peer, entity, record_id, remote_version, local_version) VALUES
    ('652822', 'target', 't1', 3, 3),
    ('652822', 'decision', 'd1', 2, 4);`;

describe(`migration ${TAG}`, () => {
  it('keeps the versions of records received before and names no package for them', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      expect(upgraded.sqlite.prepare('SELECT entity, record_id, remote_version, local_version, package_id FROM exchange_sync ORDER BY entity').all()).toEqual([
        { entity: 'decision', record_id: 'd1', remote_version: 2, local_version: 4, package_id: null },
        { entity: 'target', record_id: 't1', remote_version: 3, local_version: 3, package_id: null },
      ]);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
