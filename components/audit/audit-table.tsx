// The audit entries as a table. Every value is user- or Redis-supplied text and is rendered as
// text; long targets and details wrap instead of widening the page.
import { useId, type ReactNode } from 'react';
import type { AuditEntry } from '@/lib/audit/types';
import { formatDateTime, MISSING } from '@/lib/format';
import { RelativeTime } from '@/components/ui/relative-time';
import { OutcomeBadge } from './outcome-badge';

// Action right after When: a row reads "at 14:03, auth.login by admin from 127.0.0.1 ...".
const COLUMNS = ['When', 'Action', 'Who', 'From', 'Instance', 'Target', 'Outcome', 'Detail'] as const;
const TD = 'px-3 py-2 align-top';

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const captionId = useId();
  return (
    // Focusable and named so keyboard users can scroll the table sideways on a narrow screen.
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className="table-scroll rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
    >
      <table className="w-full min-w-[60rem] text-sm" data-testid="audit-table">
        <caption id={captionId} className="sr-only">
          Audit log entries, newest first
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 text-left text-xs font-medium text-slate-500">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const iso = new Date(entry.at).toISOString();
  return (
    <tr data-testid={`audit-row-${entry.id}`}>
      {/* As wide as the time, no wider: the table's spare width would widen its pinned column. */}
      <td className={`${TD} w-px`}>
        <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums text-slate-900">
          {formatDateTime(entry.at)}
        </time>
        <span className="block text-xs text-slate-500">
          <RelativeTime at={entry.at} />
        </span>
      </td>
      <td className={`${TD} font-mono text-xs whitespace-nowrap`}>{entry.action}</td>
      <td className={TD}>
        <span className="block max-w-[12rem] font-medium break-all text-slate-900">{entry.actor}</span>
        {/* A failed or throttled sign-in has no role: nobody was signed in. */}
        <span className="block text-xs text-slate-500">{entry.role ?? 'not signed in'}</span>
      </td>
      <td className={TD}>
        <Wrapped width="max-w-[10rem]" className="font-mono text-xs">
          {entry.address}
        </Wrapped>
      </td>
      <td className={TD}>
        <Wrapped width="max-w-[10rem]">{entry.instance ?? MISSING}</Wrapped>
      </td>
      <td className={TD}>
        <Wrapped width="max-w-[16rem]" className="font-mono text-xs">
          {entry.target ?? MISSING}
        </Wrapped>
      </td>
      <td className={TD}>
        <OutcomeBadge outcome={entry.outcome} />
        {/* Repeated throttled sign-ins share one row per minute. */}
        {entry.count > 1 && (
          <span className="mt-1 block text-xs whitespace-nowrap text-slate-600" data-testid="audit-count">
            {entry.count.toLocaleString('en-US')} times
          </span>
        )}
      </td>
      <td className={`${TD} text-slate-700`}>
        <span className="block max-w-[20rem] break-words">{entry.detail ?? MISSING}</span>
      </td>
    </tr>
  );
}

/** Table cells ignore max-width, so the bound sits on a block inside; any character may break. */
function Wrapped({ width, className = '', children }: { width: string; className?: string; children: ReactNode }) {
  return <span className={`block break-all ${width} ${className}`}>{children}</span>;
}
