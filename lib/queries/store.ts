'use client';
// The admin-only status of Redlens's own store (GET /api/store), for the shell's banner.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StoreStatus } from '@/lib/api/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './keys';

/** The server checks the store each minute and on every failed write; a poll this often shows it soon enough. */
export const POLL_STORE_MS = 30_000;

export const storeStatusQuery = () =>
  queryOptions({
    queryKey: queryKeys.store(),
    queryFn: ({ signal }) => fetchJson<StoreStatus>('/api/store', { signal }),
    refetchInterval: POLL_STORE_MS,
  });

export function useStoreStatus(options: { enabled: boolean }) {
  return useQuery({ ...storeStatusQuery(), enabled: options.enabled });
}
