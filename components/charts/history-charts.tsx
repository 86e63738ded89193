'use client';
// Fetches the history for the range in the URL and picks the state: loading, error, nothing
// recorded yet, or the charts (the previous range stays on screen, dimmed, while a new one loads).
import { useMemo } from 'react';
import { useSearchParams } from 'next/navigation';
import { RANGE_LABELS, parseCustomWindow, parseHistoryRange } from '@/lib/time-range';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useEventsOf } from '@/lib/queries/events';
import { metricsPollMs, useMetrics, type MetricsResult } from '@/lib/queries/history';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { QueryState } from '@/components/ui/query-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { windowWords } from '@/components/ui/window-words';
import { CHART_IDS, chartMarks, chartSpecs } from './chart-specs';
import { FindingsInRange } from './findings-in-range';
import { MetricChart } from './metric-chart';
import { eventMarks } from './model/event-marks';
import { findingBands } from './model/finding-bands';
import { hasAnyValue, toChartRows } from './model/series';
import { RangeSelector } from './range-selector';

const GRID = 'grid grid-cols-1 gap-4 lg:grid-cols-2';

export function HistoryCharts({ id }: { id: string }) {
  const searchParams = useSearchParams();
  const range = parseHistoryRange(searchParams.get('range'));
  // A chosen window (`?from=&to=`) wins over the preset; a malformed one is ignored.
  const window = parseCustomWindow(searchParams.get('from'), searchParams.get('to'));
  const metrics = useMetrics(id, range, window);
  const switching = metrics.isPlaceholderData;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <RangeSelector value={range} window={window} />
        {switching ? (
          <span role="status" className="text-sm text-slate-600">
            Loading {window ? windowWords(window) : `the last ${RANGE_LABELS[range].long}`}…
          </span>
        ) : null}
      </div>
      <QueryState
        query={metrics}
        loading={<ChartGridSkeleton />}
        failed={(error) => (
          <ErrorState title="Cannot load the history" message={error.message} code={errorCodeOf(error)} data-testid="history-error">
            Redlens retries every {metricsPollMs(range) / 1000} s.
          </ErrorState>
        )}
        refreshFailed={{ title: 'Could not refresh the history' }}
        switching={switching}
      >
        {(data) => <HistoryBody id={id} data={data} />}
      </QueryState>
    </div>
  );
}

/** Renders the response it was given; its own range, not the URL's, decides how times read. */
function HistoryBody({ id, data }: { id: string; data: MetricsResult }) {
  const rows = useMemo(() => toChartRows(data.series, data.stepSeconds), [data.series, data.stepSeconds]);
  const bands = useMemo(() => findingBands(data.findings, data.from, data.to), [data.findings, data.from, data.to]);
  const specs = useMemo(() => chartSpecs(data.thresholds), [data.thresholds]);
  // One request for every chart of the section: the events of the range shown.
  const chosen = data.custom ? { from: data.from, to: data.to } : null;
  const events = useEventsOf(id, data.range, chosen);
  const spanWords = chosen ? windowWords(chosen) : `the last ${RANGE_LABELS[data.range].long}`;
  const marks = useMemo(() => eventMarks(events.data?.events ?? [], data.from, data.to), [events.data, data.from, data.to]);

  // The chart frames stay even when nothing was recorded: the page keeps its shape, and the
  // lines appear in place as the sampler fills the range.
  const empty = !hasAnyValue(data.series);
  return (
    <div className="space-y-4">
      {empty ? (
        <EmptyState title="No history yet: the sampler records every 10 s">
          <p>
            Nothing was recorded for this instance in {spanWords}. The charts fill in as
            samples arrive; if Redis is down, they start once it answers.
          </p>
        </EmptyState>
      ) : (
        <FindingsInRange bands={bands} range={data.range} spanWords={spanWords} />
      )}
      {events.isError ? (
        <p className="text-sm text-slate-700" data-testid="event-marks-error">
          The events of this range could not be read{events.data ? '; the marks are the last ones read' : ', so the charts show no event marks'}.
          Redlens retries with the charts.
        </p>
      ) : null}
      <div className={GRID}>
        {specs.map((spec) => (
          <MetricChart
            key={spec.id}
            spec={spec}
            rows={rows}
            series={data.series}
            range={data.range}
            from={data.from}
            to={data.to}
            stepSeconds={data.stepSeconds}
            bands={bands.filter((band) => chartMarks(spec, band.id))}
            events={marks}
            syncId={`history-${id}`}
            explainEmpty={!empty}
            spanWords={spanWords}
          />
        ))}
      </div>
    </div>
  );
}


function ChartGridSkeleton() {
  return (
    <Loading label="Loading history…">
      <div className={GRID}>
        {CHART_IDS.map((id) => (
          <Card key={id} className="space-y-3 p-3">
            <Skeleton className="h-4 w-1/3" />
            <Skeleton className="h-40 w-full" />
          </Card>
        ))}
      </div>
    </Loading>
  );
}

/** The Suspense fallback: the range selector's place and the grid. */
export function HistoryChartsSkeleton() {
  return (
    <div className="space-y-3">
      <Skeleton className="h-8 w-72 max-w-full" />
      <ChartGridSkeleton />
    </div>
  );
}

