import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandstatsOf, errorstatsOf, InfoParseError, keyspaceOf, latencystatsOf, parseInfo, runIdOf } from './parse-info';

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

describe('keyspaceOf, runIdOf and errorstatsOf on Redis 7.0 replies', () => {
  // INFO server errorstats keyspace, captured after WRONGTYPE, unknown-command, NOPERM and
  // EXECABORT errors, with keys in dbs 0, 3 and 15.
  const info = parseInfo(fixture('info-server-errorstats-keyspace-7.0.txt'));

  it('reads every db of the keyspace, in db order, with its average TTL in ms', () => {
    expect(keyspaceOf(info)).toEqual([
      { db: 0, keys: 3, expires: 1, avgTtlMs: 3593099 },
      { db: 3, keys: 1, expires: 0, avgTtlMs: 0 },
      { db: 15, keys: 1, expires: 1, avgTtlMs: 93099 },
    ]);
    expect(keyspaceOf(parseInfo(fixture('info-replica-7.0.txt')))).toEqual([{ db: 0, keys: 1, expires: 0, avgTtlMs: 0 }]);
  });

  it('answers an empty keyspace, or none at all, with no dbs', () => {
    expect(keyspaceOf(parseInfo('# Keyspace\r\n'))).toEqual([]);
    expect(keyspaceOf(parseInfo('# Server\r\nredis_version:7.0.15\r\n'))).toEqual([]);
  });

  it('reads the run_id, or null without one', () => {
    expect(runIdOf(info)).toBe('e0aee8b96b299d2ed310539fe459a04b4f72c2ea');
    expect(runIdOf(parseInfo(fixture('info-primary-7.0.txt')))).toBe('ef156f89b25c9b42e5be1f271eae7446eefc9eaa');
    expect(runIdOf(parseInfo('# Keyspace\r\n'))).toBeNull();
  });

  it('reads the errorstats as counts by error prefix', () => {
    expect(errorstatsOf(info)).toEqual({ ERR: 6, EXECABORT: 1, NOPERM: 1, WRONGTYPE: 2 });
    expect(errorstatsOf(parseInfo('# Errorstats\r\n'))).toEqual({});
  });

  it('keeps an empty value as empty text', () => {
    expect(info.server?.config_file).toBe('');
  });
});

describe('commandstatsOf, latencystatsOf and errorstatsOf', () => {
  // INFO commandstats latencystats errorstats of a Redis 7.0.15 after a few commands, a WRONGTYPE
  // GET, an unknown command and three DEBUG SLEEPs.
  const redis7 = parseInfo(fixture('info-commands-7.0.txt'));
  // Written from the Redis 6.2 source, not captured: see fixtures/commands-latency-6.2.README.md.
  const redis6 = parseInfo(fixture('info-commands-6.2.txt'));

  it('reads Redis 7 commandstats under their names, subcommands with a bar', () => {
    const stats = commandstatsOf(redis7);
    expect(stats.get).toEqual({ calls: 3, usec: 11, rejectedCalls: 0, failedCalls: 1 });
    expect(stats['config|get']).toEqual({ calls: 1, usec: 6, rejectedCalls: 0, failedCalls: 0 });
    expect(stats.debug).toEqual({ calls: 3, usec: 150314, rejectedCalls: 0, failedCalls: 0 });
    expect(Object.keys(stats)).toHaveLength(10);
  });

  it('reads Redis 7 latencystats percentiles in µs', () => {
    const stats = latencystatsOf(redis7);
    expect(stats.debug).toEqual({ p50: 50331.647, p99: 70254.591, 'p99.9': 70254.591 });
    expect(stats['latency|latest']).toEqual({ p50: 5.023, p99: 5.023, 'p99.9': 5.023 });
  });

  it('reads errorstats by prefix', () => {
    expect(errorstatsOf(redis7)).toEqual({ ERR: 1, WRONGTYPE: 1 });
    expect(errorstatsOf(redis6)).toEqual({ ERR: 1, WRONGTYPE: 3 });
  });

  it('reads Redis 6.2 commandstats, which name a command with subcommands once', () => {
    expect(commandstatsOf(redis6).config).toEqual({ calls: 7, usec: 210, rejectedCalls: 1, failedCalls: 0 });
    expect(latencystatsOf(redis6)).toEqual({});
  });

  it('reads Redis 6.0 lines without rejected and failed calls as 0 of each', () => {
    expect(commandstatsOf(parseInfo('# Commandstats\ncmdstat_get:calls=5,usec=10,usec_per_call=2.00\n')).get).toEqual({
      calls: 5, usec: 10, rejectedCalls: 0, failedCalls: 0,
    });
  });

  it.each([
    ['a line without calls', '# Commandstats\ncmdstat_get:usec=10,usec_per_call=2.00\n'],
    ['calls that are not a number', '# Commandstats\ncmdstat_get:calls=many,usec=10\n'],
  ])('throws on %s', (_name, reply) => {
    expect(() => commandstatsOf(parseInfo(reply))).toThrow(InfoParseError);
  });

  it('throws on a latencystats percentile that is not a number', () => {
    expect(() => latencystatsOf(parseInfo('# Latencystats\nlatency_percentiles_usec_get:p50=fast\n'))).toThrow(InfoParseError);
  });
});
