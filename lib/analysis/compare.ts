// Two runs compared per namespace (SPEC section 10): keys and memory then and now. Pure, no
// server imports: the page may compare two results it already holds.
import type { AnalysisResult, NamespaceComparison } from './types';

type Row = NamespaceComparison['namespaces'][number];

/**
 * Every namespace of either run (0 where a run has none of it), the biggest change in memory
 * first (then the most memory now, then the name). Each run lists its top namespaces and folds
 * the rest into `(other)`, so a namespace listed in one run only may sit in the other's
 * `(other)`: compared as it is.
 */
export function compareNamespaces(now: AnalysisResult, then: AnalysisResult, other: { id: string; startedAt: number }): NamespaceComparison {
  const rows = new Map<string, Row>();
  const rowOf = (namespace: string) => {
    let row = rows.get(namespace);
    if (!row) rows.set(namespace, (row = { namespace, keysThen: 0, keysNow: 0, memoryThen: 0, memoryNow: 0 }));
    return row;
  };
  for (const figures of then.namespaces) {
    const row = rowOf(figures.namespace);
    row.keysThen += figures.keys;
    row.memoryThen += figures.memoryBytes;
  }
  for (const figures of now.namespaces) {
    const row = rowOf(figures.namespace);
    row.keysNow += figures.keys;
    row.memoryNow += figures.memoryBytes;
  }
  const change = (row: Row) => Math.abs(row.memoryNow - row.memoryThen);
  const namespaces = [...rows.values()].sort(
    (a, b) => change(b) - change(a) || b.memoryNow - a.memoryNow || (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0),
  );
  return { otherRunId: other.id, otherStartedAt: other.startedAt, namespaces };
}
