'use client';
// What Redis's own latency monitor recorded: LATENCY LATEST as a table, each event's HISTORY on a
// chart, and LATENCY DOCTOR's advice as Redis wrote it (text, never HTML).
import { CartesianGrid, Legend, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { LatencyEvent } from '@/lib/commands/types';
import { formatClock, formatDateTime, formatNumber } from '@/lib/format';
import { Panel } from '@/components/ui/panel';
import { historySummary } from './model/chart-rows';
import { AXIS_LINE, AXIS_TICK, CHART_PALETTE, GRID_LINE } from '@/components/charts/chart-colors';

const PALETTE = CHART_PALETTE;

export function LatestTable({ events, thresholdMs }: { events: LatencyEvent[]; thresholdMs: number }) {
  return (
    <Panel title="LATENCY LATEST" data-testid="latency-latest">
      {events.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="latency-latest-none">
          {thresholdMs > 0 ? `No event slower than ${formatNumber(thresholdMs, 0)} ms since Redis started or LATENCY RESET.` : 'Nothing recorded: the monitor is off.'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs font-medium text-slate-500">
              <tr>
                <th scope="col" className="px-2 py-2 font-medium">Event</th>
                <th scope="col" className="px-2 py-2 font-medium">Latest</th>
                <th scope="col" className="px-2 py-2 text-right font-medium">Latest ms</th>
                <th scope="col" className="px-2 py-2 text-right font-medium">Worst ms</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {events.map((event) => (
                <tr key={event.event} data-testid="latency-latest-row">
                  <td className="px-2 py-2 font-mono">{event.event}</td>
                  <td className="px-2 py-2">{formatDateTime(event.at)}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{formatNumber(event.latestMs, 0)}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{formatNumber(event.maxMs, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

export function HistoryChart({ events }: { events: LatencyEvent[] }) {
  const series = events.filter((event) => event.history.length > 0);
  return (
    <Panel title="LATENCY HISTORY" data-testid="latency-history">
      <figure>
        <figcaption className="mb-1 text-xs text-slate-600">{historySummary(events)}</figcaption>
        {series.length > 0 ? (
          <ScatterChart responsive style={{ width: '100%', height: 220 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={GRID_LINE} />
            <XAxis dataKey="at" type="number" domain={['dataMin', 'dataMax']} scale="time" tickFormatter={(t: number) => formatClock(t)} tick={AXIS_TICK} stroke={AXIS_LINE} name="time" />
            <YAxis dataKey="ms" type="number" width={48} tick={AXIS_TICK} stroke={AXIS_LINE} name="latency" unit=" ms" />
            <Tooltip isAnimationActive={false} formatter={(value, name) => (name === 'time' ? formatDateTime(Number(value)) : `${formatNumber(Number(value), 0)} ms`)} />
            <Legend />
            {series.map((event, index) => (
              <Scatter key={event.event} name={event.event} data={event.history} fill={PALETTE[index % PALETTE.length]} line isAnimationActive={false} />
            ))}
          </ScatterChart>
        ) : null}
      </figure>
    </Panel>
  );
}

export function DoctorText({ doctor }: { doctor: string }) {
  return (
    <Panel title="LATENCY DOCTOR" data-testid="latency-doctor">
      <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-mono text-xs text-slate-800">{doctor}</pre>
    </Panel>
  );
}
