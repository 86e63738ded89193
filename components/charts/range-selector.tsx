'use client';
// The time range of the history charts, kept in the URL: a preset (`?range=7d`) or a chosen
// window (`?from=<unix ms>&to=<unix ms>`), which a preset replaces.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { HISTORY_RANGES, RANGE_LABELS, type HistoryRange, type TimeWindow } from '@/lib/time-range';
import { CustomRange } from '@/components/ui/custom-range';
import { UrlSwitch } from '@/components/ui/url-switch';

const LABELS = Object.fromEntries(
  HISTORY_RANGES.map((range) => [range, { short: RANGE_LABELS[range].short, long: `Last ${RANGE_LABELS[range].long}` }]),
) as Record<HistoryRange, { short: string; long: string }>;

/** The URL parameters of a chosen window. */
export const WINDOW_PARAMS = ['from', 'to'] as const;

export function RangeSelector({ value, window }: { value: HistoryRange; window: TimeWindow | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  function choose(chosen: TimeWindow) {
    const params = new URLSearchParams(searchParams.toString());
    params.delete('range');
    params.set('from', String(chosen.from));
    params.set('to', String(chosen.to));
    router.push(`${pathname}?${params}`, { scroll: false });
  }

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <UrlSwitch
        param="range"
        value={window ? null : value}
        clears={WINDOW_PARAMS}
        options={HISTORY_RANGES}
        labels={LABELS}
        groupLabel="Time range"
        testIdPrefix="range"
      />
      <CustomRange value={window} preset={value} onApply={choose} testIdPrefix="history-range" />
    </div>
  );
}
