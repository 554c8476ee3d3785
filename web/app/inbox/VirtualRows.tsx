import { useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/**
 * Renders only the rows in view, so a list of thousands stays smooth; asks for more rows when
 * the end comes into view.
 */
export function VirtualRows<T>({ items, estimate, render, onEndReached, testId }: {
  items: T[]; estimate: number; render: (item: T) => ReactNode; onEndReached?: () => void; testId?: string;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => parent.current, estimateSize: () => estimate, overscan: 8 });
  const rows = virtualizer.getVirtualItems();
  const last = rows[rows.length - 1];
  useEffect(() => {
    if (last && last.index >= items.length - 5) onEndReached?.();
  }, [last?.index, items.length, onEndReached]);
  return (
    <div ref={parent} style={{ flex: 1, overflowY: 'auto', contain: 'strict' }} data-testid={testId}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {rows.map((row) => (
          <div key={row.key} data-index={row.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}>
            {render(items[row.index]!)}
          </div>
        ))}
      </div>
    </div>
  );
}
