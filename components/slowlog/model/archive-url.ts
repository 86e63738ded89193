// The archive view kept in the URL: `?range=7d&q=KEYS&before=<cursor>&own=show`, or a chosen
// window `?from=<unix ms>&to=<unix ms>` instead of the range; the range in words; and the range
// the archive opens on when the URL names none.
import { ARCHIVE_QUERY_MAX_LENGTH, type ArchiveView } from '@/lib/queries/archive-params';
import { ARCHIVE_CURSOR } from '@/lib/slowlog/types';
import { parseShowOwn } from './own-entries';
import {
  ARCHIVE_RANGES,
  DEFAULT_ARCHIVE_RANGE,
  RANGE_LABELS,
  coveringRange,
  parseCustomWindow,
  parseTimeRange,
  type ArchiveRange,
} from '@/lib/time-range';
import { windowWords } from '@/components/ui/window-words';

/** When the URL names no range: the newest entry's time (unix ms; null: none known) and now. */
export interface ArchiveOpening {
  newestAt: number | null;
  now: number;
}

/**
 * The shortest preset that holds the newest entry, so a fresh incident fills the charts instead
 * of being a sliver at the right edge of a day; the last hour when no entry is known.
 */
export function openingRange({ newestAt, now }: ArchiveOpening): ArchiveRange {
  return newestAt === null ? '1h' : coveringRange(now - newestAt, ARCHIVE_RANGES);
}

/** Whether the URL chooses what the archive shows (a known preset, or a window). */
export function archiveRangeChosen(params: Pick<URLSearchParams, 'get'>): boolean {
  return (
    (ARCHIVE_RANGES as readonly string[]).includes(params.get('range') ?? '') || parseCustomWindow(params.get('from'), params.get('to')) !== null
  );
}

export function parseArchiveView(params: Pick<URLSearchParams, 'get'>, opening?: ArchiveOpening): ArchiveView {
  const window = parseCustomWindow(params.get('from'), params.get('to'));
  const fallback = opening && !archiveRangeChosen(params) ? openingRange(opening) : DEFAULT_ARCHIVE_RANGE;
  const range = window ? coveringRange(window.to - window.from, ARCHIVE_RANGES) : parseTimeRange(params.get('range'), ARCHIVE_RANGES, fallback);
  const q = params.get('q')?.trim().slice(0, ARCHIVE_QUERY_MAX_LENGTH);
  const before = params.get('before') ?? undefined;
  return {
    range,
    ...(window ? { window } : {}),
    ...(q ? { q } : {}),
    ...(before && ARCHIVE_CURSOR.test(before) ? { before } : {}),
    ...(parseShowOwn(params) ? { own: true as const } : {}),
  };
}

/** "the last {words}": the archive says "hour" where the history charts say "1 hour". */
export const archiveRangeWords = (range: ArchiveRange): string => (range === '1h' ? 'hour' : RANGE_LABELS[range].long);

/** What the archive shows, after "in": "the last 24 hours", or a chosen window's ends. */
export const archiveSpanWords = (view: Pick<ArchiveView, 'range' | 'window'>): string =>
  view.window ? windowWords(view.window) : `the last ${archiveRangeWords(view.range)}`;
