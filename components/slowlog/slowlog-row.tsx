'use client';
// One slow log entry: when, how long, the command line (cut, full on demand), who sent it, and
// the tuning guide's warning. Arguments come escaped from the server and are rendered as text.
import Link from 'next/link';
import { Fragment, useId, useState } from 'react';
import type { SlowlogEntryView } from '@/lib/slowlog/types';
import { formatDateTime } from '@/lib/format';
import { isOwnClientName } from '@/lib/own-client-name';
import { cutArgs } from './model/cut-args';
import { formatMicros } from './model/durations';
import { RelativeTime } from '@/components/ui/relative-time';
import { TD } from './table-parts';
import { OwnBadge } from './own-badge';
import { WarningBadge } from './warning-badge';

interface SlowlogRowProps {
  entry: SlowlogEntryView;
  /** Archive rows name the Redis run they come from: ids start again after a restart. */
  runId?: string;
  /** A cluster's table: the node that logged the entry, linked to its own slow log. */
  showNode?: boolean;
}

export function SlowlogRow({ entry, runId, showNode = false }: SlowlogRowProps) {
  const [expanded, setExpanded] = useState(false);
  const commandId = useId();
  const ms = entry.timestamp * 1000;
  const iso = new Date(ms).toISOString();
  const cut = cutArgs(entry.args);
  const args = expanded ? entry.args : cut.shown;

  return (
    <tr data-testid="slowlog-row" data-entry-id={entry.id}>
      <td className={TD}>
        <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums text-slate-900">
          {formatDateTime(ms)}
        </time>
        <span className="block text-xs text-slate-500">
          <RelativeTime at={ms} />
        </span>
        {runId ? (
          <span className="block text-[11px] text-slate-500" title={`Redis run_id ${runId}, entry id ${entry.id}`}>
            run {runId.slice(0, 8)} · #{entry.id}
          </span>
        ) : null}
      </td>
      {showNode ? (
        <td className={TD} data-testid="slowlog-row-node">
          {entry.node ? (
            <Link
              href={`/instances/${encodeURIComponent(entry.node.instanceId)}/slowlog`}
              title={`The slow log of node ${entry.node.address}`}
              className="font-mono text-xs whitespace-nowrap text-slate-800 underline decoration-slate-300 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
            >
              {entry.node.address}
            </Link>
          ) : (
            '—'
          )}
        </td>
      ) : null}
      <td className={`${TD} text-right font-medium whitespace-nowrap tabular-nums text-slate-900`}>
        {formatMicros(entry.durationMicros)}
      </td>
      <td className={TD}>
        <p id={commandId} className="max-w-[48rem] font-mono text-xs break-all text-slate-800">
          {args.map((arg, index) => (
            <Fragment key={index}>
              {index > 0 ? ' ' : null}
              {index === 0 ? (
                <span className="font-semibold text-slate-900">{arg}</span>
              ) : arg === '' ? (
                <span className="text-slate-500">&quot;&quot;</span>
              ) : (
                <span className="rounded bg-slate-100 px-0.5">{arg}</span>
              )}
            </Fragment>
          ))}
          {!expanded && cut.hidden > 0 ? (
            <span className="text-slate-500"> … {cut.hidden} more</span>
          ) : null}
        </p>
        {cut.cut ? (
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={commandId}
            onClick={() => setExpanded((value) => !value)}
            className="mt-1 rounded text-xs font-medium text-red-700 underline hover:text-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
          >
            {expanded ? 'Show less' : 'Show the full command'}
          </button>
        ) : null}
        {entry.warning ? <WarningBadge warning={entry.warning} /> : null}
      </td>
      <td className={TD}>
        <span className="block max-w-[14rem] font-mono text-xs break-all text-slate-800">{entry.client || '—'}</span>
        <span className="block max-w-[14rem] text-xs break-all text-slate-500">
          {entry.clientName || <span className="italic">no name</span>}
        </span>
        {isOwnClientName(entry.clientName) ? <OwnBadge /> : null}
      </td>
    </tr>
  );
}
