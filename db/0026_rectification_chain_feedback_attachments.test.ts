// Migrations 0026–0027 put 整改通知 on the chain 财政局 → 主管部门 → 实施单位 with rounds of feedback, 问责
// measures and attachments. Notices issued before keep their status and text and read as held by the unit
// (no department on the way), and the new columns refuse what the domain does not know.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0026_rectification_chain_feedback_attachments';

const SEED = `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101002');
  INSERT INTO rectifications (id, region_code, year, seq, source, source_id, project_id, unit_code, problems, requirements, deadline, status)
    VALUES ('n1', '652822', 2020, 1, 'monitoring', 's1', 'p1', '101002', '执行进度滞后', '加快支付', '2020-10-31', 'issued');`;

describe(`migration ${TAG}`, () => {
  it('keeps an issued notice with its text and status, with no department on its way and no returns yet', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const row = upgraded.sqlite.prepare('SELECT status, problems, requirements, deadline, source_label, department_code, holder, return_count FROM rectifications').get();
      expect(row).toEqual({ status: 'issued', problems: '执行进度滞后', requirements: '加快支付', deadline: '2020-10-31', source_label: '', department_code: null, holder: null, return_count: 0 });
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('refuses an unknown holder, a negative return count, a measure or attachment the domain does not know', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const run = (sql: string) => () => upgraded.sqlite.prepare(sql).run();
      expect(run("UPDATE rectifications SET holder = 'prefecture'")).toThrow(/rectifications_holder/);
      expect(run('UPDATE rectifications SET return_count = -1')).toThrow(/rectifications_return_count/);
      expect(run("INSERT INTO accountability_measures (id, rectification_id, measure, taken_on, recorded_by) VALUES ('m1', 'n1', 'fine', '2020-11-02', '张三')")).toThrow(/accountability_measures_measure/);
      expect(run("INSERT INTO attachments (id, owner_kind, owner_id, name, mime, size, sha256, content, added_by) VALUES ('a1', 'x', 'n1', 'a.exe', 'application/x-msdownload', 2, '" + 'a'.repeat(64) + "', X'4d5a', '张三')")).toThrow(/attachments_mime/);
      expect(run("INSERT INTO attachments (id, owner_kind, owner_id, name, mime, size, sha256, content, added_by) VALUES ('a1', 'x', 'n1', 'a.pdf', 'application/pdf', 9, '" + 'a'.repeat(64) + "', X'255044462d', '张三')")).toThrow(/attachments_size/);
      run("UPDATE rectifications SET source = 'spot-check', holder = 'department', department_code = '101001'")();
      run("INSERT INTO rectification_rounds (id, rectification_id, round, feedback, answered_by_name) VALUES ('r1', 'n1', 1, '已整改', '李四')")();
      expect(upgraded.sqlite.prepare('SELECT source, holder FROM rectifications').get()).toEqual({ source: 'spot-check', holder: 'department' });
    } finally {
      closeDatabase(upgraded);
    }
  });
});
