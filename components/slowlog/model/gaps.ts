// Where the archive lost entries (rotated out before Redlens read them), placed among the entries.
import { plural } from '@/lib/format';
import type { ArchivedEntry, SlowlogGap } from '@/lib/slowlog/types';

export type ArchiveRow = { kind: 'entry'; entry: ArchivedEntry } | { kind: 'gap'; gap: SlowlogGap };

/**
 * Places each gap among entries sorted newest first: just above the newest entry of its run at or
 * before `afterId` (the last one read before the loss); when that entry is outside the list, below
 * the oldest entry of its run; when the run has no entry listed, by the time it was noticed.
 */
export function placeGaps(entriesNewestFirst: readonly ArchivedEntry[], gaps: readonly SlowlogGap[]): ArchiveRow[] {
  const before = new Map<number, SlowlogGap[]>();
  const atEnd: SlowlogGap[] = [];
  const add = (index: number, gap: SlowlogGap) => {
    if (index < 0 || index >= entriesNewestFirst.length) atEnd.push(gap);
    else before.set(index, [...(before.get(index) ?? []), gap]);
  };
  for (const gap of [...gaps].sort((a, b) => b.recordedAt - a.recordedAt)) {
    const olderInRun = entriesNewestFirst.findIndex((entry) => entry.runId === gap.runId && entry.id <= gap.afterId);
    if (olderInRun !== -1) {
      add(olderInRun, gap);
      continue;
    }
    const lastInRun = entriesNewestFirst.findLastIndex((entry) => entry.runId === gap.runId);
    if (lastInRun !== -1) {
      add(lastInRun + 1, gap);
      continue;
    }
    add(
      entriesNewestFirst.findIndex((entry) => entry.timestamp * 1000 <= gap.recordedAt),
      gap,
    );
  }
  const rows: ArchiveRow[] = [];
  entriesNewestFirst.forEach((entry, index) => {
    for (const gap of before.get(index) ?? []) rows.push({ kind: 'gap', gap });
    rows.push({ kind: 'entry', entry });
  });
  for (const gap of atEnd) rows.push({ kind: 'gap', gap });
  return rows;
}

/** "About 12 entries rotated out unseen" (the time is added where it is shown). */
export const gapSummary = (gap: SlowlogGap) => `About ${plural(gap.missed, 'entry', 'entries')} rotated out unseen`;
