// Migration 0036 records who issued each exchanged record, the decisions received from above, and the
// prefecture's 通知: the receiver's bookkeeping from before the upgrade stays, an issuer must be a party
// id, a received decision approves or returns, and a notice's read mark names who read it.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0036_issuers_and_notices';

const SEED = `INSERT INTO exchange_sync (peer, entity, record_id, remote_version, local_version) VALUES ('652822', 'monitoring-round', 'r1', 2, 2);`;

describe(`migration ${TAG}`, () => {
  it('keeps the sync bookkeeping, takes issuers that are party ids and notices read by someone', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const sqlite = upgraded.sqlite;
      expect(sqlite.prepare('SELECT peer, record_id, remote_version FROM exchange_sync').all()).toEqual([{ peer: '652822', record_id: 'r1', remote_version: 2 }]);
      const issue = (id: string, issuer: string) => () => sqlite.prepare("INSERT INTO exchange_issued (entity, record_id, issuer) VALUES ('monitoring-round', ?, ?)").run(id, issuer);
      issue('r1', '652800')();
      issue('n1', '652822/101002')();
      expect(issue('r2', '巴州')).toThrow(/exchange_issued_issuer/);
      const received = (id: string, action: string) => () =>
        sqlite
          .prepare("INSERT INTO exchange_decisions_received (id, peer, entity, record_id, record_version, action, opinion, decided_at, decided_by) VALUES (?, '652800', 'target', 't1', 3, ?, '同意', '2020-03-01', '李四')")
          .run(id, action);
      received('d1', 'approve')();
      expect(received('d2', 'grade')).toThrow(/exchange_decisions_received_action/);
      expect(sqlite.prepare('SELECT id, action, record_version FROM exchange_decisions_received').all()).toEqual([{ id: 'd1', action: 'approve', record_version: 3 }]);
      const notice = (id: string, readAt: string | null, readBy: string | null) => () =>
        sqlite
          .prepare("INSERT INTO notices (id, region_code, year, seq, title, issued_on, issued_by_name, read_at, read_by) VALUES (?, '652822', 2020, ?, '关于开展监控的通知', '2020-08-01', '李四', ?, ?)")
          .run(id, Number(id.slice(1)), readAt, readBy);
      notice('n1', null, null)();
      notice('n2', '2020-08-02T09:00:00Z', '张三')();
      expect(notice('n3', '2020-08-02T09:00:00Z', null)).toThrow(/notices_read/);
      expect(sqlite.prepare('SELECT issuer FROM exchange_issued ORDER BY issuer').all()).toEqual([{ issuer: '652800' }, { issuer: '652822/101002' }]);
      expect(sqlite.prepare('SELECT id, read_by FROM notices ORDER BY id').all()).toEqual([
        { id: 'n1', read_by: null },
        { id: 'n2', read_by: '张三' },
      ]);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
