'use client';
// The key browser's data layer: its URL state (filters, start cursor, open key, view), one hook
// per endpoint, and the cache edits that keep the list honest after a delete or a 404.
import {
  infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient,
  type InfiniteData, type QueryClient,
} from '@tanstack/react-query';
import { DEFAULT_DELIMITER, DEFAULT_PAGE_KEYS, MAX_DB_INDEX } from '@/lib/keys/constants';
import { parseClusterCursor } from '@/lib/keys/cluster-cursor';
import { escapeGlob, searchPattern } from '@/lib/keys/glob';
import type { DatabasesReply, KeyDeleteReply, KeyDetail, KeyRow, KeysPage, KeyTtlReply } from '@/lib/keys/types';
import { ApiRequestError, fetchJson } from './fetch-json';
import { SEARCH_MODES, type KeyFilters, type ValueOptions } from './filters';
import { queryKeys } from './keys';

export interface KeyBrowserState extends KeyFilters {
  view: 'list' | 'tree';
  delimiter: string;
  /** keyB64 of the open key. */
  key: string | null;
}

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly (string | null)[]).includes(value) ? (value as T) : fallback;

/** Reads the URL; anything malformed falls back to its default (the API checks again). */
export function parseKeyBrowserParams(params: Pick<URLSearchParams, 'get'>): KeyBrowserState {
  const dbText = params.get('db');
  const db = dbText !== null && /^\d{1,4}$/.test(dbText) ? Number(dbText) : null;
  const cursor = params.get('cursor') ?? '0';
  // A Redis Cluster's listing hands out a cursor per master (lib/keys/cluster-cursor.ts).
  const validCursor = /^\d{1,20}$/.test(cursor) || parseClusterCursor(cursor) !== null;
  return {
    db: db !== null && db <= MAX_DB_INDEX ? db : null,
    q: params.get('q') ?? '',
    mode: pick(params.get('mode'), SEARCH_MODES, 'contains'),
    type: params.get('type') ?? '',
    cursor: validCursor ? cursor : '0',
    view: pick(params.get('view'), ['list', 'tree'] as const, 'list'),
    delimiter: params.get('delim') ?? DEFAULT_DELIMITER,
    key: params.get('key'),
  };
}

/** Only what differs from the defaults, so links stay short. */
export function keyBrowserSearch(state: KeyBrowserState): string {
  const params = new URLSearchParams();
  if (state.db !== null) params.set('db', String(state.db));
  if (state.q) params.set('q', state.q);
  if (state.mode !== 'contains') params.set('mode', state.mode);
  if (state.type) params.set('type', state.type);
  if (state.cursor !== '0') params.set('cursor', state.cursor);
  if (state.view !== 'list') params.set('view', state.view);
  if (state.delimiter !== DEFAULT_DELIMITER) params.set('delim', state.delimiter);
  if (state.key) params.set('key', state.key);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The SCAN MATCH pattern for a search box in a mode. */
export function matchFor(filters: Pick<KeyFilters, 'q' | 'mode'>): string | undefined {
  if (filters.q === '') return undefined;
  return filters.mode === 'exact' ? escapeGlob(filters.q) : searchPattern(filters.q, filters.mode === 'contains');
}

const base = (id: string) => `/api/instances/${encodeURIComponent(id)}`;

/** The db parameter of a request: absent leaves it to the instance's default db. */
const dbParams = (db: number | null): Record<string, string> => (db === null ? {} : { db: String(db) });

export const keysQuery = (id: string, filters: KeyFilters, enabled = true) =>
  infiniteQueryOptions({
    queryKey: queryKeys.keysList(id, filters),
    initialPageParam: filters.cursor,
    enabled,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ ...dbParams(filters.db), cursor: pageParam, count: String(DEFAULT_PAGE_KEYS) });
      const match = matchFor(filters);
      if (match !== undefined) params.set('match', match);
      if (filters.type) params.set('type', filters.type);
      return fetchJson<KeysPage>(`${base(id)}/keys?${params}`, { signal });
    },
    getNextPageParam: (page: KeysPage) => (page.done ? undefined : page.cursor),
    // A listing is a snapshot the user extends by hand: never refetch it behind their back.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/** `enabled` false while the db to list is not known yet (the instance's default comes with its databases). */
export function useKeys(id: string, filters: KeyFilters, enabled = true) {
  return useInfiniteQuery(keysQuery(id, filters, enabled));
}

export const databasesQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.keyDatabases(id),
    queryFn: ({ signal }) => fetchJson<DatabasesReply>(`${base(id)}/keys/databases`, { signal }),
    staleTime: 60_000,
  });

export function useDatabases(id: string) {
  return useQuery(databasesQuery(id));
}

/** Where the next page of a value starts, from the page before; undefined at the end. */
export function nextValuePage(detail: KeyDetail): Record<string, string> | undefined {
  const value = detail.value;
  switch (value.kind) {
    case 'string':
      return value.truncated ? { offset: String(value.offset + value.bytes) } : undefined;
    case 'hash':
    case 'set':
      return value.done ? undefined : { cursor: value.cursor };
    case 'list':
      return value.truncated ? { offset: String(value.offset + value.items.length) } : undefined;
    case 'zset':
      return value.truncated ? { offset: String(value.offset + value.members.length) } : undefined;
    case 'stream':
      if (value.next === undefined) return undefined;
      return value.order === 'desc' ? { end: value.next } : { start: value.next };
    // 'too-large': nothing of the page was read, so there is nothing to continue from.
    default:
      return undefined;
  }
}

/** Removes a key from every listing of the instance (deleted, or found gone), or patches its row. */
export function patchListedKey(client: QueryClient, id: string, keyB64: string, patch: Partial<KeyRow> | null): void {
  client.setQueriesData<InfiniteData<KeysPage, string>>({ queryKey: queryKeys.keysLists(id) }, (data) => {
    if (!data) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        keys: patch === null
          ? page.keys.filter((row) => row.keyB64 !== keyB64)
          : page.keys.map((row) => (row.keyB64 === keyB64 ? { ...row, ...patch } : row)),
      })),
    };
  });
}

export function useKeyDetail(id: string, db: number | null, keyB64: string, options: ValueOptions) {
  const client = useQueryClient();
  return useInfiniteQuery({
    queryKey: queryKeys.keyDetail(id, db, keyB64, options),
    initialPageParam: {} as Record<string, string>,
    queryFn: async ({ pageParam, signal }) => {
      const params = new URLSearchParams({ ...dbParams(db), keyB64 });
      for (const [name, value] of Object.entries(options)) if (value !== undefined && value !== '') params.set(name, String(value));
      for (const [name, value] of Object.entries(pageParam)) params.set(name, value);
      try {
        const detail = await fetchJson<KeyDetail>(`${base(id)}/key?${params}`, { signal });
        // The list may be older than this read: a changed type or TTL shows in the row too.
        patchListedKey(client, id, keyB64, { type: detail.type, ttlMs: detail.ttlMs });
        return detail;
      } catch (error) {
        if (error instanceof ApiRequestError && error.code === 'NOT_FOUND') patchListedKey(client, id, keyB64, null);
        throw error;
      }
    },
    getNextPageParam: nextValuePage,
    refetchOnWindowFocus: false,
  });
}

export function useDeleteKey(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ db, keyB64 }: { db: number; keyB64: string }) =>
      fetchJson<KeyDeleteReply>(`${base(id)}/key?${new URLSearchParams({ db: String(db), keyB64 })}`, { method: 'DELETE' }),
    onSuccess: (_reply, { keyB64 }) => {
      patchListedKey(client, id, keyB64, null);
      void client.invalidateQueries({ queryKey: queryKeys.auditAll() });
    },
    onError: (error, { keyB64 }) => {
      // Already gone: the list should not show it either.
      if (error instanceof ApiRequestError && error.code === 'NOT_FOUND') patchListedKey(client, id, keyB64, null);
    },
  });
}

export function useSetTtl(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { db: number; keyB64: string; ttlMs: number }) =>
      fetchJson<KeyTtlReply>(`${base(id)}/key`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    onSuccess: (reply, { db, keyB64 }) => {
      patchListedKey(client, id, keyB64, { ttlMs: reply.ttlMs });
      void client.invalidateQueries({ queryKey: queryKeys.keyDetailAll(id, db, keyB64) });
      void client.invalidateQueries({ queryKey: queryKeys.auditAll() });
    },
  });
}
