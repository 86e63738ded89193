// This run against an earlier one, per namespace: keys and memory then and now, with the change;
// the biggest moves in memory first.
import type { NamespaceComparison } from '@/lib/analysis/types';
import { formatBytes, formatDateTime, formatNumber } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { NamespaceLink } from './browser-link';
import { comparisonRows, comparisonTotals, formatBytesChange, formatKeysChange, type ComparisonRow } from './model/comparison';
import { DataTable, TD_NAME, TD_NUM, TH, TH_NUM } from './table';

const changeTone = (change: number) => (change > 0 ? 'text-red-800' : change < 0 ? 'text-emerald-800' : 'text-slate-500');

export function RunComparison({ id, db, comparison }: { id: string; db: number; comparison: NamespaceComparison }) {
  const rows = comparisonRows(comparison);
  const totals = comparisonTotals(rows);
  return (
    <div className="space-y-3" data-testid="analysis-comparison">
      <p className="text-sm text-slate-800">
        Against the analysis of <time dateTime={new Date(comparison.otherStartedAt).toISOString()}>{formatDateTime(comparison.otherStartedAt)}</time>:{' '}
        {formatNumber(totals.keysThen, 0)} → {formatNumber(totals.keysNow, 0)} keys ({formatKeysChange(totals.keysNow - totals.keysThen)}),{' '}
        {formatBytes(totals.memoryThen)} → {formatBytes(totals.memoryNow)} ({formatBytesChange(totals.memoryNow - totals.memoryThen)}).
      </p>
      <DataTable
        caption="Keys and memory per namespace, then and now"
        head={
          <>
            <th scope="col" className={TH}>Namespace</th>
            <th scope="col" className={TH_NUM}>Keys then</th>
            <th scope="col" className={TH_NUM}>Keys now</th>
            <th scope="col" className={TH_NUM}>Change</th>
            <th scope="col" className={TH_NUM}>Memory then</th>
            <th scope="col" className={TH_NUM}>Memory now</th>
            <th scope="col" className={TH_NUM}>Change</th>
          </>
        }
      >
        {rows.map((row) => (
          <tr key={row.namespace}>
            <td className={TD_NAME}>
              <NamespaceLink id={id} db={db} namespace={row.namespace} /> <KindBadge kind={row.kind} />
            </td>
            <td className={TD_NUM}>{formatNumber(row.keysThen, 0)}</td>
            <td className={TD_NUM}>{formatNumber(row.keysNow, 0)}</td>
            <td className={`${TD_NUM} ${changeTone(row.keysChange)}`}>{formatKeysChange(row.keysChange)}</td>
            <td className={TD_NUM}>{formatBytes(row.memoryThen)}</td>
            <td className={TD_NUM}>{formatBytes(row.memoryNow)}</td>
            <td className={`${TD_NUM} ${changeTone(row.memoryChange)}`}>{formatBytesChange(row.memoryChange)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

function KindBadge({ kind }: { kind: ComparisonRow['kind'] }) {
  if (kind === 'new') return <Badge tone="warn">new</Badge>;
  if (kind === 'gone') return <Badge>gone</Badge>;
  return null;
}
