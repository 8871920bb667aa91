// Bulk writes of project types and indicators by code, with prepared statements in the caller's
// transaction: the path of Excel imports, library packages and the starter library.
import { sqliteOf, type Db } from '../../db/open';
import type { LibraryIndicatorDraft, LibraryStatus, ProjectTypeDraft } from '../domain/library';
import { libraryRecordId } from './ids';

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/** Upserts a project type by code; a tombstoned one comes back. */
export function projectTypeWriter(db: Db): (type: ProjectTypeDraft) => void {
  const upsert = sqliteOf(db).prepare(
    `INSERT INTO project_types (id, code, name, sector, description) VALUES (@id, @code, @name, @sector, @description)
     ON CONFLICT (code) DO UPDATE SET
       name = excluded.name, sector = excluded.sector, description = excluded.description,
       deleted = 0, version = project_types.version + 1, updated_at = ${NOW}`,
  );
  return (type) => upsert.run({ id: libraryRecordId('project-type', type.code), ...type });
}

export interface IndicatorWrite extends LibraryIndicatorDraft {
  code: string;
  status: LibraryStatus;
  /** The library version to record, or null to keep the indicator's own (0 for a new one). */
  libraryVersion: number | null;
  /** Who proposed it, or null to keep what is recorded. */
  proposedBy: string | null;
}

/** Upserts an indicator by code; the FTS triggers keep the search index in step. */
export function indicatorWriter(db: Db): (row: IndicatorWrite) => void {
  const upsert = sqliteOf(db).prepare(
    `INSERT INTO library_indicators
       (id, code, project_type_code, level1, level2, name, operator, reference_value, unit, definition, basis, accrual, status, library_version, proposed_by)
     VALUES (@id, @code, @projectTypeCode, @level1, @level2, @name, @operator, @referenceValue, @unit, @definition, @basis, @accrual, @status,
       COALESCE(@libraryVersion, 0), @proposedBy)
     ON CONFLICT (code) DO UPDATE SET
       project_type_code = excluded.project_type_code, level1 = excluded.level1, level2 = excluded.level2, name = excluded.name,
       operator = excluded.operator, reference_value = excluded.reference_value, unit = excluded.unit,
       definition = excluded.definition, basis = excluded.basis, accrual = excluded.accrual, status = excluded.status,
       library_version = COALESCE(@libraryVersion, library_indicators.library_version),
       proposed_by = COALESCE(@proposedBy, library_indicators.proposed_by),
       deleted = 0, version = library_indicators.version + 1, updated_at = ${NOW}`,
  );
  return (row) => upsert.run({ id: libraryRecordId('indicator', row.code), ...row });
}
