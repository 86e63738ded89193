// One listed key: its name as text (escapes visible, markup inert), type, TTL and memory.
import type { KeyRow } from '@/lib/keys/types';
import { formatBytes, formatMillisAsDuration } from '@/lib/format';
import { TypeBadge } from './type-badge';

export function ttlText(ttlMs: number): string {
  return ttlMs < 0 ? 'no TTL' : formatMillisAsDuration(ttlMs);
}

export function KeyRowContent({ row, name }: { row: KeyRow; name?: string }) {
  return (
    <>
      <span className="min-w-0 flex-1 truncate font-mono text-slate-900" title={row.key}>
        {name ?? row.key}
      </span>
      <TypeBadge type={row.type} />
      <span className="w-24 shrink-0 text-right tabular-nums text-xs text-slate-600">{ttlText(row.ttlMs)}</span>
      <span className="w-20 shrink-0 text-right tabular-nums text-xs text-slate-600">
        {row.memoryBytes === undefined ? '' : formatBytes(row.memoryBytes)}
      </span>
    </>
  );
}

/** Column names above the list; the rows themselves are options of a listbox, not table cells. */
export function KeyRowHeader() {
  return (
    <div aria-hidden="true" className="flex items-center gap-2 px-2 text-xs font-medium text-slate-500">
      <span className="flex-1">Name</span>
      <span className="w-14 text-center">Type</span>
      <span className="w-24 text-right">TTL</span>
      <span className="w-20 text-right">Memory</span>
    </div>
  );
}
