// One listed key: its name as text (escapes visible, markup inert), type, TTL and memory. A key
// listed by "scan all" has only its name until its row has been on screen: a placeholder until
// then. On a narrow screen the memory column gives the name its room.
import type { KeyRow } from '@/lib/keys/types';
import { formatBytes, formatMillisAsDuration } from '@/lib/format';
import type { ListedKey } from './model/scan-all';
import { TypeBadge } from './type-badge';

export function ttlText(ttlMs: number): string {
  return ttlMs < 0 ? 'no TTL' : formatMillisAsDuration(ttlMs);
}

const measured = (row: ListedKey): row is KeyRow => row.type !== undefined && row.ttlMs !== undefined;

export function KeyRowContent({ row, name }: { row: ListedKey; name?: string }) {
  return (
    <>
      <span className="min-w-0 flex-1 truncate font-mono text-slate-900" title={row.key}>
        {name ?? row.key}
      </span>
      {measured(row) ? (
        <>
          <TypeBadge type={row.type} />
          <span className="w-20 shrink-0 text-right tabular-nums text-xs text-slate-600 sm:w-24">{ttlText(row.ttlMs)}</span>
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
export function KeyRowHeader() {
  return (
    <div aria-hidden="true" className="flex items-center gap-2 px-2 text-xs font-medium text-slate-500">
      <span className="flex-1">Name</span>
      <span className="w-14 text-center">Type</span>
      <span className="w-20 text-right sm:w-24">TTL</span>
      <span className="hidden w-20 text-right sm:inline">Memory</span>
    </div>
  );
}
