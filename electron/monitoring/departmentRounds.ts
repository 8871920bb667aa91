// 部门整体绩效监控 when a round opens: kept apart from the department sheets' service, which reads the project
// sheets (and through them the rounds), so that opening a round does not load them in a cycle.
import { randomUUID } from 'node:crypto';
import { sqliteOf, type Db } from '../../db/open';

/**
 * Opens a department sheet per unit with an approved department-wide target of the round's year, with
 * the target's budget split and its indicators as they stand now.
 */
export function openDepartmentSheets(db: Db, roundId: string, region: string, year: number): void {
  const sqlite = sqliteOf(db);
  const approved = sqlite
    .prepare(
      `SELECT id, owner_code AS unitCode, coalesce(basic_fen, 0) AS basicFen, coalesce(project_fen, 0) AS projectFen FROM targets
       WHERE region_code = ? AND year = ? AND kind = 'department' AND status = 'approved' AND deleted = 0
         AND NOT EXISTS (SELECT 1 FROM monitoring_department_sheets s WHERE s.round_id = ? AND s.unit_code = targets.owner_code)
       ORDER BY owner_code`,
    )
    .all(region, year, roundId) as { id: string; unitCode: string; basicFen: number; projectFen: number }[];
  const insertSheet = sqlite.prepare(
    'INSERT INTO monitoring_department_sheets (id, round_id, unit_code, target_id, basic_budget_fen, project_budget_fen) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertIndicators = sqlite.prepare(
    `INSERT INTO monitoring_department_indicators (sheet_id, indicator_id, seq, level1, level2, name, operator, target_value, unit, accrual)
     SELECT ?, id, seq, level1, level2, name, operator, value, unit, accrual FROM target_indicators WHERE target_id = ?`,
  );
  for (const target of approved) {
    const sheetId = randomUUID();
    insertSheet.run(sheetId, roundId, target.unitCode, target.id, target.basicFen, target.projectFen);
    insertIndicators.run(sheetId, target.id);
  }
}
