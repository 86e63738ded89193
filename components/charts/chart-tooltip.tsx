// The tooltip of a history chart: the point's time and each series' value with its unit, or
// "no data" where the instance was down or not sampled. HTML, drawn by Recharts in its portal.
import type { TooltipPayload } from 'recharts';
import { formatMetricValue } from '@/lib/format';
import type { ChartRow } from './model/series';
import { formatPointTime } from './model/time-axis';
import type { HistoryRange } from '@/lib/time-range';
import type { ChartSpec } from './chart-specs';
import { SeriesSwatch } from './series-swatch';

interface ChartTooltipProps {
  active: boolean;
  payload: TooltipPayload;
  spec: ChartSpec;
  range: HistoryRange;
}

export function ChartTooltip({ active, payload, spec, range }: ChartTooltipProps) {
  // With filterNull off every series is in the payload, and each entry carries the whole row.
  const row = payload[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  const anyValue = spec.series.some((series) => row[series.metric] !== null);
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-slate-900 tabular-nums">{formatPointTime(row.t, range)}</p>
      {anyValue ? (
        <ul className="mt-1 space-y-0.5">
          {spec.series.map((series) => (
            <li key={series.metric} className="flex items-center gap-2">
              <SeriesSwatch series={series} />
              <span className="text-slate-600">{series.label}</span>
              <span className="ml-auto pl-3 font-semibold tabular-nums text-slate-900">
                {formatMetricValue(spec.kind, row[series.metric], spec.unit)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-slate-600">No data: Redis down or not sampled</p>
      )}
    </div>
  );
}
