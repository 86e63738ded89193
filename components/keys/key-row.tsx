// One listed key: its name as text (escapes visible, markup inert), type, TTL and memory. A key
// listed by "scan all" has only its name until its row has been on screen: a placeholder until
// then. On a narrow screen the memory column gives the name its room. On a Redis Cluster a row
// also names the master it lives on (its port on a narrow screen, host:port from sm up).
import type { KeyNode, KeyRow } from '@/lib/keys/types';
import { formatBytes, formatMillisAsDuration } from '@/lib/format';
import type { ListedKey } from './model/scan-all';
import { TypeBadge } from './type-badge';

export function ttlText(ttlMs: number): string {
  return ttlMs < 0 ? 'no TTL' : formatMillisAsDuration(ttlMs);
}

const measured = (row: ListedKey): row is KeyRow => row.type !== undefined && row.ttlMs !== undefined;

/** The port of host:port (IPv6 hosts in brackets). */
const portOf = (address: string) => address.slice(address.lastIndexOf(':') + 1);

/** The master a key lives on: `:7001` on a narrow screen, `127.0.0.1:7001` from sm up. */
export function NodeBadge({ node }: { node: KeyNode }) {
  return (
    <span
      className="w-12 shrink-0 truncate text-right font-mono text-xs text-slate-600 sm:w-32"
      title={`on node ${node.address}`}
      data-testid="row-node"
    >
      <span className="sr-only">on node </span>
      <span className="sm:hidden">:{portOf(node.address)}</span>
      <span className="hidden sm:inline">{node.address}</span>
    </span>
  );
}

export function KeyRowContent({ row, name }: { row: ListedKey; name?: string }) {
  return (
    <>
      <span className="min-w-0 flex-1 truncate font-mono text-slate-900" title={row.key} data-testid="row-name">
        {name ?? row.key}
      </span>
      {row.node ? <NodeBadge node={row.node} /> : null}
      {measured(row) ? (
        <>
          <TypeBadge type={row.type} />
          <span className="w-16 shrink-0 text-right tabular-nums text-xs text-slate-600 sm:w-24">{ttlText(row.ttlMs)}</span>
          <span className="hidden w-20 shrink-0 text-right tabular-nums text-xs text-slate-600 sm:inline">
            {row.memoryBytes === undefined ? '' : formatBytes(row.memoryBytes)}
          </span>
        </>
      ) : (
        <span className="w-36 shrink-0 text-right text-xs text-slate-400 sm:w-[15.5rem]" data-testid="row-meta-pending">
          <span aria-hidden="true">· · ·</span>
          <span className="sr-only">type, TTL and memory not read yet</span>
        </span>
      )}
    </>
  );
}

/** Column names above the list; the rows themselves are options of a listbox, not table cells. */
export function KeyRowHeader({ cluster = false }: { cluster?: boolean }) {
  return (
    <div aria-hidden="true" className="flex items-center gap-2 px-2 text-xs font-medium text-slate-500">
      <span className="flex-1">Name</span>
      {cluster ? <span className="w-12 text-right sm:w-32">Node</span> : null}
      <span className="w-14 text-center">Type</span>
      <span className="w-16 text-right sm:w-24">TTL</span>
      <span className="hidden w-20 text-right sm:inline">Memory</span>
    </div>
  );
}
