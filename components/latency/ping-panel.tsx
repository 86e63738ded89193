'use client';
// The dashboard's PING round trips over the window: p50/p95/p99/max against the guide's 1 ms
// target for 95 %, and their histogram. The figure says in words what the bars show.
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { PingSummary } from '@/lib/commands/types';
import { formatDuration, formatNumber, MISSING } from '@/lib/format';
import { Panel } from '@/components/ui/panel';
import { Stat, StatList } from '@/components/ui/stat';
import { histogramRows, histogramSummary } from './model/chart-rows';
import { AXIS_LINE, AXIS_TICK, CHART_COLOR, CURSOR_FILL, GRID_LINE } from '@/components/charts/chart-colors';

const ms = (value: number | null) => (value === null ? MISSING : `${formatNumber(value, value < 10 ? 3 : 1)} ms`);

export function PingPanel({ pings, windowSeconds }: { pings: PingSummary; windowSeconds: number | null }) {
  const rows = histogramRows(pings);
  const target = `p95 < ${formatNumber(pings.targetP95Ms)} ms`;
  return (
    <Panel title="PING round trips" data-testid="latency-pings">
      <p className="mb-3 text-sm text-slate-600">
        Measured by Redlens&apos;s sampler from this server to Redis
        {windowSeconds ? ` over the last ${formatDuration(Math.round(windowSeconds))}` : ''}: network and Redis together, what an
        application beside Redlens would see.
      </p>
      <StatList columns={3}>
        <Stat label="p50" value={ms(pings.p50Ms)} testId="latency-p50" />
        <Stat label="p95" value={ms(pings.p95Ms)} target={{ text: target, verdict: pings.verdict }} testId="latency-p95" />
        <Stat label="p99" value={ms(pings.p99Ms)} />
        <Stat label="max" value={ms(pings.maxMs)} />
        <Stat label="round trips" value={formatNumber(pings.count, 0)} />
      </StatList>
      <figure className="mt-4" data-testid="latency-histogram">
        <figcaption className="mb-1 text-xs text-slate-600">{histogramSummary(pings)}</figcaption>
        {pings.count > 0 ? (
          <BarChart data={rows} responsive style={{ width: '100%', height: 180 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={GRID_LINE} vertical={false} />
            <XAxis dataKey="label" tick={AXIS_TICK} stroke={AXIS_LINE} interval={0} angle={-20} textAnchor="end" height={48} />
            <YAxis width={40} allowDecimals={false} tick={AXIS_TICK} stroke={AXIS_LINE} />
            <Tooltip isAnimationActive={false} cursor={{ fill: CURSOR_FILL }} formatter={(value) => [formatNumber(Number(value), 0), 'round trips']} />
            <Bar dataKey="count" name="Round trips" isAnimationActive={false}>
              {rows.map((row) => (
                <Cell key={row.label} fill={row.overTarget ? CHART_COLOR.amber : CHART_COLOR.sky} />
              ))}
            </Bar>
          </BarChart>
        ) : null}
      </figure>
    </Panel>
  );
}
