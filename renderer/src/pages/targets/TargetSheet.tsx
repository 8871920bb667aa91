// The printable 申报表 of 财预〔2015〕88号: annex 1 for a project, annex 2 for a department-wide target,
// read only, each the grid its xlsx export merges, with both reviewers' opinions from the history.
import { departmentAnnexGrid, projectAnnexGrid, projectAnnexInputOf } from '../../../../electron/domain/targetAnnexGrid';
import type { CheckedProjectTarget, DepartmentTarget } from '../../../../electron/targets/contract';
import { AnnexGridTable } from './AnnexGridTable';

/** 项目支出绩效目标申报表 as 88号 annex 1 prints it (the same grid as its xlsx export), last year's values beside a continuing project's. */
export function ProjectTargetSheet({ target, unitName }: { target: CheckedProjectTarget; unitName: (code: string) => string }) {
  const grid = projectAnnexGrid(projectAnnexInputOf(target, unitName));
  return <AnnexGridTable grid={grid} meta={`填报单位：${unitName(target.project.unitCode)}　金额单位：万元`} label="项目支出绩效目标申报表（打印）" />;
}

/** 部门整体支出绩效目标申报表 as 88号 annex 2 prints it. */
export function DepartmentTargetSheet({ target }: { target: DepartmentTarget }) {
  const grid = departmentAnnexGrid({
    year: target.year,
    unitName: `${target.unit.name}（${target.unit.code}）`,
    budget: target,
    tasks: target.tasks,
    content: target,
    departmentReview: target.departmentReview,
    bureauReview: target.bureauReview,
  });
  return <AnnexGridTable grid={grid} meta="金额单位：万元" label="部门整体支出绩效目标申报表（打印）" />;
}
