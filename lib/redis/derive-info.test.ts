import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveInfo } from './derive-info';
import { parseInfo } from './parse/parse-info';

const fixture = (name: string) =>
  parseInfo(readFileSync(path.join(import.meta.dirname, 'parse', 'fixtures', name), 'utf8'));

describe('deriveInfo', () => {
  it('derives the overview figures of a primary with a memory limit', () => {
    const derived = deriveInfo(fixture('info-primary-7.0.txt'));
    expect(derived).toMatchObject({
      version: '7.0.15',
      role: 'primary',
      mode: 'standalone',
      uptimeSeconds: 2,
      memory: {
        usedBytes: 1120200,
        rssBytes: 7049216,
        maxmemoryBytes: 67108864,
        policy: 'allkeys-lru',
        fragmentationRatio: 6.53,
        fragmentationBytes: 5969096,
      },
      stats: { keyspaceHits: 2, keyspaceMisses: 1, opsPerSec: 25, evictedKeys: 0, expiredKeys: 0 },
      clients: { connected: 1, blocked: 0, max: 10000 },
      replication: { connectedReplicas: 1 },
      totalKeys: 75,
    });
    expect(derived.memory.usedRatio).toBeCloseTo(1120200 / 67108864, 10);
    expect(derived.stats.hitRatio).toBeCloseTo(2 / 3, 10);
    expect(derived.replication.primary).toBeUndefined();
    expect(derived.keyspace).toEqual([
      { db: 0, keys: 20, expires: 10, avgTtlMs: 3599081 },
      { db: 1, keys: 25, expires: 12, avgTtlMs: 3599132 },
      { db: 2, keys: 30, expires: 15, avgTtlMs: 3599184 },
    ]);
  });

  it('says "no limit" (null) when maxmemory is 0, and reads a replica link', () => {
    const derived = deriveInfo(fixture('info-replica-7.0.txt'));
    expect(derived.memory.maxmemoryBytes).toBeNull();
    expect(derived.memory.usedRatio).toBeNull();
    expect(derived.role).toBe('replica');
    expect(derived.replication.primary).toMatchObject({ host: '127.0.0.1', linkUp: true, syncInProgress: false });
    expect(derived.totalKeys).toBe(1);
  });

  it('reports failing persistence and loading', () => {
    const derived = deriveInfo(
      parseInfo('# Persistence\nloading:1\nrdb_last_bgsave_status:err\naof_enabled:1\naof_last_write_status:err\n'),
    );
    expect(derived.persistence).toMatchObject({
      loading: true, rdbLastBgsaveOk: false, aofEnabled: true, aofLastWriteOk: false,
    });
  });
});
