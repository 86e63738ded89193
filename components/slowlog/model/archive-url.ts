// The archive view kept in the URL: `?range=7d&q=KEYS&before=<cursor>&own=show`, and the range in words.
import { ARCHIVE_QUERY_MAX_LENGTH, type ArchiveView } from '@/lib/queries/archive-params';
import { ARCHIVE_CURSOR } from '@/lib/slowlog/types';
import { parseShowOwn } from './own-entries';
import { ARCHIVE_RANGES, DEFAULT_ARCHIVE_RANGE, RANGE_LABELS, parseTimeRange, type ArchiveRange } from '@/lib/time-range';

export function parseArchiveView(params: Pick<URLSearchParams, 'get'>): ArchiveView {
  const range = parseTimeRange(params.get('range'), ARCHIVE_RANGES, DEFAULT_ARCHIVE_RANGE);
  const q = params.get('q')?.trim().slice(0, ARCHIVE_QUERY_MAX_LENGTH);
  const before = params.get('before') ?? undefined;
  return { range, ...(q ? { q } : {}), ...(before && ARCHIVE_CURSOR.test(before) ? { before } : {}), ...(parseShowOwn(params) ? { own: true as const } : {}) };
}

/** "the last {words}": the archive says "hour" where the history charts say "1 hour". */
export const archiveRangeWords = (range: ArchiveRange): string => (range === '1h' ? 'hour' : RANGE_LABELS[range].long);
