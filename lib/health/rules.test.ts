import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveInfo } from '@/lib/redis/derive-info';
import { parseInfo } from '@/lib/redis/parse/parse-info';
import type { InstanceEvent } from '@/lib/events/types';
import type { SlowlogEntry } from '@/lib/redis/parse/parse-slowlog';
import { evaluateHealth, overallStatus, type HealthInput } from './rules';
import type { CounterDelta } from './types';
import { TARGETS } from '@/lib/health-targets';

const fixture = (name: string) =>
  deriveInfo(parseInfo(readFileSync(path.join(import.meta.dirname, '../redis/parse/fixtures', name), 'utf8')));
const quiet: HealthInput = { down: null, info: null, window: null, pingP95Ms: null, blockedHistory: [], slowEntries: [], recentEvents: [], ownConnections: 0, now: 0 };
const ids = (input: Partial<HealthInput>) => evaluateHealth({ ...quiet, ...input }, { ...TARGETS }).map((r) => r.id);
const findingOf = (id: string, input: Partial<HealthInput>) => evaluateHealth({ ...quiet, ...input }, { ...TARGETS }).find((r) => r.id === id);
const calm: CounterDelta = { seconds: 60, commands: 600, hits: 300, misses: 10, commandsRaw: 600, hitsRaw: 300, missesRaw: 10, evicted: 0, expired: 0, netInput: 0, netOutput: 0, oomErrors: 0, rejectedConnections: 0 };
const NOW = Date.UTC(2026, 10, 1, 12, 0, 0);
const MIN = 60_000;
const restart = (at: number, before: number, after: number): InstanceEvent => ({
  at, kind: 'restart', title: 'Redis restarted', detail: '',
  before: { runId: 'old', keys: before }, after: { runId: 'new', keys: after, uptimeSeconds: 3 },
});
const configChange = (at: number, before: Record<string, string>, after: Record<string, string>): InstanceEvent => ({
  at, kind: 'config-change', title: 'Config changed', detail: '', before, after,
});

describe('evaluateHealth', () => {
  it('says nothing without evidence', () => expect(ids({})).toEqual([]));

  it('judges memory against system memory when maxmemory is 0, and says so', () => {
    const info = fixture('info-replica-7.0.txt');
    const huge = { ...info, memory: { ...info.memory, usedBytes: info.memory.totalSystemBytes * 0.9 } };
    const [finding] = evaluateHealth({ ...quiet, info: huge }, { ...TARGETS }).filter((r) => r.id === 'memory-near-limit');
    expect(finding?.detail).toContain('maxmemory is 0');
  });

  it('calls maxmemory=0 a problem only on an instance used as a cache', () => {
    const info = fixture('info-replica-7.0.txt'); // noeviction, 1 key without TTL
    expect(ids({ info })).not.toContain('maxmemory-unset');
    const cache = { ...info, memory: { ...info.memory, policy: 'allkeys-lru' } };
    expect(ids({ info: cache })).toContain('maxmemory-unset');
  });

  it('needs enough lookups before judging the hit ratio', () => {
    const window = { seconds: 60, commands: 0, hits: 10, misses: 80, commandsRaw: 0, hitsRaw: 10, missesRaw: 80, evicted: 0, expired: 0, netInput: 0, netOutput: 0, oomErrors: 0, rejectedConnections: 0 };
    expect(ids({ window })).not.toContain('hit-ratio-low');
    expect(ids({ window: { ...window, misses: 90 } })).toContain('hit-ratio-low');
  });

  it("does not count Redlens's own connections as clients", () => {
    const info = fixture('info-primary-7.0.txt');
    const crowded = { ...info, clients: { ...info.clients, connected: 60 } };
    expect(ids({ info: crowded, ownConnections: 5 })).toContain('clients-high');
    expect(ids({ info: crowded, ownConnections: 10 })).not.toContain('clients-high');
    expect(findingOf('clients-high', { info: crowded, ownConnections: 4 })?.value).toBe(56);
  });

  it('sees a replica whose primary went quiet', () => {
    const info = fixture('info-replica-7.0.txt');
    const quietPrimary = { ...info, replication: { ...info.replication, primary: { ...info.replication.primary!, lastIoSecondsAgo: 30 } } };
    expect(ids({ info })).not.toContain('replication-broken');
    expect(ids({ info: quietPrimary })).toContain('replication-broken');
  });

  it('rolls severities up into one status', () => {
    expect(overallStatus([])).toBe('ok');
    expect(overallStatus([{ severity: 'info' }, { severity: 'warning' }])).toBe('warning');
    expect(overallStatus([{ severity: 'warning' }, { severity: 'critical' }])).toBe('critical');
  });

  describe('data-loss-on-restart', () => {
    it('fires for an hour after a restart that lost more than half of >= 1000 keys, with the numbers', () => {
      const events = [restart(NOW - 10 * MIN, 56_000, 19)];
      const finding = findingOf('data-loss-on-restart', { recentEvents: events, now: NOW });
      expect(finding).toMatchObject({ severity: 'critical', threshold: 0.5 });
      expect(finding!.value).toBeCloseTo(19 / 56_000, 6);
      expect(finding!.detail).toContain('19 keys after it, 56,000 before');
      expect(finding!.remediation.length).toBeGreaterThan(20);
      expect(ids({ recentEvents: events, now: NOW + 51 * MIN })).not.toContain('data-loss-on-restart');
    });

    it('stays quiet for a restart that kept half the keys, a small dataset, or an event of another kind', () => {
      expect(ids({ recentEvents: [restart(NOW - MIN, 56_000, 28_000)], now: NOW })).not.toContain('data-loss-on-restart');
      expect(ids({ recentEvents: [restart(NOW - MIN, 999, 0)], now: NOW })).not.toContain('data-loss-on-restart');
      expect(ids({ recentEvents: [{ ...restart(NOW - MIN, 56_000, 0), kind: 'data-loss' }], now: NOW })).not.toContain('data-loss-on-restart');
      expect(ids({ recentEvents: [restart(NOW - MIN, 56_000, 0)], now: NOW })).toContain('data-loss-on-restart');
    });
  });

  it('oom-errors fires when OOM errors grew in the window', () => {
    expect(ids({ window: calm })).not.toContain('oom-errors');
    const finding = findingOf('oom-errors', { window: { ...calm, oomErrors: 175 } });
    expect(finding).toMatchObject({ severity: 'critical', value: 175, threshold: 0 });
    expect(finding!.detail).toContain('175 command(s) refused with OOM over the last 60 s');
  });

  it('rejected-connections fires when connections were refused in the window', () => {
    expect(ids({ window: calm })).not.toContain('rejected-connections');
    const finding = findingOf('rejected-connections', { window: { ...calm, rejectedConnections: 3 } });
    expect(finding).toMatchObject({ severity: 'critical', value: 3, threshold: 0 });
    expect(finding!.detail).toContain('3 connection(s) refused');
  });

  describe('config-changed', () => {
    it('lists each setting changed in the last hour once, from its first value to its last', () => {
      const events = [
        configChange(NOW - 30 * MIN, { maxmemory: '67108864' }, { maxmemory: '16777216' }),
        configChange(NOW - 20 * MIN, { 'maxmemory-policy': 'allkeys-lru' }, { 'maxmemory-policy': 'noeviction' }),
        configChange(NOW - 10 * MIN, { maxmemory: '16777216' }, { maxmemory: '8388608' }),
      ];
      const finding = findingOf('config-changed', { recentEvents: events, now: NOW });
      expect(finding).toMatchObject({ severity: 'info', value: 2 });
      expect(finding!.detail).toContain('maxmemory 67108864 -> 8388608');
      expect(finding!.detail).toContain('maxmemory-policy allkeys-lru -> noeviction');
    });

    it('is gone an hour after the last change', () => {
      const events = [configChange(NOW - 61 * MIN, { save: '' }, { save: '3600 1' })];
      expect(ids({ recentEvents: events, now: NOW })).not.toContain('config-changed');
      expect(ids({ recentEvents: events, now: NOW - 2 * MIN })).toContain('config-changed');
    });
  });

  it("slow-commands never counts Redlens's own entries", () => {
    const entry = (clientName: string, id: number): SlowlogEntry => ({ id, timestamp: NOW / 1000, durationMicros: 20_000, args: ['KEYS', '*'], client: '127.0.0.1:5000', clientName });
    expect(ids({ slowEntries: [entry('redlens-keys', 1), entry('redlens', 2)] })).not.toContain('slow-commands');
    const finding = findingOf('slow-commands', { slowEntries: [entry('redlens-keys', 1), entry('app', 2)] });
    expect(finding?.value).toBe(1);
  });
});
