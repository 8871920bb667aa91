// A div-based data grid that renders only the rows in view, so lists of thousands of units scroll
// smoothly. Fixed row height, sticky header, sortable columns; exposes table roles for assistive tech.
import { UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import { nextSort, type SortState, type SortValue } from './tableSort';
import { usePrinting } from './usePrinting';
import classes from './VirtualTable.module.css';

export interface Column<T> {
  key: string;
  header: string;
  /** A CSS grid track: '120px', 'minmax(200px, 2fr)'. */
  width: string;
  cell: (row: T) => ReactNode;
  sortValue?: (row: T) => SortValue;
  align?: 'left' | 'center' | 'right';
}

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 40;

export function VirtualTable<T>({
  label,
  rows,
  columns,
  rowKey,
  sort,
  onSortChange,
  height,
}: {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  sort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
  /** Fixed height; without it the table fills its flex container. */
  height?: number | string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const printing = usePrinting();
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
    scrollMargin: HEADER_HEIGHT,
    // Let React batch scroll updates instead of rendering synchronously inside every scroll event.
    useFlushSync: false,
  });
  // The tracks go on the table once, as a variable its rows read, so that a row carries only its position.
  const tracks = { '--vt-columns': columns.map((c) => c.width).join(' ') } as CSSProperties;
  const items = printing
    ? rows.map((_, index) => ({ index, start: 0 }))
    : virtualizer.getVirtualItems().map(({ index, start }) => ({ index, start: start - HEADER_HEIGHT }));

  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      className={classes.scroller}
      style={height === undefined ? { ...tracks, flex: 1, minHeight: 200 } : { ...tracks, height }}
    >
      <div role="rowgroup" className={classes.head}>
        <div role="row" aria-rowindex={1} className={classes.row}>
          {columns.map((column) => {
            const direction = sort?.key === column.key ? sort.direction : undefined;
            return (
              <div
                role="columnheader"
                key={column.key}
                className={classes.cell}
                data-align={column.align}
                aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
              >
                {column.sortValue && onSortChange ? (
                  <UnstyledButton className={classes.sortButton} onClick={() => onSortChange(nextSort(sort ?? null, column.key))}>
                    {column.header}
                    <span className={classes.sortMark} data-active={direction ? true : undefined} aria-hidden>
                      {direction === 'desc' ? '▼' : '▲'}
                    </span>
                  </UnstyledButton>
                ) : (
                  column.header
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div
        role="rowgroup"
        className={classes.body}
        data-printing={printing || undefined}
        style={printing ? undefined : { height: virtualizer.getTotalSize() }}
        onMouseOver={showCutText}
      >
        {items.map(({ index, start }) => {
          const row = rows[index]!;
          return (
            <div
              role="row"
              aria-rowindex={index + 2}
              key={rowKey(row)}
              className={classes.row}
              style={printing ? undefined : { transform: `translateY(${start}px)` }}
            >
              <RowCells row={row} columns={columns as readonly Column<unknown>[]} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** A cell cut off by its column (a long project or unit name) shows its whole text on hover: one listener for the body. */
function showCutText(event: MouseEvent<HTMLElement>) {
  const cell = (event.target as HTMLElement).closest<HTMLElement>('[role="cell"]');
  if (!cell || cell.contains(event.relatedTarget as Node | null)) return;
  cell.title = cell.scrollWidth > cell.clientWidth ? (cell.textContent ?? '') : '';
}

/** A row's cells; memoised so that scrolling only moves existing rows and renders the new ones. */
const RowCells = memo(function RowCells({ row, columns }: { row: unknown; columns: readonly Column<unknown>[] }) {
  return columns.map((column) => (
    <div role="cell" key={column.key} className={classes.cell} data-align={column.align}>
      {column.cell(row)}
    </div>
  ));
});
