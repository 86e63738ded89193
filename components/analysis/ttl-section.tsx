'use client';
// What has no TTL, and how long the rest has left: the histogram (share of keys and of memory per
// bucket, one axis), its table with the counts, and the namespaces holding keys without a TTL.
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis, type TooltipPayload } from 'recharts';
import type { AnalysisResult } from '@/lib/analysis/types';
import { formatBytes, formatNumber, formatPercent } from '@/lib/format';
import { NamespaceLink } from './browser-link';
import { AXIS_TICK, ChartFigure, RED, SLATE, TooltipBox } from './chart-figure';
import { ttlRows, withoutTtlSummary, type TtlRow } from './model/result-view';
import { DataTable, TD, TD_NAME, TD_NUM, TH, TH_NUM, useFirstRows } from './table';
import { AXIS_LINE, CURSOR_FILL, GRID_LINE } from '@/components/charts/chart-colors';

const CHART_HEIGHT = 200;

export function TtlSection({ id, result }: { id: string; result: AnalysisResult }) {
  const rows = useMemo(() => ttlRows(result), [result]);
  const none = withoutTtlSummary(result);
  const { shown: withoutTtl, toggle } = useFirstRows(result.withoutTtlByNamespace, 'namespaces');
  const summary = `TTL left, share of keys and of memory per bucket: ${rows
    .map((row) => `${row.label} ${formatPercent(row.keysShare)} of keys, ${formatPercent(row.bytesShare)} of memory`)
    .join('; ')}.`;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-800" data-testid="analysis-no-ttl">
        <span className="font-semibold">{formatNumber(none.keys, 0)} keys</span> ({formatPercent(none.share)}) have no TTL, holding{' '}
        <span className="font-semibold">{formatBytes(none.memoryBytes)}</span>.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartFigure title="TTL left" summary={summary} testId="analysis-ttl-chart">
          <BarChart data={rows} responsive style={{ width: '100%', height: CHART_HEIGHT }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={GRID_LINE} vertical={false} />
            <XAxis dataKey="label" tick={AXIS_TICK} stroke={AXIS_LINE} interval={0} />
            <YAxis width={48} domain={[0, 1]} tickFormatter={(value: number) => formatPercent(value, 0)} tick={AXIS_TICK} stroke={AXIS_LINE} />
            <Tooltip isAnimationActive={false} cursor={{ fill: CURSOR_FILL }} content={({ active, payload }) => <TtlTooltip active={active} payload={payload} />} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="keysShare" name="keys" fill={SLATE} isAnimationActive={false} />
            <Bar dataKey="bytesShare" name="memory" fill={RED} isAnimationActive={false} />
          </BarChart>
        </ChartFigure>
        <DataTable
          caption="Keys and memory by TTL left"
          data-testid="analysis-ttl-histogram"
          head={
            <>
              <th scope="col" className={TH}>TTL left</th>
              <th scope="col" className={TH_NUM}>Keys</th>
              <th scope="col" className={TH_NUM}>Memory</th>
            </>
          }
        >
          {rows.map((row) => (
            <tr key={row.bucket}>
              <td className={TD}>{row.label}</td>
              <td className={TD_NUM}>
                {formatNumber(row.keys, 0)} <span className="text-xs text-slate-500">({formatPercent(row.keysShare)})</span>
              </td>
              <td className={TD_NUM}>
                {formatBytes(row.memoryBytes)} <span className="text-xs text-slate-500">({formatPercent(row.bytesShare)})</span>
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
      <h3 className="text-sm font-semibold text-slate-900">Keys without TTL by namespace</h3>
      {result.withoutTtlByNamespace.length === 0 ? (
        <p className="text-sm text-slate-600">Every key analysed has a TTL.</p>
      ) : (
        <DataTable
          caption="Keys without TTL by namespace, most keys first"
          data-testid="analysis-without-ttl"
          head={
            <>
              <th scope="col" className={TH}>Namespace</th>
              <th scope="col" className={TH_NUM}>Keys without TTL</th>
              <th scope="col" className={TH_NUM}>Their memory</th>
            </>
          }
        >
          {withoutTtl.map((row) => (
            <tr key={row.namespace}>
              <td className={TD_NAME}>
                <NamespaceLink id={id} db={result.db} namespace={row.namespace} />
              </td>
              <td className={TD_NUM}>{formatNumber(row.keys, 0)}</td>
              <td className={TD_NUM}>{formatBytes(row.memoryBytes)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {toggle}
    </div>
  );
}

function TtlTooltip({ active, payload }: { active: boolean; payload: TooltipPayload }) {
  const row = payload[0]?.payload as TtlRow | undefined;
  if (!active || !row) return null;
  return (
    <TooltipBox
      title={row.label}
      lines={[`${formatNumber(row.keys, 0)} keys (${formatPercent(row.keysShare)})`, `${formatBytes(row.memoryBytes)} (${formatPercent(row.bytesShare)})`]}
    />
  );
}
