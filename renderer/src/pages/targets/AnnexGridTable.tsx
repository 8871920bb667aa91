// A 申报表 grid of the domain (targetAnnexGrid.ts) as a ruled table: the same cells and spans the xlsx
// export merges, so the printed form and the Excel file never differ.
import type { GridCell, GridRow } from '../../../../electron/domain/disclosure';
import { formatWanYuan } from '../../../../electron/domain/money';
import type { AnnexGrid } from '../../../../electron/domain/targetAnnexGrid';
import classes from './targets.module.css';

function Cell({ cell }: { cell: GridCell }) {
  const Tag = cell.header ? 'th' : 'td';
  return (
    <Tag rowSpan={cell.rowSpan} colSpan={cell.colSpan} className={cell.fen !== undefined ? classes.number : classes.text}>
      {cell.fen !== undefined ? formatWanYuan(cell.fen) : cell.text}
    </Tag>
  );
}

const cells = (row: GridRow) => row.map((cell, column) => (cell ? <Cell key={column} cell={cell} /> : null));

export function AnnexGridTable({ grid, meta, label }: { grid: AnnexGrid; meta: string; label: string }) {
  const total = grid.widths.reduce((sum, w) => sum + w, 0);
  return (
    <div className={classes.sheet}>
      {/* The year beside the title, so the form's heading is never the page's own. */}
      <h2 className={classes.title}>
        {grid.title}
        {grid.subtitle}
      </h2>
      <div className={classes.meta}>
        <span />
        <span>{meta}</span>
      </div>
      <table aria-label={label}>
        <colgroup>
          {grid.widths.map((width, i) => (
            <col key={i} style={{ width: `${((width / total) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <tbody>
          {grid.rows.map((row, r) => (
            <tr key={r}>{cells(row)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
