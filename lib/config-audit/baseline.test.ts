import { describe, expect, it } from 'vitest';
import { BASELINE, bufferLimitDifferences } from './baseline';

const judge = (name: string, value: string) => BASELINE.find((row) => row.name === name)!.judge(value, {}).status;

describe('the section 3 baseline', () => {
  it('has one row per setting of the table', () => {
    expect(BASELINE).toHaveLength(29);
    expect(new Set(BASELINE.map((row) => row.name)).size).toBe(29);
  });

  it.each([
    ['maxmemory', '0', 'warn'], ['maxmemory', '1gb', 'ok'], ['maxmemory', '268435456', 'ok'],
    ['maxmemory-policy', 'allkeys-lfu', 'ok'], ['maxmemory-policy', 'volatile-lru', 'warn'],
    ['maxmemory-samples', '3', 'warn'], ['maxmemory-samples', '5', 'ok'], ['maxmemory-samples', '10', 'info'],
    ['slowlog-log-slower-than', '-1', 'warn'], ['slowlog-log-slower-than', '0', 'warn'],
    ['slowlog-log-slower-than', '1', 'ok'], ['slowlog-log-slower-than', '10000', 'ok'], ['slowlog-log-slower-than', '10001', 'warn'],
    ['slowlog-max-len', '127', 'warn'], ['slowlog-max-len', '1024', 'ok'],
    ['latency-monitor-threshold', '0', 'warn'], ['latency-monitor-threshold', '1', 'ok'],
    ['tcp-backlog', '128', 'warn'], ['tcp-backlog', '1024', 'ok'],
    ['appendfsync', 'always', 'warn'], ['stop-writes-on-bgsave-error', 'yes', 'warn'],
    ['io-threads', '1', 'info'], ['io-threads', '4', 'ok'],
  ])('%s = %s is %s', (name, value, status) => {
    expect(judge(name, value)).toBe(status);
  });

  it('names the client-output-buffer-limit classes that differ, old `slave` name included', () => {
    expect(bufferLimitDifferences('normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60')).toEqual([]);
    expect(bufferLimitDifferences('normal 0 0 0 replica 256mb 64mb 60 pubsub 1mb 1mb 10')).toEqual(['pubsub']);
    expect(bufferLimitDifferences('normal 0 0 0')).toEqual(['replica', 'pubsub']);
    expect(bufferLimitDifferences('normal 0 0')).toBeNull();
  });
});
