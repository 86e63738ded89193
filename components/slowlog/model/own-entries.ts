// Whether the slow log page shows Redlens's own entries: `?own=show` in the URL, for both tabs.
import { withParams } from '@/lib/form-params';
import { plural } from '@/lib/format';
import type { OwnEntriesNote } from '@/lib/slowlog/types';

export const parseShowOwn = (params: Pick<URLSearchParams, 'get'>): boolean => params.get('own') === 'show';

/** The page's query string with Redlens's own entries shown or hidden (an archive page starts over). */
export const showOwnQuery = (params: Pick<URLSearchParams, 'toString'>, show: boolean): string =>
  withParams(params, { own: show ? 'show' : undefined, before: undefined });

/** What the toggle says beside itself. */
export function ownEntriesText(own: OwnEntriesNote, where: 'live' | 'archive'): string {
  if (own.shown) return 'Entries sent by Redlens itself are shown, marked “Redlens”.';
  if (own.hidden === 0) return 'Redlens’s own entries are hidden; there are none here.';
  return `${plural(own.hidden, 'entry', 'entries')} sent by Redlens itself ${own.hidden === 1 ? 'is' : 'are'} hidden${where === 'archive' ? ' in this range' : ''}.`;
}
