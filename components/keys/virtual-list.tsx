'use client';
// A fixed-row-height virtual list: only the rows in view (plus a few) are in the DOM, so a
// million loaded keys scroll as smoothly as 100 (past the browser's height limit the scroll
// range is scaled: model/virtual-window.ts). A listbox for assistive tech: arrow keys, Home/End
// and Page Up/Down move the active row, Enter (or a click) activates it. `onRangeChange` tells
// which rows are shown (metadata is read for those only).
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { virtualWindow } from './model/virtual-window';

interface VirtualListProps {
  count: number;
  rowHeight: number;
  /** Height of the scrolling box, px. */
  height: number;
  label: string;
  idPrefix: string;
  activeIndex: number;
  onActiveChange: (index: number) => void;
  onActivate: (index: number) => void;
  isSelected: (index: number) => boolean;
  renderRow: (index: number) => ReactNode;
  /** The rows in the DOM (in view and a few either side), [first, last), whenever that changes. */
  onRangeChange?: (first: number, last: number) => void;
  'data-testid'?: string;
}

export function VirtualList(props: VirtualListProps) {
  const { count, rowHeight, height, activeIndex } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const { spacerHeight, scale, first, last, topOf, scrollTopFor } = virtualWindow(count, rowHeight, height, scrollTop);

  const { onRangeChange } = props;
  useEffect(() => {
    onRangeChange?.(first, last);
  }, [onRangeChange, first, last]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    props.onActiveChange(next);
    const el = box.current;
    if (!el) return;
    // Keep the active row in view, as a native listbox does.
    const top = next * rowHeight;
    const viewTop = el.scrollTop * scale;
    let target: number | null = null;
    if (top < viewTop) target = top;
    else if (top + rowHeight > viewTop + height) target = top + rowHeight - height;
    if (target !== null) {
      el.scrollTop = scrollTopFor(target);
      // A scaled position rounds to whole px: the state follows what the box really shows.
      setScrollTop(el.scrollTop);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, Home: 0, End: count - 1,
      PageDown: activeIndex + page, PageUp: activeIndex - page,
    };
    const target = moves[event.key];
    if (target !== undefined && count > 0) {
      event.preventDefault();
      moveTo(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && activeIndex >= 0 && activeIndex < count) {
      event.preventDefault();
      props.onActivate(activeIndex);
    }
  };

  const indexes = Array.from({ length: Math.max(0, last - first) }, (_, offset) => first + offset);
  const rows: ReactNode[] = indexes.map((index) => (
      <div
        key={index}
        id={`${props.idPrefix}-${index}`}
        role="option"
        aria-selected={props.isSelected(index)}
        aria-posinset={index + 1}
        aria-setsize={count}
        data-active={index === activeIndex ? 'true' : undefined}
        onClick={() => {
          props.onActiveChange(index);
          props.onActivate(index);
        }}
        className="absolute inset-x-0 flex cursor-pointer items-center gap-2 border-b border-slate-100 px-2 text-sm hover:bg-slate-50 aria-selected:bg-red-50 data-[active=true]:outline-2 data-[active=true]:-outline-offset-2 data-[active=true]:outline-red-700/40"
        style={{ top: topOf(index), height: rowHeight }}
      >
        {props.renderRow(index)}
      </div>
  ));

  return (
    <div
      ref={box}
      role="listbox"
      tabIndex={0}
      aria-label={props.label}
      aria-activedescendant={activeIndex >= 0 && activeIndex < count ? `${props.idPrefix}-${activeIndex}` : undefined}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      data-testid={props['data-testid']}
      className="relative overflow-y-auto rounded-md border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
      style={{ height }}
    >
      <div style={{ height: spacerHeight, position: 'relative' }}>{rows}</div>
    </div>
  );
}
