'use client';
// The time range of the history charts, kept in the URL (`?range=7d`) so a link opens the same view.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { HISTORY_RANGES, RANGE_LABELS, type HistoryRange } from '@/lib/time-range';

export function RangeSelector({ value }: { value: HistoryRange }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  function select(range: HistoryRange) {
    // Other parameters of the page stay as they are.
    const params = new URLSearchParams(searchParams.toString());
    params.set('range', range);
    router.push(`${pathname}?${params}`, { scroll: false });
  }

  return (
    <div role="group" aria-label="Time range" className="inline-flex max-w-full flex-wrap rounded-md border border-slate-300 bg-white p-0.5 shadow-sm">
      {HISTORY_RANGES.map((range) => (
        <button
          key={range}
          type="button"
          aria-pressed={range === value}
          aria-label={`Last ${RANGE_LABELS[range].long}`}
          data-testid={`range-${range}`}
          onClick={() => select(range)}
          className="rounded px-2.5 py-1 text-sm font-medium whitespace-nowrap text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-red-700 aria-pressed:bg-red-700 aria-pressed:text-white aria-pressed:hover:bg-red-800"
        >
          {RANGE_LABELS[range].short}
        </button>
      ))}
    </div>
  );
}
