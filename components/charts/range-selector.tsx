'use client';
// The time range of the history charts, kept in the URL (`?range=7d`).
import { HISTORY_RANGES, RANGE_LABELS, type HistoryRange } from '@/lib/time-range';
import { UrlSwitch } from '@/components/ui/url-switch';

const LABELS = Object.fromEntries(
  HISTORY_RANGES.map((range) => [range, { short: RANGE_LABELS[range].short, long: `Last ${RANGE_LABELS[range].long}` }]),
) as Record<HistoryRange, { short: string; long: string }>;

export function RangeSelector({ value }: { value: HistoryRange }) {
  return <UrlSwitch param="range" value={value} options={HISTORY_RANGES} labels={LABELS} groupLabel="Time range" testIdPrefix="range" />;
}
