// The audit log, newest first, paged to older entries with `before`. The page keeps its filters
// in its own URL under the same names the API takes, so one pair of functions maps both.
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { AUDIT_OUTCOMES, auditQuerySchema, type AuditOutcome, type AuditResponse } from '@/lib/audit/types';
import { fetchJson } from './fetch-json';
import type { AuditFilters } from './filters';
import { queryKeys } from './keys';
import { defaultOf, maxLengthOf } from './schema-bounds';

export const AUDIT_TEXT_FILTERS = ['actor', 'action', 'instance'] as const;
/** The API's bound on a text filter (auditQuerySchema). */
export const AUDIT_FILTER_MAX_LENGTH = maxLengthOf(auditQuerySchema.shape.actor);
/** Entries a page asks for: the API's default. */
export const AUDIT_PAGE_SIZE = defaultOf(auditQuerySchema.shape.limit);

function isOutcome(value: string | null): value is AuditOutcome {
  return (AUDIT_OUTCOMES as readonly (string | null)[]).includes(value);
}

/** Reads filters from search params; blank text and an unknown outcome mean "any". */
export function parseAuditFilters(params: Pick<URLSearchParams, 'get'>): AuditFilters {
  const filters: AuditFilters = {};
  for (const name of AUDIT_TEXT_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const outcome = params.get('outcome');
  if (isOutcome(outcome)) filters.outcome = outcome;
  return filters;
}

/** Only the set filters: the API answers 400 to a parameter it does not know or an empty one. */
export function auditSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of [...AUDIT_TEXT_FILTERS, 'outcome'] as const) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params;
}

export const hasAuditFilters = (filters: AuditFilters) => auditSearchParams(filters).toString() !== '';

export const auditLogQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: queryKeys.audit(filters),
    queryFn: ({ signal, pageParam }) => {
      const params = auditSearchParams(filters);
      params.set('limit', String(AUDIT_PAGE_SIZE));
      if (pageParam !== undefined) params.set('before', String(pageParam));
      return fetchJson<AuditResponse>(`/api/audit?${params}`, { signal });
    },
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.nextBefore ?? undefined,
  });

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery(auditLogQuery(filters));
}
