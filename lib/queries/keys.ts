// The one query-key factory: every cache entry and every invalidation goes through it.
import type { Range } from '@/lib/history/types';
import type { AuditFilters } from './audit';

export const queryKeys = {
  instances: () => ['instances'] as const,
  instance: (id: string) => ['instances', id] as const,
  info: (id: string) => ['instances', id, 'info'] as const,
  metrics: (id: string, range: Range) => ['instances', id, 'metrics', range] as const,
  health: (id: string) => ['instances', id, 'health'] as const,
  /** Every audit view, whatever its filters: invalidate this after a mutation. */
  auditAll: () => ['audit'] as const,
  audit: (filters: AuditFilters) => ['audit', filters] as const,
};
