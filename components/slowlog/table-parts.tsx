// Pieces both slow log tables share: the scrollable frame, sortable column headers, cell styles.
import type { ReactNode } from 'react';
import { ariaSort, nextSort, type Sort } from './model/sorting';

export const TH = 'px-3 py-2 text-left text-xs font-medium text-slate-500';
export const TD = 'px-3 py-2 align-top';

/** Focusable and named, so keyboard users can scroll a wide table sideways on a phone. */
export function TableFrame({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={0}
      className="table-scroll rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
    >
      {children}
    </div>
  );
}

interface SortHeaderProps<K extends string> {
  label: string;
  sortKey: K;
  sort: Sort<K>;
  onSort: (next: Sort<K>) => void;
  align?: 'left' | 'right';
}

/** A column header that sorts: a button inside the <th>, the order announced through aria-sort. */
export function SortHeader<K extends string>({ label, sortKey, sort, onSort, align = 'left' }: SortHeaderProps<K>) {
  const active = sort.key === sortKey;
  const arrow = active ? (sort.dir === 'desc' ? '▼' : '▲') : '↕';
  return (
    <th
      scope="col"
      aria-sort={ariaSort(sort, sortKey)}
      className={`px-3 py-2 text-xs font-medium text-slate-500 ${align === 'right' ? 'text-right' : 'text-left'}`}
    >
      <button
        type="button"
        onClick={() => onSort(nextSort(sort, sortKey))}
        className={`inline-flex items-center gap-1 rounded px-1 py-0.5 whitespace-nowrap hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-red-700 ${active ? 'font-semibold text-slate-900' : ''}`}
      >
        {label}
        <span aria-hidden="true" className={active ? 'text-red-700' : 'text-slate-400'}>
          {arrow}
        </span>
      </button>
    </th>
  );
}
