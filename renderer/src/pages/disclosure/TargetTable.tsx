// A target table exactly as it is published: the same grid (spans and all) that the xlsx export
// merges, rendered as a ruled HTML table that also prints as the paper version.
import { useMemo } from 'react';
import type { DisclosureTable } from '../../../../electron/disclosure/contract';
import { targetTableGrid, type GridCell, type GridRow } from '../../../../electron/domain/disclosure';
import { formatWanYuan } from '../../../../electron/domain/money';
import classes from './TargetTable.module.css';

/** What screen readers and tests call the table, whatever the year and scope. */
export const TARGET_TABLE_LABEL = '绩效目标公开表';

const CENTRED_COLUMNS = new Set([0, 8, 9]);

function Cell({ cell, column, header }: { cell: GridCell; column: number; header: boolean }) {
  const Tag = header ? 'th' : 'td';
  const className = cell.fen !== undefined ? classes.money : CENTRED_COLUMNS.has(column) ? classes.centre : undefined;
  return (
    <Tag rowSpan={cell.rowSpan} colSpan={cell.colSpan} className={className} scope={header ? 'col' : undefined}>
      {cell.fen !== undefined ? formatWanYuan(cell.fen) : cell.text}
    </Tag>
  );
}

const cells = (row: GridRow, header: boolean) =>
  row.map((cell, column) => (cell ? <Cell key={column} cell={cell} column={column} header={header} /> : null));

export function TargetTable({ table }: { table: DisclosureTable }) {
  const grid = useMemo(() => targetTableGrid(table.kind, table.targets), [table]);
  const totalWidth = grid.widths.reduce((sum, w) => sum + w, 0);
  return (
    <div className={classes.sheet}>
      <h2 className={classes.title}>{table.title}</h2>
      <div className={classes.meta}>
        <span>公开范围：{table.scopeName}</span>
        <span>金额单位：万元</span>
      </div>
      <table className={classes.table} aria-label={TARGET_TABLE_LABEL}>
        <colgroup>
          {grid.widths.map((width, i) => (
            <col key={i} style={{ width: `${((width / totalWidth) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          {grid.head.map((row, r) => (
            <tr key={r}>{cells(row, true)}</tr>
          ))}
        </thead>
        <tbody>
          {grid.body.map((row, r) => (
            <tr key={r}>{cells(row, false)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
