// The commands table's sorting: by which column, which way, and what a click on a header does.
// Pure. Most time first is the default (SPEC section 11: the top commands by total time).
import type { CommandRate } from '@/lib/commands/types';

export const SORT_COLUMNS = {
  command: { label: 'Command', value: (row: CommandRate) => row.command },
  calls: { label: 'Calls/s', value: (row: CommandRate) => row.callsPerSec },
  usecPerCall: { label: 'µs per call', value: (row: CommandRate) => row.usecPerCall },
  time: { label: 'Share of time', value: (row: CommandRate) => row.usecPerSec },
  p99: { label: 'p99', value: (row: CommandRate) => row.percentiles?.p99 ?? null },
  failed: { label: 'Failed/s', value: (row: CommandRate) => row.failedPerSec },
  rejected: { label: 'Rejected/s', value: (row: CommandRate) => row.rejectedPerSec },
} as const;

export type SortColumn = keyof typeof SORT_COLUMNS;

export interface CommandSort {
  column: SortColumn;
  descending: boolean;
}

export const DEFAULT_SORT: CommandSort = { column: 'time', descending: true };

/** A click on `column`: the same column turns around; another starts biggest first (names A to Z). */
export function nextSort(current: CommandSort, column: SortColumn): CommandSort {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: column !== 'command' };
}

/** Rows sorted by `sort`; unknown figures (no percentiles on Redis 6) last either way, ties by name. */
export function sortCommands(rows: readonly CommandRate[], sort: CommandSort): CommandRate[] {
  const value = SORT_COLUMNS[sort.column].value;
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? a.command.localeCompare(b.command) : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return order !== 0 ? order * direction : a.command.localeCompare(b.command);
  });
}
