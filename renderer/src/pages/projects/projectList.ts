// What the 项目 list shows, kept apart from the components so it can be tested without a browser.
import type { ProjectListRow } from '../../../../electron/projects/contract';

/** Projects whose code, name or implementing unit (code or name) contains the query. */
export function filterProjects(rows: readonly ProjectListRow[], query: string): readonly ProjectListRow[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return rows;
  return rows.filter((p) => [p.code, p.name, p.unitCode, p.unitName].some((text) => text.toLowerCase().includes(needle)));
}

/** The marks a project carries, in the words of the forms. */
export function projectMarks(p: Pick<ProjectListRow, 'keyProject' | 'povertyFund' | 'confidential'>): string[] {
  return [p.keyProject && '重点', p.povertyFund && '衔接资金', p.confidential && '涉密'].filter((m): m is string => Boolean(m));
}
