// The one query-key factory: every cache entry and every invalidation goes through it.
import type { ChangeWindow } from '@/lib/changes/types';
import type { HistoryRange, TimeRange, TimeWindow } from '@/lib/time-range';
import type { ArchiveView } from './archive-params';
import type { AuditFilters, KeyFilters, ValueOptions } from './filters';

export const queryKeys = {
  instances: () => ['instances'] as const,
  /** The overview's one answer (GET /api/fleet): status, health and figures of every instance. */
  fleet: () => ['fleet'] as const,
  instance: (id: string) => ['instances', id] as const,
  info: (id: string) => ['instances', id, 'info'] as const,
  /** The last `range`, or a chosen window (`?from=&to=`) when one is given. */
  metrics: (id: string, range: HistoryRange, window: TimeWindow | null = null) =>
    ['instances', id, 'metrics', range, window?.from ?? null, window?.to ?? null] as const,
  health: (id: string) => ['instances', id, 'health'] as const,
  changes: (id: string, window: ChangeWindow) => ['instances', id, 'changes', window] as const,
  /** The events of the last `range` (the history section's marks, the timeline). */
  events: (id: string, range: TimeRange) => ['instances', id, 'events', range] as const,
  /** The events of a chosen window (the history charts' `?from=&to=`). */
  eventsInWindow: (id: string, window: TimeWindow) => ['instances', id, 'events', 'window', window.from, window.to] as const,
  // The key browser lives outside ['instances', id]: invalidating an instance must not re-run
  // every SCAN page a user has loaded.
  /** Every key listing of an instance, whatever its filters: deletes patch these. */
  keysLists: (id: string) => ['key-browser', id, 'list'] as const,
  keysList: (id: string, filters: KeyFilters) => ['key-browser', id, 'list', filters] as const,
  keyDatabases: (id: string) => ['key-browser', id, 'databases'] as const,
  /** Type, TTL and memory of one visible window of a "scan all" list (POST .../keys/meta). */
  keysMeta: (id: string, db: number, keysB64: readonly string[]) => ['key-browser', id, 'meta', db, keysB64] as const,
  /** One job of an instance (a bulk delete), whatever its kind. */
  job: (id: string, jobId: string) => ['key-browser', id, 'job', jobId] as const,
  keyDetailAll: (id: string, db: number | null, keyB64: string) => ['key-browser', id, 'detail', db, keyB64] as const,
  keyDetail: (id: string, db: number | null, keyB64: string, options: ValueOptions) =>
    ['key-browser', id, 'detail', db, keyB64, options] as const,
  slowlog: (id: string) => ['instances', id, 'slowlog'] as const,
  /** Every archive view of an instance, whatever its range and search: invalidate this after a reset. */
  slowlogArchiveAll: (id: string) => ['instances', id, 'slowlog-archive'] as const,
  slowlogArchive: (id: string, view: ArchiveView) => ['instances', id, 'slowlog-archive', view] as const,
  /** Every read of an instance's keyspace analyses (the runs, each run): invalidate after a start or a stop. */
  analysisAll: (id: string) => ['instances', id, 'analysis'] as const,
  analysisRuns: (id: string) => ['instances', id, 'analysis', 'runs'] as const,
  /** One run, alone or compared with another (`compareTo`). */
  analysisRun: (id: string, runId: string, compareTo: string | null) => ['instances', id, 'analysis', 'run', runId, compareTo] as const,
  /** Who is connected (CLIENT LIST, grouped): invalidate after a kill. */
  clients: (id: string) => ['instances', id, 'clients'] as const,
  /** Commandstats, latencystats and errorstats as rates over the sampler's window. */
  commands: (id: string) => ['instances', id, 'commands'] as const,
  /** PING percentiles and the latency monitor: invalidate after latency-monitor-threshold is set. */
  latency: (id: string) => ['instances', id, 'latency'] as const,
  /** A Redis Cluster's nodes, slots and state with the sampler's figures (GET .../cluster). */
  cluster: (id: string) => ['instances', id, 'cluster'] as const,
  /** The sentinels' view of a Sentinel instance ({sentinel: null} for any other). */
  sentinel: (id: string) => ['instances', id, 'sentinel'] as const,
  /** Every audit view, whatever its filters: invalidate this after a mutation. */
  auditAll: () => ['audit'] as const,
  audit: (filters: AuditFilters) => ['audit', filters] as const,
  store: () => ['store'] as const,
  /** The config audit of one instance: invalidate after an apply. */
  config: (id: string) => ['instances', id, 'config'] as const,
  /** The settings that differ across the fleet. */
  configDrift: () => ['fleet', 'config-drift'] as const,
};
