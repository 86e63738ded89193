// The analysis page's tables: a captioned, scrollable table (keyboard users can scroll it sideways
// on a phone) and the cell styles every section shares.
import { useId, useState, type ReactNode } from 'react';

export const TH = 'px-3 py-2 text-left text-xs font-medium text-slate-500';
export const TH_NUM = 'px-3 py-2 text-right text-xs font-medium text-slate-500';
export const TD = 'px-3 py-1.5 align-top';
export const TD_NUM = 'px-3 py-1.5 text-right align-top tabular-nums whitespace-nowrap';
export const TD_NAME = 'px-3 py-1.5 align-top font-mono break-all';

interface DataTableProps {
  /** Read by screen readers as the table's name. */
  caption: string;
  head: ReactNode;
  children: ReactNode;
  'data-testid'?: string;
}

export function DataTable({ caption, head, children, ...rest }: DataTableProps) {
  const captionId = useId();
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      data-testid={rest['data-testid']}
      className="table-scroll rounded-md border border-slate-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
    >
      <table className="min-w-full text-sm">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        <thead className="bg-slate-50">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export const LINK = 'text-red-800 underline decoration-slate-300 underline-offset-2 hover:decoration-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700';

/** Rows a long table starts with; a button shows the rest (a db can have hundreds of namespaces). */
export const FIRST_ROWS = 20;

/** The rows to render now, and the button that shows all of them (or fewer again); null when all fit. */
export function useFirstRows<T>(rows: readonly T[], what: string, limit = FIRST_ROWS): { shown: readonly T[]; toggle: ReactNode } {
  const [all, setAll] = useState(false);
  if (rows.length <= limit) return { shown: rows, toggle: null };
  const toggle = (
    <button
      type="button"
      aria-expanded={all}
      onClick={() => setAll(!all)}
      className="mt-2 text-sm font-medium text-red-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
    >
      {all ? `Show the first ${limit} ${what} only` : `Show all ${rows.length} ${what}`}
    </button>
  );
  return { shown: all ? rows : rows.slice(0, limit), toggle };
}
