'use client';
// One history chart: title with the current value, a legend with each series' latest value,
// and the lines over the range with the target line, the findings that fired and the events.
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMetricValue } from '@/lib/format';
import { RANGE_LABELS } from '@/lib/time-range';
import type { EventMark } from './model/event-marks';
import type { FindingBand } from './model/finding-bands';
import { seriesStats, type ChartRow, type SeriesStats } from './model/series';
import { formatPointTime, formatTimeTick, timeTicks } from './model/time-axis';
import { byteTicks, formatAxisValue } from './model/value-axis';
import type { Metric, Point } from '@/lib/history/types';
import type { HistoryRange } from '@/lib/time-range';
import type { ChartSpec, SeriesSpec } from './chart-specs';
import { AXIS_LINE, AXIS_TICK, CURSOR_LINE, GRID_LINE, SEVERITY_COLOR, TARGET_LABEL, TARGET_LINE } from './chart-colors';
import { ChartTooltip } from './chart-tooltip';
import { renderEventMark, type LineProps } from './event-mark';
import { SeriesSwatch } from './series-swatch';

const CHART_HEIGHT = 170;
/** One width for every y axis, so the plot areas of the charts line up above each other. */
const Y_AXIS_WIDTH = 64;

interface MetricChartProps {
  spec: ChartSpec;
  /** The rows of every chart on the page: synced tooltips match charts by row index. */
  rows: ChartRow[];
  series: Record<Metric, Point[]>;
  range: HistoryRange;
  from: number;
  to: number;
  stepSeconds: number;
  /** Findings of this chart's rules in the range. */
  bands: FindingBand[];
  /** Events in the range (restarts, config changes...): a vertical mark each, on every chart. */
  events?: EventMark[];
  syncId: string;
  /** Say why this chart alone is empty (off when nothing at all was recorded: the page says so). */
  explainEmpty?: boolean;
  /** What the chart covers, after "over": "the last 1 hour" (the default), or a chosen window's ends. */
  spanWords?: string;
}

export function MetricChart({ spec, rows, series, range, from, to, stepSeconds, bands, events = [], syncId, explainEmpty = true, spanWords = `the last ${RANGE_LABELS[range].long}` }: MetricChartProps) {
  const stats = spec.series.map((s) => ({ series: s, stats: seriesStats(series[s.metric]) }));
  const primary = stats[0]?.stats ?? seriesStats([]);
  const hasData = stats.some((entry) => entry.stats.count > 0);
  const formatValue = (value: number | null | undefined) => formatMetricValue(spec.kind, value, spec.unit);
  const yTicks = spec.kind === 'bytes' ? byteTicks(Math.max(0, ...stats.map((entry) => entry.stats.max ?? 0))) : undefined;
  const yDomain = spec.domain ?? (yTicks ? [0, yTicks[yTicks.length - 1] ?? 0] : [0, 'auto']);

  return (
    <figure
      data-testid={`chart-${spec.id}`}
      data-points={primary.count}
      aria-label={chartSummary(spec, stats, spanWords, bands.length, events)}
      data-events={events.length}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      <figcaption>
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <h3 className="text-sm font-semibold text-slate-900">{spec.title}</h3>
          <CurrentValue latest={primary.latest} text={formatValue(primary.latest?.value)} to={to} stepSeconds={stepSeconds} range={range} />
        </div>
        {spec.series.length > 1 ? (
          <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600">
            {stats.map(({ series: s, stats: st }) => (
              <li key={s.metric} className="flex items-center gap-1.5">
                <SeriesSwatch series={s} />
                {s.label}
                <span className="font-medium tabular-nums text-slate-900">{formatValue(st.latest?.value)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </figcaption>

      {hasData ? (
        <div className="mt-2">
          <ComposedChart
            data={rows}
            syncId={syncId}
            responsive
            style={{ width: '100%', height: CHART_HEIGHT }}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          >
            <CartesianGrid stroke={GRID_LINE} vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              domain={[from, to]}
              ticks={timeTicks(from, to, range)}
              allowDataOverflow
              tickFormatter={(t: number) => formatTimeTick(t, range)}
              tick={AXIS_TICK}
              stroke={AXIS_LINE}
              minTickGap={16}
            />
            <YAxis
              width={Y_AXIS_WIDTH}
              domain={yDomain}
              ticks={yTicks}
              allowDataOverflow={spec.domain !== undefined}
              tickFormatter={(value: number) => formatAxisValue(spec.kind, value)}
              tick={AXIS_TICK}
              stroke={AXIS_LINE}
            />
            <Tooltip
              isAnimationActive={false}
              filterNull={false}
              cursor={{ stroke: CURSOR_LINE }}
              content={({ active, payload }) => <ChartTooltip active={active} payload={payload} spec={spec} range={range} />}
            />
            {bands.map((band) => (
              <ReferenceArea
                key={`area-${band.key}`}
                x1={band.x1}
                x2={band.x2}
                fill={SEVERITY_COLOR[band.severity]}
                fillOpacity={0.12}
                ifOverflow="hidden"
              />
            ))}
            {bands
              .filter((band) => band.startsInRange)
              .map((band) => (
                <ReferenceLine
                  key={`start-${band.key}`}
                  x={band.startedAt}
                  stroke={SEVERITY_COLOR[band.severity]}
                  strokeDasharray="3 3"
                  ifOverflow="hidden"
                />
              ))}
            {events.map((mark) => (
              <ReferenceLine
                key={`event-${mark.key}`}
                x={mark.at}
                ifOverflow="hidden"
                shape={(props: LineProps) => renderEventMark(mark, props)}
              />
            ))}
            {spec.target ? (
              <ReferenceLine
                y={spec.target.value}
                stroke={TARGET_LINE}
                strokeDasharray="6 4"
                // The target always shows, even when the data stays far from it: that distance is the news.
                ifOverflow="extendDomain"
                label={{ value: spec.target.label, position: 'insideTopRight', fontSize: 10, fill: TARGET_LABEL }}
              />
            ) : null}
            {spec.series.map((s) => drawSeries(s))}
          </ComposedChart>
        </div>
      ) : (
        <p className="mt-2 flex items-center justify-center rounded bg-slate-50 px-3 text-center text-sm text-slate-500" style={{ height: CHART_HEIGHT }}>
          No data in this range.{explainEmpty && spec.emptyHint ? ` ${spec.emptyHint}` : ''}
        </p>
      )}
    </figure>
  );
}

function drawSeries(series: SeriesSpec) {
  const shared = {
    dataKey: series.metric,
    name: series.label,
    stroke: series.color,
    strokeWidth: 1.5,
    type: 'linear' as const,
    dot: false,
    activeDot: { r: 3 },
    connectNulls: false,
    isAnimationActive: false,
  };
  if (series.draw === 'area') {
    return <Area key={series.metric} {...shared} fill={series.color} fillOpacity={0.12} />;
  }
  return <Line key={series.metric} {...shared} strokeDasharray={series.draw === 'dashed' ? '5 4' : undefined} />;
}

interface CurrentValueProps {
  latest: SeriesStats['latest'];
  text: string;
  to: number;
  stepSeconds: number;
  range: HistoryRange;
}

/** The latest value; when it is older than a few steps (Redis down now), also when it was. */
function CurrentValue({ latest, text, to, stepSeconds, range }: CurrentValueProps) {
  if (!latest) return <p className="text-sm text-slate-500">no data</p>;
  const old = to - latest.t > 3 * stepSeconds * 1000;
  return (
    <p className="text-base font-semibold tabular-nums text-slate-900">
      <span className="sr-only">{old ? 'Last value: ' : 'Now: '}</span>
      {text}
      {old ? <span className="ml-1 text-xs font-normal text-slate-500">at {formatPointTime(latest.t, range)}</span> : null}
    </p>
  );
}

function chartSummary(
  spec: ChartSpec,
  stats: { series: SeriesSpec; stats: SeriesStats }[],
  spanWords: string,
  findings: number,
  events: EventMark[],
): string {
  const parts = stats.map(({ series, stats: st }) =>
    st.count === 0
      ? `${series.label}: no data`
      : `${series.label} now ${formatMetricValue(spec.kind, st.latest?.value, spec.unit)}, ` +
        `lowest ${formatMetricValue(spec.kind, st.min, spec.unit)}, highest ${formatMetricValue(spec.kind, st.max, spec.unit)}`,
  );
  const target = spec.target ? ` Target line: ${spec.target.label}.` : '';
  const marked = findings > 0 ? ` ${findings} finding${findings === 1 ? '' : 's'} marked.` : '';
  const happened = events.length > 0 ? ` Events marked: ${events.map((mark) => mark.label).join('; ')}.` : '';
  return `${spec.title} over ${spanWords}. ${parts.join('; ')}.${target}${marked}${happened}`;
}
