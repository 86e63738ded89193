'use client';
// Slow log entries as a table, sortable by time or duration. The archive's table also places its
// gaps: as rows where entries went missing when sorted by time, as notices above otherwise. A
// Redis Cluster instance's entries carry their node: then a Node column links to its own page.
import { useId, useState } from 'react';
import type { ArchivedEntry, SlowlogEntryView, SlowlogGap } from '@/lib/slowlog/types';
import { placeGaps } from './model/gaps';
import { DEFAULT_ENTRY_SORT, sortEntries, type EntrySortKey, type Sort } from './model/sorting';
import { GapNotice, GapRow } from './gap-notice';
import { SlowlogRow } from './slowlog-row';
import { SortHeader, TableFrame, TH } from './table-parts';

type SlowlogTableProps = {
  /** What the rows are, for screen readers: "Slow log entries in Redis". */
  label: string;
  'data-testid': string;
} & ({ kind: 'live'; entries: SlowlogEntryView[] } | { kind: 'archive'; entries: ArchivedEntry[]; gaps: SlowlogGap[] });

const SORT_WORDS: Record<EntrySortKey, Record<Sort<EntrySortKey>['dir'], string>> = {
  time: { desc: 'newest first', asc: 'oldest first' },
  duration: { desc: 'slowest first', asc: 'fastest first' },
};

export function SlowlogTable(props: SlowlogTableProps) {
  const [sort, setSort] = useState<Sort<EntrySortKey>>(DEFAULT_ENTRY_SORT);
  const captionId = useId();
  // At most a few hundred entries: sorting on each render (a poll, a click) costs nothing.
  const rows = tableRows(props, sort);
  const notices = props.kind === 'archive' && sort.key !== 'time' ? props.gaps : [];
  const withNode = props.entries.some((entry) => entry.node !== undefined);

  return (
    <div className="space-y-2">
      {notices.length > 0 ? (
        <ul className="space-y-1">
          {notices.map((gap) => (
            <GapNotice key={gapKey(gap)} gap={gap} />
          ))}
        </ul>
      ) : null}
      <TableFrame labelledBy={captionId}>
        <table className="w-full min-w-[44rem] text-sm" data-testid={props['data-testid']}>
          <caption id={captionId} className="sr-only">
            {props.label}, {SORT_WORDS[sort.key][sort.dir]}
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <SortHeader label="Time" sortKey="time" sort={sort} onSort={setSort} />
              {withNode ? (
                <th scope="col" className={TH}>
                  Node
                </th>
              ) : null}
              <SortHeader label="Duration" sortKey="duration" sort={sort} onSort={setSort} align="right" />
              <th scope="col" className={TH}>
                Command
              </th>
              <th scope="col" className={TH}>
                Client
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) =>
              row.kind === 'gap' ? (
                <GapRow key={gapKey(row.gap)} gap={row.gap} columns={withNode ? 5 : 4} />
              ) : (
                <SlowlogRow key={row.key} entry={row.entry} runId={row.runId} showNode={withNode} />
              ),
            )}
          </tbody>
        </table>
      </TableFrame>
    </div>
  );
}

type Row = { kind: 'entry'; key: string; entry: SlowlogEntryView; runId?: string } | { kind: 'gap'; gap: SlowlogGap };

function tableRows(props: SlowlogTableProps, sort: Sort<EntrySortKey>): Row[] {
  if (props.kind === 'live') {
    // Ids are per node: a cluster's merged log repeats them.
    return sortEntries(props.entries, sort).map((entry) => ({ kind: 'entry', key: `${entry.node?.instanceId ?? ''}:${entry.id}`, entry }));
  }
  const toRow = (entry: ArchivedEntry): Row => ({ kind: 'entry', key: `${entry.runId}:${entry.id}`, entry, runId: entry.runId });
  if (sort.key !== 'time') return sortEntries(props.entries, sort).map(toRow);
  const placed: Row[] = placeGaps(sortEntries(props.entries, { key: 'time', dir: 'desc' }), props.gaps).map((row) =>
    row.kind === 'gap' ? row : toRow(row.entry),
  );
  return sort.dir === 'desc' ? placed : placed.reverse();
}

const gapKey = (gap: SlowlogGap) => `gap:${gap.node?.instanceId ?? ''}:${gap.runId}:${gap.afterId}:${gap.recordedAt}`;
