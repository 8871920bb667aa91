// Migrations 0028–0029 mark a round of feedback the bureau entered on the unit's behalf (代录). Rounds filed
// before keep their feedback and read as not marked, and the mark takes only yes or no.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0028_rectification_feedback_on_behalf';

const SEED = `INSERT INTO rectifications (id, region_code, year, seq, source, source_id, unit_code, problems, deadline, status, holder)
    VALUES ('n1', '652822', 2020, 1, 'monitoring', 's1', '101002', '执行进度滞后', '2020-10-31', 'answered', 'bureau');
  INSERT INTO rectification_rounds (id, rectification_id, round, feedback, answered_by_name) VALUES ('r1', 'n1', 1, '已完成支付', '李四');`;

describe(`migration ${TAG}`, () => {
  it('keeps a round filed before with its feedback, not marked as entered on the unit’s behalf', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      expect(upgraded.sqlite.prepare('SELECT round, feedback, answered_by_name, on_behalf FROM rectification_rounds').get()).toEqual({ round: 1, feedback: '已完成支付', answered_by_name: '李四', on_behalf: 0 });
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('takes only yes or no as the mark', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      expect(() => upgraded.sqlite.prepare("UPDATE rectification_rounds SET on_behalf = 'yes'").run()).toThrow(/rectification_rounds_on_behalf/);
      upgraded.sqlite.prepare('UPDATE rectification_rounds SET on_behalf = 1').run();
      expect(upgraded.sqlite.prepare('SELECT on_behalf FROM rectification_rounds').get()).toEqual({ on_behalf: 1 });
    } finally {
      closeDatabase(upgraded);
    }
  });
});
