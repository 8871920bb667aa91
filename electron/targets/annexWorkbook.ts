// A target as its 财预〔2015〕88号 annex in xlsx: annex 1 for a project, annex 2 for a department-wide
// target — the same grid the printed 申报表 shows, merged, with widths, print area and A4. A project's is
// read as the form opens it (quality.ts), with last year's target of a continuing project; so, like
// quality.ts, only the handlers load this.
import type { Db } from '../../db/open';
import type { Actor } from '../audit/audit';
import { departmentAnnexGrid, projectAnnexGrid, projectAnnexInputOf } from '../domain/targetAnnexGrid';
import { listUnits } from '../registry';
import { formWorkbook, gridFormSheet } from '../xlsx/formSheet';
import { departmentTarget } from './department';
import { checkedProjectTarget } from './quality';
import { requireTarget } from './store';

/** `viewer` is who asks: a 主管部门审核人 only their own department's targets. */
export function targetAnnexFile(db: Db, id: string, viewer?: Actor): { fileName: string; bytes: Uint8Array } {
  const row = requireTarget(db, id);
  const names = new Map(listUnits(db).map((u) => [u.code, u.name]));
  const unitName = (code: string) => names.get(code) ?? code;
  if (row.kind === 'project') {
    const target = checkedProjectTarget(db, row.projectId!, viewer);
    const grid = projectAnnexGrid(projectAnnexInputOf(target, unitName));
    return { fileName: `${target.project.year}年度项目支出绩效目标申报表-${target.project.code}.xlsx`, bytes: formWorkbook([gridFormSheet(target.project.code, grid)]) };
  }
  const target = departmentTarget(db, row.year, row.ownerCode, viewer);
  const grid = departmentAnnexGrid({
    year: target.year,
    unitName: target.unit.name,
    budget: target,
    tasks: target.tasks,
    content: target,
    departmentReview: target.departmentReview,
    bureauReview: target.bureauReview,
  });
  return { fileName: `${target.year}年度部门整体支出绩效目标申报表-${target.unit.code}.xlsx`, bytes: formWorkbook([gridFormSheet(target.unit.code, grid)]) };
}
