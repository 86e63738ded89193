'use client';
// Two charts of the archive over the chosen range: slow entries per minute (or per wider bucket
// on long ranges) and the time spent per fingerprint, stacked. Each figure also says in words
// what it shows, for screen readers and for anyone who cannot tell the colours apart.
import { useMemo, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipPayload } from 'recharts';
import type { SlowlogArchiveResponse } from '@/lib/slowlog/types';
import { bucketStepMs } from '@/lib/slowlog/buckets';
import type { TimeWindow } from '@/lib/time-range';
import { formatDateTime, formatNumber, plural } from '@/lib/format';
import {
  countsPerBucket,
  formatBucketTick,
  formatStep,
  timeByFingerprintRows,
  type CountRow,
  type FingerprintSeries,
  type TimeRow,
} from './model/chart-buckets';
import { formatMicros, formatMicrosShort } from './model/durations';
import { AXIS_LINE, AXIS_TICK, CHART_COLOR, CHART_PALETTE, CURSOR_FILL, GRID_LINE } from '@/components/charts/chart-colors';

const CHART_HEIGHT = 190;
const RED = CHART_COLOR.red;
/** Distinct hues for up to nine series (eight fingerprints and "other"), in ranking order. */
const PALETTE = CHART_PALETTE;
const OTHER = 'other';

interface ArchiveChartsProps {
  analysis: SlowlogArchiveResponse['analysis'];
  span: TimeWindow;
  /** "24 hours": the range in words. */
  spanWords: string;
}

export function ArchiveCharts({ analysis, span, spanWords }: ArchiveChartsProps) {
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <EntriesPerBucket perMinute={analysis.perMinute} minStepMs={analysis.timeByFingerprint.stepSeconds * 1000} span={span} spanWords={spanWords} />
      <TimeByFingerprint data={analysis.timeByFingerprint} span={span} spanWords={spanWords} />
    </div>
  );
}

function EntriesPerBucket({
  perMinute,
  minStepMs,
  span,
  spanWords,
}: {
  perMinute: Array<[number, number]>;
  /** the server's bucket: a long range is counted per hour, never finer */
  minStepMs: number;
  span: TimeWindow;
  spanWords: string;
}) {
  const rangeMs = span.to - span.from;
  const stepMs = Math.max(bucketStepMs(rangeMs), minStepMs);
  const rows = useMemo(() => countsPerBucket(perMinute, span, stepMs), [perMinute, span, stepMs]);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const peak = rows.reduce<CountRow | null>((max, row) => (max === null || row.count > max.count ? row : max), null);
  const title = `Slow entries per ${stepMs === 60_000 ? 'minute' : formatStep(stepMs)}`;
  const summary =
    total === 0
      ? `${title} over ${spanWords}: none.`
      : `${title} over ${spanWords}: ${plural(total, 'entry', 'entries')} in all, at most ${formatNumber(peak?.count ?? 0, 0)} in one ${formatStep(stepMs)} bucket, from ${formatDateTime(peak?.t ?? 0)}.`;

  return (
    <ChartFigure title={title} summary={summary} testId="slowlog-chart-per-minute">
      {total === 0 ? (
        <NoData />
      ) : (
        <BarChart data={rows} responsive style={{ width: '100%', height: CHART_HEIGHT }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID_LINE} vertical={false} />
          <XAxis
            dataKey="t"
            tickFormatter={(t: number) => formatBucketTick(t, rangeMs)}
            tick={AXIS_TICK}
            stroke={AXIS_LINE}
            minTickGap={24}
          />
          <YAxis width={44} allowDecimals={false} tick={AXIS_TICK} stroke={AXIS_LINE} />
          <Tooltip
            isAnimationActive={false}
            cursor={{ fill: CURSOR_FILL }}
            content={({ active, payload }) => <CountTooltip active={active} payload={payload} stepMs={stepMs} />}
          />
          <Bar dataKey="count" name="Slow entries" fill={RED} isAnimationActive={false} />
        </BarChart>
      )}
    </ChartFigure>
  );
}

function TimeByFingerprint({
  data,
  span,
  spanWords,
}: {
  data: SlowlogArchiveResponse['analysis']['timeByFingerprint'];
  span: TimeWindow;
  spanWords: string;
}) {
  const rangeMs = span.to - span.from;
  const stepMs = Math.max(bucketStepMs(rangeMs), data.stepSeconds * 1000);
  const { series, rows } = useMemo(() => timeByFingerprintRows(data, span, stepMs), [data, span, stepMs]);
  const totals = series
    .map((s) => ({ series: s, micros: rows.reduce((sum, row) => sum + (row[s.key] ?? 0), 0) }))
    .filter((entry) => entry.micros > 0);
  const title = 'Time in slow commands by fingerprint';
  const summary =
    totals.length === 0
      ? `${title} over ${spanWords}: none.`
      : `${title} over ${spanWords}, per ${formatStep(stepMs)}: ${totals
          .map((entry) => `${fingerprintName(entry.series)} ${formatMicros(entry.micros)}`)
          .join('; ')}.`;

  return (
    <ChartFigure title={title} summary={summary} testId="slowlog-chart-by-fingerprint">
      {totals.length === 0 ? (
        <NoData />
      ) : (
        <>
          <BarChart data={rows} responsive style={{ width: '100%', height: CHART_HEIGHT }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={GRID_LINE} vertical={false} />
            <XAxis
              dataKey="t"
              tickFormatter={(t: number) => formatBucketTick(t, rangeMs)}
              tick={AXIS_TICK}
              stroke={AXIS_LINE}
              minTickGap={24}
            />
            <YAxis width={56} tickFormatter={(value: number) => formatMicrosShort(value)} tick={AXIS_TICK} stroke={AXIS_LINE} />
            <Tooltip
              isAnimationActive={false}
              cursor={{ fill: CURSOR_FILL }}
              content={({ active, payload }) => <TimeTooltip active={active} payload={payload} series={series} stepMs={stepMs} />}
            />
            {series.map((s, index) => (
              <Bar key={s.key} dataKey={s.key} name={fingerprintName(s)} stackId="time" fill={colorOf(index)} isAnimationActive={false} />
            ))}
          </BarChart>
          <ul className="mt-2 space-y-0.5 text-xs text-slate-700">
            {totals.map(({ series: s, micros }) => (
              <li key={s.key} className="flex items-start gap-2">
                <Swatch color={colorOf(series.indexOf(s))} />
                <span className="min-w-0 flex-1 font-mono break-all">{fingerprintName(s)}</span>
                <span className="tabular-nums text-slate-900">{formatMicros(micros)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </ChartFigure>
  );
}

function ChartFigure({ title, summary, testId, children }: { title: string; summary: string; testId: string; children: ReactNode }) {
  return (
    <figure data-testid={testId} aria-label={summary} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <figcaption>
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      </figcaption>
      <div className="mt-2">{children}</div>
    </figure>
  );
}

function NoData() {
  return (
    <p className="flex items-center justify-center rounded bg-slate-50 px-3 text-center text-sm text-slate-500" style={{ height: CHART_HEIGHT }}>
      No slow entries in this range.
    </p>
  );
}

function CountTooltip({ active, payload, stepMs }: { active: boolean; payload: TooltipPayload; stepMs: number }) {
  const row = payload[0]?.payload as CountRow | undefined;
  if (!active || !row) return null;
  return (
    <TooltipBox t={row.t} stepMs={stepMs}>
      <p className="mt-1 font-semibold tabular-nums text-slate-900">{plural(row.count, 'slow entry', 'slow entries')}</p>
    </TooltipBox>
  );
}

function TimeTooltip({
  active,
  payload,
  series,
  stepMs,
}: {
  active: boolean;
  payload: TooltipPayload;
  series: FingerprintSeries[];
  stepMs: number;
}) {
  const row = payload[0]?.payload as TimeRow | undefined;
  if (!active || !row) return null;
  const present = series.map((s, index) => ({ s, index, micros: row[s.key] ?? 0 })).filter((entry) => entry.micros > 0);
  return (
    <TooltipBox t={row.t} stepMs={stepMs}>
      {present.length === 0 ? (
        <p className="mt-1 text-slate-600">No slow entries</p>
      ) : (
        <ul className="mt-1 space-y-0.5">
          {present.map(({ s, index, micros }) => (
            <li key={s.key} className="flex items-center gap-2">
              <Swatch color={colorOf(index)} />
              <span className="max-w-[16rem] truncate font-mono text-slate-700">{fingerprintName(s)}</span>
              <span className="ml-auto pl-3 font-semibold tabular-nums text-slate-900">{formatMicros(micros)}</span>
            </li>
          ))}
        </ul>
      )}
    </TooltipBox>
  );
}

function TooltipBox({ t, stepMs, children }: { t: number; stepMs: number; children: ReactNode }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium tabular-nums text-slate-900">
        {formatDateTime(t)} <span className="font-normal text-slate-500">({formatStep(stepMs)})</span>
      </p>
      {children}
    </div>
  );
}

function Swatch({ color }: { color: string }) {
  return <span aria-hidden="true" className="mt-0.5 inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ backgroundColor: color }} />;
}

const colorOf = (index: number) => PALETTE[index % PALETTE.length]!;
const fingerprintName = (series: FingerprintSeries) => (series.fingerprint === OTHER ? 'other fingerprints' : series.fingerprint);
