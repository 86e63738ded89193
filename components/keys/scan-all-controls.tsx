'use client';
// How a "scan all" list is ordered and filtered. Type, TTL and memory are known only for rows
// that have been on screen, so sorting and the no-TTL filter work over those, and say so; the
// keyspace analysis answers "which keys have no TTL" for the whole db.
import Link from 'next/link';
import { useId } from 'react';
import { formatNumber } from '@/lib/format';
import { Field, Select } from '@/components/ui/field';
import type { ScanAllSort } from './model/scan-all';

const SORT_LABELS: Record<ScanAllSort, string> = {
  scan: 'Scan order',
  memory: 'Memory, largest first',
  ttl: 'TTL, soonest first',
};

interface ScanAllControlsProps {
  id: string;
  sort: ScanAllSort;
  noTtlOnly: boolean;
  /** Measured keys the order or filter is over (null in scan order). */
  measured: number | null;
  onSort: (sort: ScanAllSort) => void;
  onNoTtlOnly: (on: boolean) => void;
}

export function ScanAllControls({ id, sort, noTtlOnly, measured, onSort, onNoTtlOnly }: ScanAllControlsProps) {
  const uid = useId();
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm" data-testid="scan-all-controls">
      <div className="w-56">
        <Field label="Order" htmlFor={`${uid}-sort`}>
          <Select id={`${uid}-sort`} value={sort} onChange={(event) => onSort(event.target.value as ScanAllSort)}>
            {(Object.keys(SORT_LABELS) as ScanAllSort[]).map((value) => (
              <option key={value} value={value}>{SORT_LABELS[value]}</option>
            ))}
          </Select>
        </Field>
      </div>
      <label className="flex items-center gap-2 pb-2">
        <input type="checkbox" checked={noTtlOnly} onChange={(event) => onNoTtlOnly(event.target.checked)} className="h-4 w-4 accent-red-700" />
        No TTL only
      </label>
      {measured !== null ? (
        <p className="pb-2 text-slate-600" data-testid="scan-all-measured">
          {noTtlOnly
            ? `Keys without a TTL among ${formatNumber(measured)} measured keys`
            : `Sorted over ${formatNumber(measured)} measured keys`}
          {' '}(rows that have been on screen{noTtlOnly ? '' : '; the rest follow in scan order'}).{' '}
          <Link href={`/instances/${encodeURIComponent(id)}/analysis`} className="text-red-800 underline hover:text-red-900">
            The keyspace analysis
          </Link>{' '}
          answers it for every key.
        </p>
      ) : null}
    </div>
  );
}
