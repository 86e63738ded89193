// The Prometheus exposition of every instance: INFO-derived gauges and counters from the
// sampler's latest sample, the application's counters (Redlens's own traffic out, SPEC section 8)
// and one gauge per active finding, labelled `redis` with the instance id.
import 'server-only';
import { Counter, Gauge, Registry } from 'prom-client';
import type { InfoSections } from '@/lib/api/types';
import type { HealthResponse } from '@/lib/health/types';
import type { SampleRow } from '@/lib/history/types';
import { deriveInfo } from '@/lib/redis/derive-info';
import type { OwnEffect } from '@/lib/redis/parse/own-lookups';

export interface InstanceSnapshot {
  id: string;
  sections: InfoSections | null;
  row: SampleRow | null;
  health: HealthResponse;
  /** The application's commands, hits and misses summed over every sample since Redlens started (sampler.latest). */
  appTotals: OwnEffect;
}

/**
 * The label naming the Redis. Not `instance`: Prometheus owns that label (the scraped target) and
 * renames an exposed one to `exported_instance` (seen with Prometheus 2.42 scraping /api/metrics).
 */
export const REDIS_LABEL = 'redis';

const stat = (sections: InfoSections, name: string) => {
  const value = sections.stats?.[name];
  return typeof value === 'number' ? value : 0;
};

/** A fresh registry per scrape: values are what the sampler saw last, nothing accumulates here. */
export async function prometheusText(instances: InstanceSnapshot[]): Promise<{ contentType: string; body: string }> {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = [REDIS_LABEL]) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const counter = (name: string, help: string) => new Counter({ name, help, labelNames: [REDIS_LABEL], registers: [registry] });

  const up = gauge('redlens_redis_up', '1 when the last sample of this Redis answered, 0 when it did not');
  const usedMemory = gauge('redlens_redis_memory_used_bytes', 'used_memory');
  const rss = gauge('redlens_redis_memory_rss_bytes', 'used_memory_rss');
  const maxmemory = gauge('redlens_redis_memory_max_bytes', 'maxmemory (0 = no limit)');
  const fragmentation = gauge('redlens_redis_mem_fragmentation_ratio', 'mem_fragmentation_ratio');
  const clients = gauge('redlens_redis_connected_clients', 'connected_clients');
  const blocked = gauge('redlens_redis_blocked_clients', 'blocked_clients');
  const uptime = gauge('redlens_redis_uptime_seconds', 'uptime_in_seconds');
  const keys = gauge('redlens_redis_db_keys', 'keys per database', [REDIS_LABEL, 'db']);
  const expiring = gauge('redlens_redis_db_keys_expiring', 'keys with a TTL per database', [REDIS_LABEL, 'db']);
  const ping = gauge('redlens_redis_ping_p95_seconds', "p95 of Redlens's PING round trips in the last sample");
  const commands = counter('redlens_redis_commands_processed_total', "total_commands_processed as INFO says (Redlens's own commands included)");
  const hits = counter('redlens_redis_keyspace_hits_total', "keyspace_hits as INFO says (Redlens's own lookups included)");
  const misses = counter('redlens_redis_keyspace_misses_total', "keyspace_misses as INFO says (Redlens's own lookups included)");
  // Counted by Redlens from the deltas between its samples, from 0 when it starts (a counter
  // reset to Prometheus); only their rate() means anything, and it is the application's.
  const appCommands = counter('redlens_redis_app_commands_total', "commands the application sent: total_commands_processed less Redlens's own, since Redlens started");
  const appHits = counter('redlens_redis_app_keyspace_hits_total', "keyspace hits of the application: keyspace_hits less Redlens's own lookups, since Redlens started");
  const appMisses = counter('redlens_redis_app_keyspace_misses_total', "keyspace misses of the application: keyspace_misses less Redlens's own lookups, since Redlens started");
  const evicted = counter('redlens_redis_evicted_keys_total', 'evicted_keys');
  const expired = counter('redlens_redis_expired_keys_total', 'expired_keys');
  const finding = gauge('redlens_finding_active', 'a health finding active now (1)', [REDIS_LABEL, 'finding', 'severity']);

  for (const { id, sections, row, health, appTotals } of instances) {
    const labels = { [REDIS_LABEL]: id };
    up.set(labels, row?.up ? 1 : 0);
    // Kept while Redis is down: a counter that vanished and came back would read as a reset.
    appCommands.inc(labels, appTotals.commands);
    appHits.inc(labels, appTotals.hits);
    appMisses.inc(labels, appTotals.misses);
    for (const f of health.findings) finding.set({ [REDIS_LABEL]: id, finding: f.id, severity: f.severity }, 1);
    if (!sections || !row?.up) continue;
    const derived = deriveInfo(sections);
    usedMemory.set(labels, derived.memory.usedBytes);
    rss.set(labels, derived.memory.rssBytes);
    maxmemory.set(labels, derived.memory.maxmemoryBytes ?? 0);
    fragmentation.set(labels, derived.memory.fragmentationRatio);
    clients.set(labels, derived.clients.connected);
    blocked.set(labels, derived.clients.blocked);
    uptime.set(labels, derived.uptimeSeconds);
    if (row.values.pingP95Ms !== null) ping.set(labels, row.values.pingP95Ms / 1000);
    for (const db of derived.keyspace) {
      keys.set({ [REDIS_LABEL]: id, db: String(db.db) }, db.keys);
      expiring.set({ [REDIS_LABEL]: id, db: String(db.db) }, db.expires);
    }
    commands.inc(labels, stat(sections, 'total_commands_processed'));
    hits.inc(labels, stat(sections, 'keyspace_hits'));
    misses.inc(labels, stat(sections, 'keyspace_misses'));
    evicted.inc(labels, stat(sections, 'evicted_keys'));
    expired.inc(labels, stat(sections, 'expired_keys'));
  }
  return { contentType: registry.contentType, body: await registry.metrics() };
}
