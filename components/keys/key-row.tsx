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
