'use client';
// Fingerprints ranked: what the slow entries do (command plus key pattern), how often, how much
// time in all and at most, and the tuning guide's advice where it has some. Sortable.
import { useId, useState } from 'react';
import type { FingerprintStat } from '@/lib/slowlog/types';
import { formatNumber } from '@/lib/format';
import { formatMicros } from './model/durations';
import { isOwnFingerprint, unmarkedFingerprint } from '@/lib/slowlog/own';
import { OwnBadge } from './own-badge';
import { DEFAULT_FINGERPRINT_SORT, sortFingerprints, type FingerprintSortKey, type Sort } from './model/sorting';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { SortHeader, TableFrame, TD, TH } from './table-parts';

/** Shown before "Show all": the top of the ranking is what matters in triage. */
const FIRST_SHOWN = 15;

const SORT_WORDS: Record<FingerprintSortKey, string> = { count: 'count', total: 'total time', max: 'maximum time' };

interface FingerprintTableProps {
  stats: FingerprintStat[];
  /** What was analysed, for screen readers: "Fingerprints of the live entries". */
  label: string;
  'data-testid': string;
}

export function FingerprintTable({ stats, label, ...rest }: FingerprintTableProps) {
  const [sort, setSort] = useState<Sort<FingerprintSortKey>>(DEFAULT_FINGERPRINT_SORT);
  const [showAll, setShowAll] = useState(false);
  const captionId = useId();
  const sorted = sortFingerprints(stats, sort);
  const shown = showAll ? sorted : sorted.slice(0, FIRST_SHOWN);

  return (
    <div className="space-y-2">
      <TableFrame labelledBy={captionId}>
        <table className="w-full min-w-[44rem] text-sm" data-testid={rest['data-testid']}>
          <caption id={captionId} className="sr-only">
            {label}, by {SORT_WORDS[sort.key]}, {sort.dir === 'desc' ? 'most first' : 'least first'}
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className={TH}>
                Fingerprint
              </th>
              <SortHeader label="Count" sortKey="count" sort={sort} onSort={setSort} align="right" />
              <SortHeader label="Total time" sortKey="total" sort={sort} onSort={setSort} align="right" />
              <SortHeader label="Max time" sortKey="max" sort={sort} onSort={setSort} align="right" />
              <th scope="col" className={`${TH} text-right`}>
                Average
              </th>
              <th scope="col" className={TH}>
                Warning and advice
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((stat) => (
              <tr key={stat.fingerprint} data-testid="slowlog-fingerprint">
                <td className={`${TD} max-w-[20rem] font-mono text-xs break-all text-slate-900`}>
                  {unmarkedFingerprint(stat.fingerprint)}
                  {isOwnFingerprint(stat.fingerprint) ? <> <OwnBadge /></> : null}
                </td>
                <td className={`${TD} text-right tabular-nums`}>{formatNumber(stat.count, 0)}</td>
                <td className={`${TD} text-right font-medium whitespace-nowrap tabular-nums text-slate-900`}>
                  {formatMicros(stat.totalMicros)}
                </td>
                <td className={`${TD} text-right whitespace-nowrap tabular-nums`}>{formatMicros(stat.maxMicros)}</td>
                <td className={`${TD} text-right whitespace-nowrap tabular-nums text-slate-600`}>
                  {formatMicros(stat.count > 0 ? stat.totalMicros / stat.count : null)}
                </td>
                <td className={`${TD} min-w-[16rem]`}>
                  {stat.warning ? (
                    <>
                      <Badge tone="warn" data-testid="slowlog-warning">
                        <span aria-hidden="true">⚠</span> {stat.warning.pattern}
                      </Badge>
                      <p className="mt-1 max-w-prose text-xs text-slate-700">{stat.warning.advice}</p>
                    </>
                  ) : (
                    <span className="text-xs text-slate-500">none</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      {sorted.length > FIRST_SHOWN ? (
        <Button onClick={() => setShowAll((value) => !value)} aria-expanded={showAll}>
          {showAll ? `Show the top ${FIRST_SHOWN}` : `Show all ${formatNumber(sorted.length, 0)} fingerprints`}
        </Button>
      ) : null}
    </div>
  );
}
