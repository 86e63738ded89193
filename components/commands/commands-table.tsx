'use client';
// The application's commands over the window, sortable by each figure (most time first), with
// the guide's warning beside the commands the slow log warns about.
import { useState } from 'react';
import type { CommandRate } from '@/lib/commands/types';
import { formatNumber, formatPercent, MISSING } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { DEFAULT_SORT, nextSort, SORT_COLUMNS, sortCommands, type SortColumn } from './model/sort-commands';

const perSec = (value: number) => (value === 0 ? '0' : formatNumber(value, value < 10 ? 2 : 0));
const micros = (value: number | null | undefined) => (value === null || value === undefined ? MISSING : formatNumber(value, value < 100 ? 1 : 0));

export function CommandsTable({ rows, percentilesAvailable }: { rows: CommandRate[]; percentilesAvailable: boolean }) {
  const [sort, setSort] = useState(DEFAULT_SORT);
  const sorted = sortCommands(rows, sort);
  const columns = (Object.keys(SORT_COLUMNS) as SortColumn[]).filter((column) => percentilesAvailable || column !== 'p99');

  return (
    <div className="table-scroll">
      <table className="w-full text-left text-sm" data-testid="commands-table">
        <caption className="sr-only">Commands by {SORT_COLUMNS[sort.column].label}, {sort.descending ? 'descending' : 'ascending'}</caption>
        <thead className="border-b border-slate-200 text-xs font-medium text-slate-500">
          <tr>
            {columns.map((column) => (
              <th
                key={column}
                scope="col"
                aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                className={`px-2 py-2 font-medium ${column === 'command' ? '' : 'text-right'}`}
              >
                <button
                  type="button"
                  onClick={() => setSort(nextSort(sort, column))}
                  className="hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
                  data-testid={`commands-sort-${column}`}
                >
                  {SORT_COLUMNS[column].label}
                  {sort.column === column ? <span aria-hidden="true">{sort.descending ? ' ↓' : ' ↑'}</span> : null}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sorted.map((row) => (
            <tr key={row.command} data-testid="commands-row" data-command={row.command} className="align-top">
              <td className="px-2 py-2">
                <span className="font-mono font-medium text-slate-900">{row.command}</span>
                {row.warning ? (
                  <div className="mt-1 space-y-1" data-testid="commands-warning">
                    <Badge tone="warn">
                      <span aria-hidden="true">⚠</span> {row.warning.pattern}
                    </Badge>
                    <p className="max-w-md text-xs text-amber-900">{row.warning.advice}</p>
                  </div>
                ) : null}
              </td>
              <td className="px-2 py-2 text-right tabular-nums">{perSec(row.callsPerSec)}</td>
              <td className="px-2 py-2 text-right tabular-nums">{micros(row.usecPerCall)}</td>
              <td className="px-2 py-2 text-right tabular-nums">
                {formatPercent(row.timeShare)}
                <div className="text-xs text-slate-500">{formatNumber(row.usecPerSec / 1000, 2)} ms/s</div>
              </td>
              {percentilesAvailable ? (
                <td className="px-2 py-2 text-right tabular-nums" title={row.percentiles ? percentileTitle(row.percentiles) : undefined}>
                  {row.percentiles ? `${micros(row.percentiles.p99)} µs` : MISSING}
                  {row.percentiles ? <div className="text-xs text-slate-500">p50 {micros(row.percentiles.p50)} · p99.9 {micros(row.percentiles['p99.9'])}</div> : null}
                </td>
              ) : null}
              <td className={`px-2 py-2 text-right tabular-nums ${row.failedPerSec > 0 ? 'font-semibold text-red-700' : ''}`}>{perSec(row.failedPerSec)}</td>
              <td className={`px-2 py-2 text-right tabular-nums ${row.rejectedPerSec > 0 ? 'font-semibold text-red-700' : ''}`}>{perSec(row.rejectedPerSec)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const percentileTitle = (percentiles: Record<string, number>) =>
  Object.entries(percentiles).map(([name, value]) => `${name} ${micros(value)} µs`).join(', ');
