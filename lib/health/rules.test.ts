import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveInfo } from '@/lib/redis/derive-info';
import { parseInfo } from '@/lib/redis/parse/parse-info';
import { evaluateHealth, overallStatus, type HealthInput } from './rules';
import { TARGETS } from '@/lib/health-targets';

const fixture = (name: string) =>
  deriveInfo(parseInfo(readFileSync(path.join(import.meta.dirname, '../redis/parse/fixtures', name), 'utf8')));
const quiet: HealthInput = { down: null, info: null, window: null, pingP95Ms: null, blockedHistory: [], slowEntries: [], recentEvents: [] };
const ids = (input: Partial<HealthInput>) => evaluateHealth({ ...quiet, ...input }, { ...TARGETS }).map((r) => r.id);

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
});
