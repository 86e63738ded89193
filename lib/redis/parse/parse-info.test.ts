import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InfoParseError, parseInfo } from './parse-info';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('parseInfo on a Redis 7.0 primary', () => {
  const info = parseInfo(fixture('info-primary-7.0.txt'));

  it('names every section in lower case', () => {
    expect(Object.keys(info)).toEqual([
      'server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'modules',
      'commandstats', 'errorstats', 'latencystats', 'cluster', 'keyspace',
    ]);
  });

  it('reads numbers as numbers and text as text', () => {
    expect(info.server?.redis_version).toBe('7.0.15');
    expect(info.server?.uptime_in_seconds).toBe(2);
    expect(info.memory?.maxmemory).toBe(67108864);
    expect(info.memory?.maxmemory_policy).toBe('allkeys-lru');
    expect(info.memory?.mem_fragmentation_ratio).toBe(6.53);
    expect(info.memory?.used_memory_peak_perc).toBe('102.04%');
    expect(info.stats?.keyspace_hits).toBe(2);
    expect(info.stats?.keyspace_misses).toBe(1);
    expect(info.replication?.role).toBe('master');
  });

  it('reads the keyspace lines of several dbs as records', () => {
    expect(info.keyspace).toEqual({
      db0: { keys: 20, expires: 10, avg_ttl: 3599081 },
      db1: { keys: 25, expires: 12, avg_ttl: 3599132 },
      db2: { keys: 30, expires: 15, avg_ttl: 3599184 },
    });
  });

  it('reads commandstats and errorstats as records', () => {
    expect(info.commandstats?.cmdstat_get).toEqual({
      calls: 2, usec: 10, usec_per_call: 5, rejected_calls: 0, failed_calls: 0,
    });
    expect(info.errorstats).toEqual({ errorstat_ERR: { count: 1 }, errorstat_WRONGTYPE: { count: 1 } });
  });

  it('reads the replica lines of a primary as records', () => {
    expect(info.replication?.slave0).toMatchObject({ ip: '127.0.0.1', state: 'wait_bgsave', lag: 0 });
  });
});

describe('parseInfo on a Redis 7.0 replica', () => {
  const info = parseInfo(fixture('info-replica-7.0.txt'));

  it('reads the replication link', () => {
    expect(info.replication).toMatchObject({
      role: 'slave', master_host: '127.0.0.1', master_link_status: 'up', master_sync_in_progress: 0,
    });
    expect(info.keyspace).toEqual({ db0: { keys: 1, expires: 0, avg_ttl: 0 } });
  });
});

describe('parseInfo edge cases', () => {
  it('accepts LF line ends and an empty keyspace section', () => {
    expect(parseInfo('# Server\nredis_version:6.2.14\n\n# Keyspace\n')).toEqual({
      server: { redis_version: '6.2.14' },
      keyspace: {},
    });
  });

  it('keeps integers beyond 2^53 as text', () => {
    expect(parseInfo('# Stats\nbig:18446744073709551615\n').stats?.big).toBe('18446744073709551615');
  });

  it('keeps colons inside values', () => {
    expect(parseInfo('# Server\nexecutable:C:/redis/redis-server\n').server?.executable).toBe('C:/redis/redis-server');
  });

  it.each([
    ['an empty reply', ''],
    ['an error reply', 'ERR unknown command'],
    ['a field before any section', 'redis_version:7.0.0\n# Server\n'],
    ['a malformed keyspace line', '# Keyspace\ndb0:keys\n'],
  ])('throws on %s', (_name, reply) => {
    expect(() => parseInfo(reply)).toThrow(InfoParseError);
  });
});
