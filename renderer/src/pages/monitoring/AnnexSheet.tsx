// The printed 项目支出绩效目标执行监控表 (财预〔2019〕136号 annex) and 部门整体支出绩效目标执行监控表: the grid the
// xlsx export merges, as a ruled table; it replaces the editable form when printing.
import { useMemo } from 'react';
import type { GridCell } from '../../../../electron/domain/disclosure';
import { formatWanYuan } from '../../../../electron/domain/money';
import {
  departmentMonitoringGrid,
  monitoringAnnexGrid,
  type AnnexSheet as AnnexSheetData,
  type DepartmentAnnexSheet,
  type Grid,
} from '../../../../electron/domain/monitoringAnnex';
import classes from '../targets/targets.module.css';

/** Money and rates line up on the right, as figures do on the paper form. */
const isFigure = (cell: GridCell) => cell.fen !== undefined || /^\d+(\.\d+)?%$/.test(cell.text);

function Cell({ cell }: { cell: GridCell }) {
  const Tag = cell.header ? 'th' : 'td';
  return (
    <Tag rowSpan={cell.rowSpan} colSpan={cell.colSpan} className={isFigure(cell) ? classes.number : undefined} style={{ whiteSpace: 'pre-wrap' }}>
      {cell.fen !== undefined ? formatWanYuan(cell.fen) : cell.text}
    </Tag>
  );
}

export function AnnexSheet({ sheet }: { sheet: AnnexSheetData }) {
  const grid = useMemo(() => monitoringAnnexGrid(sheet), [sheet]);
  return <GridSheet grid={grid} />;
}

export function DepartmentAnnexSheet({ sheet }: { sheet: DepartmentAnnexSheet }) {
  const grid = useMemo(() => departmentMonitoringGrid(sheet), [sheet]);
  return <GridSheet grid={grid} />;
}

function GridSheet({ grid }: { grid: Grid }) {
  const total = grid.widths.reduce((sum, w) => sum + w, 0);
  return (
    <div className={classes.sheet} aria-label={`${grid.title}（打印）`}>
      <p className={classes.title}>{grid.title}</p>
      <div className={classes.meta}>
        <span>{grid.subtitle}</span>
        <span>金额单位：万元</span>
      </div>
      <table>
        <colgroup>
          {grid.widths.map((width, i) => (
            <col key={i} style={{ width: `${((width / total) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <tbody>
          {grid.rows.map((row, r) => (
            <tr key={r}>{row.map((cell, c) => (cell ? <Cell key={c} cell={cell} /> : null))}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
