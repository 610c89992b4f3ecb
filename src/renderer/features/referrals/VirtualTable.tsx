import { useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/** Rows before the last loaded one at which the next page is asked for, so scrolling rarely waits. */
const NEAR_END_ROWS = 15;

export interface Column<R> {
  key: string;
  header: ReactNode;
  /** CSS grid track, e.g. "2fr" or "7rem". */
  width: string;
  render(row: R): ReactNode;
  /** Long text (e.g. a rejection reason) wraps; the row grows and is measured. */
  wrap?: boolean;
}

/**
 * A table whose rows are rendered only while visible (@tanstack/react-virtual), so 10,000 referrals
 * or import rows scroll smoothly. Keeps table semantics (role=table/row/cell) for screen readers and tests.
 * A paged list passes `totalRows` (all that match) and `onNearEnd`, called when the user scrolls close
 * to the last row loaded, to fetch the next page.
 */
export function VirtualTable<R>({
  rows,
  totalRows,
  onNearEnd,
  columns,
  rowKey,
  label,
  rowClass,
  height = '60vh',
  minWidth = '52rem',
}: {
  rows: R[];
  totalRows?: number;
  onNearEnd?(): void;
  columns: Column<R>[];
  rowKey(row: R): string | number;
  label: string;
  rowClass?(row: R): string;
  height?: string;
  /** Below this width the table scrolls sideways rather than squeeze its columns until text is cut. */
  minWidth?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 42, overscan: 12 });
  const template = columns.map((c) => c.width).join(' ');
  const items = virtualizer.getVirtualItems();
  const lastShown = items.length ? items[items.length - 1].index : -1;
  useEffect(() => {
    if (onNearEnd && lastShown >= rows.length - NEAR_END_ROWS) onNearEnd();
  }, [lastShown, rows.length, onNearEnd]);
  return (
    <div
      className="vtable"
      role="table"
      aria-label={label}
      aria-rowcount={(totalRows ?? rows.length) + 1}
      style={{ ['--vtable-min-width' as string]: minWidth }}
    >
      <div className="vtable-head" role="rowgroup">
        <div className="vtable-row" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div key={c.key} role="columnheader" className="vtable-cell">
              {c.header}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="vtable-body" role="rowgroup" style={{ maxHeight: height }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <div
                key={rowKey(row)}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                className={`vtable-row ${rowClass?.(row) ?? ''}`}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, minHeight: 42 }}
              >
                {columns.map((c) => (
                  <div key={c.key} role="cell" className={c.wrap ? 'vtable-cell vtable-wrap' : 'vtable-cell'}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
