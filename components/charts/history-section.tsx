// The "History" section of the instance page. Suspense is what Next asks of a client component
// reading useSearchParams (the range lives in the URL).
import { Suspense, useId } from 'react';
import { HistoryCharts, HistoryChartsSkeleton } from './history-charts';

export function HistorySection({ id }: { id: string }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-3" data-testid="history-charts">
      <div>
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          History
        </h2>
        <p className="text-sm text-slate-600">
          What the sampler recorded. Gaps are times Redis was down or Redlens was not running; vertical lines with a
          flag are events (hover one to read it; the events list below has them all). Hover or focus a chart and use
          the arrow keys to read every chart at that moment.
        </p>
      </div>
      <Suspense fallback={<HistoryChartsSkeleton />}>
        <HistoryCharts id={id} />
      </Suspense>
    </section>
  );
}
