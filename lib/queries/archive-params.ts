// What the slow log page asks the archive API for (a range, a search, an older page) and the
// query string that asks it, inside the bounds of slowlogArchiveQuerySchema.
import { slowlogArchiveQuerySchema } from '@/lib/slowlog/types';
import type { ArchiveRange, TimeWindow } from '@/lib/time-range';
import { defaultOf, maxLengthOf, maxOf } from './schema-bounds';

const archiveQuery = slowlogArchiveQuerySchema.shape;

/** The archive API's bound on `q`. */
export const ARCHIVE_QUERY_MAX_LENGTH = maxLengthOf(archiveQuery.q);
/** Entries the page shows; the API's default. */
export const ARCHIVE_PAGE_LIMIT = defaultOf(archiveQuery.limit);
/** Entries an export holds: the API's maximum. */
export const ARCHIVE_EXPORT_LIMIT = maxOf(archiveQuery.limit);

export interface ArchiveView {
  /** The preset; with `window`, the shortest preset as long as it (how its times read). */
  range: ArchiveRange;
  /** A chosen window (`?from=<unix ms>&to=<unix ms>`), which wins over the preset. */
  window?: TimeWindow;
  q?: string;
  /** an older page: the API's nextCursor of the page before it */
  before?: string;
  /** Redlens's own entries shown (`own=show`); hidden when absent */
  own?: true;
}

/** Query string of the archive API: only parameters it knows (it refuses others), blanks left out. */
export function archiveApiParams(input: TimeWindow & { q?: string; before?: string; limit: number; format?: 'json' | 'csv'; own?: boolean }): URLSearchParams {
  const params = new URLSearchParams({ from: String(Math.floor(input.from)), to: String(Math.ceil(input.to)) });
  if (input.q) params.set('q', input.q);
  if (input.before) params.set('before', input.before);
  params.set('limit', String(input.limit));
  if (input.format) params.set('format', input.format);
  if (input.own) params.set('own', 'show');
  return params;
}
