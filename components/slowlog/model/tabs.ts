// The page's two views, kept in the URL: `?view=archive`, live without it.

export const SLOWLOG_TABS = ['live', 'archive'] as const;
export type SlowlogTab = (typeof SLOWLOG_TABS)[number];

export const parseSlowlogTab = (params: Pick<URLSearchParams, 'get'>): SlowlogTab =>
  params.get('view') === 'archive' ? 'archive' : 'live';
