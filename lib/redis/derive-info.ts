// Turns parsed INFO sections into the figures an operator reads first. Pure.
import type { DerivedInfo, InfoSection, InfoSections } from '@/lib/api/types';
import { hitRatio } from '@/lib/hit-ratio';
import { keyspaceOf, runIdOf } from './parse/parse-info';

function num(section: InfoSection | undefined, field: string, fallback = 0): number {
  const value = section?.[field];
  return typeof value === 'number' ? value : fallback;
}

function text(section: InfoSection | undefined, field: string, fallback = ''): string {
  const value = section?.[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
}

export function deriveInfo(sections: InfoSections): DerivedInfo {
  const { server, memory, stats, clients, persistence, replication } = sections;
  const maxmemory = num(memory, 'maxmemory');
  const used = num(memory, 'used_memory');
  const hits = num(stats, 'keyspace_hits');
  const misses = num(stats, 'keyspace_misses');
  const keyspace = keyspaceOf(sections);
  const isReplica = text(replication, 'role') === 'slave';

  return {
    version: text(server, 'redis_version', 'unknown'),
    mode: text(server, 'redis_mode', 'standalone'),
    role: isReplica ? 'replica' : 'primary',
    uptimeSeconds: num(server, 'uptime_in_seconds'),
    runId: runIdOf(sections) ?? '',
    memory: {
      usedBytes: used,
      rssBytes: num(memory, 'used_memory_rss'),
      peakBytes: num(memory, 'used_memory_peak'),
      maxmemoryBytes: maxmemory > 0 ? maxmemory : null,
      usedRatio: maxmemory > 0 ? used / maxmemory : null,
      policy: text(memory, 'maxmemory_policy', 'unknown'),
      fragmentationRatio: num(memory, 'mem_fragmentation_ratio'),
      fragmentationBytes: num(memory, 'mem_fragmentation_bytes'),
      totalSystemBytes: num(memory, 'total_system_memory'),
    },
    stats: {
      opsPerSec: num(stats, 'instantaneous_ops_per_sec'),
      totalCommands: num(stats, 'total_commands_processed'),
      keyspaceHits: hits,
      keyspaceMisses: misses,
      hitRatio: hitRatio(hits, misses),
      evictedKeys: num(stats, 'evicted_keys'),
      expiredKeys: num(stats, 'expired_keys'),
      totalConnectionsReceived: num(stats, 'total_connections_received'),
      rejectedConnections: num(stats, 'rejected_connections'),
      inputKbps: num(stats, 'instantaneous_input_kbps'),
      outputKbps: num(stats, 'instantaneous_output_kbps'),
    },
    clients: {
      connected: num(clients, 'connected_clients'),
      blocked: num(clients, 'blocked_clients'),
      max: num(clients, 'maxclients'),
    },
    persistence: {
      loading: num(persistence, 'loading') === 1,
      rdbLastBgsaveOk: text(persistence, 'rdb_last_bgsave_status', 'ok') === 'ok',
      rdbChangesSinceLastSave: num(persistence, 'rdb_changes_since_last_save'),
      rdbLastSaveTime: num(persistence, 'rdb_last_save_time'),
      aofEnabled: num(persistence, 'aof_enabled') === 1,
      aofLastWriteOk: text(persistence, 'aof_last_write_status', 'ok') === 'ok',
    },
    replication: {
      connectedReplicas: num(replication, 'connected_slaves'),
      ...(isReplica && {
        primary: {
          host: text(replication, 'master_host'),
          port: num(replication, 'master_port'),
          linkUp: text(replication, 'master_link_status') === 'up',
          lastIoSecondsAgo: num(replication, 'master_last_io_seconds_ago', -1),
          syncInProgress: num(replication, 'master_sync_in_progress') === 1,
        },
      }),
    },
    keyspace,
    totalKeys: keyspace.reduce((sum, db) => sum + db.keys, 0),
  };
}
