// What a listing asks for, as the query-key factory (./keys.ts) and the hooks both need it: the
// shapes live here so keys.ts imports no hook module.
import type { AuditQuery } from '@/lib/audit/types';

/** The audit log's filters: the API's names, only the set ones. */
export type AuditFilters = Partial<Pick<AuditQuery, 'actor' | 'action' | 'instance' | 'outcome'>>;

export const SEARCH_MODES = ['contains', 'exact', 'glob'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/** What the key listing asks for; also part of its cache key. */
export interface KeyFilters {
  /** null: the instance's default db (the /db of its URL), which the server picks. */
  db: number | null;
  q: string;
  mode: SearchMode;
  type: string;
  /** The SCAN cursor the view starts from ("0": the beginning). */
  cursor: string;
}

/** Per-type options of a value read (field filter, order, score range); part of the cache key. */
export interface ValueOptions {
  match?: string;
  by?: 'rank' | 'score';
  min?: string;
  max?: string;
  order?: 'asc' | 'desc';
}
