// A target or self-evaluation table exactly as it is published: the same grid (spans and all) that the xlsx export
// merges, rendered as a ruled HTML table that also prints as the paper version.
import { useMemo } from 'react';
import type { DisclosureTable } from '../../../../electron/disclosure/contract';
import { disclosureGrid, type GridCell, type GridRow } from '../../../../electron/domain/disclosure';
import { formatWanYuan } from '../../../../electron/domain/money';
import classes from './TargetTable.module.css';

/** What screen readers and tests call the table, whatever the year and scope. */
export const TARGET_TABLE_LABEL = '绩效目标公开表';
const SELF_EVALUATION_TABLE_LABEL = '绩效自评公开表';
const EVALUATION_TABLE_LABEL = '绩效评价结果公开表';

function Cell({ cell, column, header, centred }: { cell: GridCell; column: number; header: boolean; centred: readonly number[] }) {
  const Tag = header ? 'th' : 'td';
  const className = cell.fen !== undefined ? classes.money : centred.includes(column) ? classes.centre : undefined;
  return (
    <Tag rowSpan={cell.rowSpan} colSpan={cell.colSpan} className={className} scope={header ? 'col' : undefined}>
      {cell.fen !== undefined ? formatWanYuan(cell.fen) : cell.text}
    </Tag>
  );
}

const cells = (row: GridRow, header: boolean, centred: readonly number[]) =>
  row.map((cell, column) => (cell ? <Cell key={column} cell={cell} column={column} header={header} centred={centred} /> : null));

export function TargetTable({ table }: { table: DisclosureTable }) {
  const grid = useMemo(() => disclosureGrid(table), [table]);
  const totalWidth = grid.widths.reduce((sum, w) => sum + w, 0);
  return (
    <div className={classes.sheet}>
      <h2 className={classes.title}>{table.title}</h2>
      <div className={classes.meta}>
        <span>公开范围：{table.scopeName}</span>
        <span>金额单位：万元</span>
      </div>
      <table className={classes.table} aria-label={table.kind === 'selfEvaluations' ? SELF_EVALUATION_TABLE_LABEL : table.kind === 'evaluations' ? EVALUATION_TABLE_LABEL : TARGET_TABLE_LABEL}>
        <colgroup>
          {grid.widths.map((width, i) => (
            <col key={i} style={{ width: `${((width / totalWidth) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          {grid.head.map((row, r) => (
            <tr key={r}>{cells(row, true, grid.centred)}</tr>
          ))}
        </thead>
        <tbody>
          {grid.body.map((row, r) => (
            <tr key={r}>{cells(row, false, grid.centred)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
