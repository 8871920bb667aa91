// Migration 0010 adds who submitted a target or a monitoring sheet and who proposed an adjustment.
// Records submitted before it keep their state and have no known submitter, which the separation of
// duties check treats as nobody to compare (checkSelfReview), so their review is not blocked.
import { describe, expect, it } from 'vitest';
import { checkSelfReview } from '../electron/domain/permissions';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

describe('migration 0010_submitted_by', () => {
  it('keeps submitted targets, adjustments and sheets as they were, with no submitter, reviewable by anyone', () => {
    const upgraded = upgradedFrom(
      '0010_submitted_by',
      `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101001');
       INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status, submitted_at) VALUES ('t1', '652822', 2020, 'project', 'LT-1', 'p1', 'submitted', '2020-03-01 09:00:00');
       INSERT INTO target_adjustments (id, target_id, seq, status, reason, original, proposed) VALUES ('a1', 't1', 1, 'submitted', '追加资金', '{}', '{}');
       INSERT INTO monitoring_rounds (id, region_code, year, month, title, deadline, scope) VALUES ('r1', '652822', 2020, 8, '8月监控', '2020-08-31', 'all');
       INSERT INTO monitoring_sheets (id, round_id, project_id, status) VALUES ('s1', 'r1', 'p1', 'submitted');`,
    );
    try {
      const one = (sql: string) => upgraded.sqlite.prepare(sql).get() as Record<string, unknown>;
      expect(one("SELECT status, submitted_at, submitted_by FROM targets WHERE id = 't1'")).toEqual({ status: 'submitted', submitted_at: '2020-03-01 09:00:00', submitted_by: null });
      expect(one("SELECT status, proposed_by FROM target_adjustments WHERE id = 'a1'")).toEqual({ status: 'submitted', proposed_by: null });
      expect(one("SELECT status, submitted_by FROM monitoring_sheets WHERE id = 's1'")).toEqual({ status: 'submitted', submitted_by: null });
      expect(checkSelfReview(null, 'reviewer-id', false)).toEqual({ ok: true, self: false });
    } finally {
      closeDatabase(upgraded);
    }
  });
});
