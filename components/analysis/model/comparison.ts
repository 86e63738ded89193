// Two runs side by side per namespace (GET ...?compareTo): then, now and the change, the biggest
// moves in memory first, new and vanished namespaces said as such.
import type { NamespaceComparison } from '@/lib/analysis/types';
import { formatBytes, formatNumber } from '@/lib/format';

export interface ComparisonRow {
  namespace: string;
  keysThen: number;
  keysNow: number;
  memoryThen: number;
  memoryNow: number;
  keysChange: number;
  memoryChange: number;
  /** `new`: none then; `gone`: none now. */
  kind: 'new' | 'gone' | 'same' | 'changed';
}

export function comparisonRows(comparison: NamespaceComparison): ComparisonRow[] {
  return comparison.namespaces
    .map((ns) => {
      const keysChange = ns.keysNow - ns.keysThen;
      const memoryChange = ns.memoryNow - ns.memoryThen;
      const kind: ComparisonRow['kind'] =
        ns.keysThen === 0 && ns.keysNow > 0 ? 'new'
          : ns.keysNow === 0 && ns.keysThen > 0 ? 'gone'
            : keysChange === 0 && memoryChange === 0 ? 'same' : 'changed';
      return { ...ns, keysChange, memoryChange, kind };
    })
    .sort((a, b) => Math.abs(b.memoryChange) - Math.abs(a.memoryChange) || Math.abs(b.keysChange) - Math.abs(a.keysChange) || a.namespace.localeCompare(b.namespace));
}

/** A change with its sign always shown: "+1,000 keys", "−4.77 MiB", "±0". */
const sign = (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '±');

export function formatKeysChange(change: number): string {
  return `${sign(change)}${formatNumber(Math.abs(change), 0)} ${Math.abs(change) === 1 ? 'key' : 'keys'}`;
}

export function formatBytesChange(change: number): string {
  return `${sign(change)}${formatBytes(Math.abs(change))}`;
}

/** Both runs' totals over the namespaces compared. */
export function comparisonTotals(rows: ComparisonRow[]) {
  const sum = (pick: (row: ComparisonRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return { keysThen: sum((r) => r.keysThen), keysNow: sum((r) => r.keysNow), memoryThen: sum((r) => r.memoryThen), memoryNow: sum((r) => r.memoryNow) };
}
