'use client';
// Which namespaces use the memory: a bar per namespace (the biggest first, the rest in one bar)
// and the table of every namespace with keys, memory, share and keys without TTL. A bar or a
// namespace name opens the key browser filtered to that namespace.
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipPayload } from 'recharts';
import type { AnalysisResult } from '@/lib/analysis/types';
import { formatBytes, formatNumber, formatPercent } from '@/lib/format';
import { NamespaceLink } from './browser-link';
import { AXIS_TICK, ChartFigure, RED, TooltipBox } from './chart-figure';
import { OTHER_NAMESPACE } from '@/lib/analysis/namespace';
import { namespaceHref } from './model/browser-links';
import { namespaceChartRows, namespaceRows } from './model/result-view';
import { DataTable, TD_NAME, TD_NUM, TH, TH_NUM, useFirstRows } from './table';
import { AXIS_LINE, CURSOR_FILL, GRID_LINE } from '@/components/charts/chart-colors';

/** Bars shown; more would make the names unreadable. */
const CHART_BARS = 12;
const BAR_ROW_PX = 26;

export function NamespaceMemory({ id, result }: { id: string; result: AnalysisResult }) {
  const router = useRouter();
  const rows = useMemo(() => namespaceRows(result), [result]);
  const bars = useMemo(() => namespaceChartRows(rows, CHART_BARS), [rows]);
  const { shown, toggle } = useFirstRows(rows, 'namespaces');
  const top = rows[0];
  const summary = top
    ? `Memory by namespace: ${bars.map((bar) => `${bar.namespace} ${formatBytes(bar.memoryBytes)}`).join('; ')}.`
    : 'Memory by namespace: no keys.';

  if (rows.length === 0) return <p className="text-sm text-slate-600">No keys were analysed.</p>;
  return (
    <div className="space-y-4">
      <ChartFigure title="Memory by namespace" summary={summary} testId="analysis-namespace-chart">
        <BarChart
          layout="vertical"
          data={bars}
          responsive
          style={{ width: '100%', height: bars.length * BAR_ROW_PX + 40 }}
          margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
        >
          <CartesianGrid stroke={GRID_LINE} horizontal={false} />
          <XAxis type="number" tickFormatter={(value: number) => formatBytes(value)} tick={AXIS_TICK} stroke={AXIS_LINE} />
          <YAxis type="category" dataKey="namespace" width={180} tick={{ ...AXIS_TICK, fontFamily: 'monospace' }} stroke={AXIS_LINE} interval={0} />
          <Tooltip isAnimationActive={false} cursor={{ fill: CURSOR_FILL }} content={({ active, payload }) => <NamespaceTooltip active={active} payload={payload} />} />
          <Bar
            dataKey="memoryBytes"
            name="Memory"
            fill={RED}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(entry: { payload?: { namespace?: string } }) => {
              const href = entry.payload?.namespace ? namespaceHref(id, result.db, entry.payload.namespace) : null;
              if (href && rows.some((row) => row.namespace === entry.payload?.namespace)) router.push(href);
            }}
          />
        </BarChart>
      </ChartFigure>
      {result.namespacesCapped ? (
        <p className="text-sm text-slate-600" data-testid="analysis-namespaces-capped">
          This db has more distinct namespaces than an analysis counts one by one: keys of those met late are in{' '}
          <span className="font-mono">{OTHER_NAMESPACE}</span>.
        </p>
      ) : null}
      <DataTable
        caption="Namespaces by memory"
        data-testid="analysis-namespaces"
        head={
          <>
            <th scope="col" className={TH}>Namespace</th>
            <th scope="col" className={TH_NUM}>Keys</th>
            <th scope="col" className={TH_NUM}>Memory</th>
            <th scope="col" className={TH_NUM}>Share</th>
            <th scope="col" className={TH_NUM}>Without TTL</th>
          </>
        }
      >
        {shown.map((row) => (
          <tr key={row.namespace}>
            <td className={TD_NAME}>
              <NamespaceLink id={id} db={result.db} namespace={row.namespace} />
            </td>
            <td className={TD_NUM}>{formatNumber(row.keys, 0)}</td>
            <td className={TD_NUM}>{formatBytes(row.memoryBytes)}</td>
            <td className={TD_NUM}>{formatPercent(row.share)}</td>
            <td className={TD_NUM}>
              {row.withoutTtl === 0 ? '0' : `${formatNumber(row.withoutTtl, 0)} (${formatBytes(row.withoutTtlBytes)})`}
            </td>
          </tr>
        ))}
      </DataTable>
      {toggle}
    </div>
  );
}

function NamespaceTooltip({ active, payload }: { active: boolean; payload: TooltipPayload }) {
  const row = payload[0]?.payload as { namespace: string; memoryBytes: number; keys: number } | undefined;
  if (!active || !row) return null;
  return <TooltipBox title={row.namespace} lines={[formatBytes(row.memoryBytes), `${formatNumber(row.keys, 0)} keys`]} />;
}
