// Migration 0012 adds the 复核 records of self-evaluation tables filled outside the program. Existing
// projects stay as they were and can be the project a review is matched to; the new table refuses a
// status the domain does not know and a written table that is not JSON.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0012_self_evaluation_review';

describe(`migration ${TAG}`, () => {
  it('keeps existing projects and stores reviews that refer to them, refusing unknown statuses and broken JSON', () => {
    const upgraded = upgradedFrom(
      TAG,
      `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '农村道路硬化工程', '118001', '118002');`,
    );
    try {
      const { sqlite } = upgraded;
      expect(sqlite.prepare("SELECT code, name FROM projects WHERE id = 'p1'").get()).toEqual({ code: 'LT-1', name: '农村道路硬化工程' });
      const insert = (id: string, status: string, table: string) =>
        sqlite
          .prepare(
            `INSERT INTO self_evaluation_reviews (id, region_code, year, unit_code, unit_name, project_name, project_id, file_name, sheet, row_number, written_table, imported_by_name, status)
             VALUES (?, '652822', 2020, '118002', '轮台县公路管理站', '农村道路硬化工程', 'p1', '自评表.xlsx', '自评表', 3, ?, '张三', ?)`,
          )
          .run(id, table, status);
      insert('r1', 'pending', '{"rows":[]}');
      expect(sqlite.prepare("SELECT status, project_id, opinion, reviewed_by FROM self_evaluation_reviews WHERE id = 'r1'").get()).toEqual({
        status: 'pending', project_id: 'p1', opinion: null, reviewed_by: null,
      });
      expect(() => insert('r2', 'approved', '{}')).toThrow(/self_evaluation_reviews_status/);
      expect(() => insert('r3', 'pending', '{rows')).toThrow(/self_evaluation_reviews_written_table/);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
