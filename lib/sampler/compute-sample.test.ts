import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS } from '@/lib/history/types';
import { parseInfo } from '@/lib/redis/parse/parse-info';
import { countersOf, deltaBetween, downRow, percentile, sampleRow, type CounterSnapshot } from './compute-sample';

const primary = parseInfo(readFileSync(path.join(import.meta.dirname, '../redis/parse/fixtures/info-primary-7.0.txt'), 'utf8'));
const base: CounterSnapshot = {
  runId: 'a', serverTimeMs: 1_000_000, totalCommands: 1000, hits: 100, misses: 50, evicted: 0, expired: 0, netInput: 0, netOutput: 0,
  oomErrors: 0, rejectedConnections: 0, own: { commands: 0, hits: 0, misses: 0 },
};

describe('deltaBetween', () => {
  it('divides by the time between the two replies', () => {
    const delta = deltaBetween(base, { ...base, serverTimeMs: 1_010_000, totalCommands: 2000, hits: 400, misses: 150, evicted: 30 });
    expect(delta).toMatchObject({ seconds: 10, commands: 1000, hits: 300, misses: 100, evicted: 30 });
  });

  it("takes Redlens's own commands and lookups out, and keeps INFO's as the raw figures", () => {
    const start = { ...base, own: { commands: 500, hits: 40, misses: 10 } };
    // The application: 1000 commands, 300 hits, 100 misses; Redlens: 2007 commands (a listing of
    // 1000 keys with TYPE + PTTL, a SCAN, INFO and 5 PINGs), 1990 hits, 10 misses.
    const end = { ...base, serverTimeMs: 1_010_000, totalCommands: 1000 + 3007, hits: 100 + 2290, misses: 50 + 110, own: { commands: 2507, hits: 2030, misses: 20 } };
    const delta = deltaBetween(start, end)!;
    expect(delta).toMatchObject({ commands: 1000, hits: 300, misses: 100, commandsRaw: 3007, hitsRaw: 2290, missesRaw: 110 });
    const row = sampleRow('cache', 42, primary, delta, []);
    expect(row.values.hitRatio).toBe(0.75);
    expect(row.values.opsPerSec).toBe(100);
    expect(row.values.hitRatio_raw).toBeCloseTo(2290 / 2400, 6);
    expect(row.values.opsPerSec_raw).toBeCloseTo(300.7, 6);
  });

  it('never goes below zero when our count ran ahead of INFO', () => {
    const delta = deltaBetween(base, { ...base, serverTimeMs: 1_010_000, totalCommands: 1010, hits: 105, own: { commands: 30, hits: 9, misses: 2 } })!;
    expect(delta).toMatchObject({ commands: 0, hits: 0, misses: 0, commandsRaw: 10, hitsRaw: 5 });
  });

  it('is a gap across a restart, a counter reset, or no time', () => {
    expect(deltaBetween(base, { ...base, runId: 'b', serverTimeMs: 1_010_000, totalCommands: 5 })).toBeNull();
    expect(deltaBetween(base, { ...base, serverTimeMs: 1_010_000, hits: 3 })).toBeNull();
    expect(deltaBetween(base, base)).toBeNull();
    expect(deltaBetween(null, base)).toBeNull();
  });
});

describe('sampleRow', () => {
  it('reads gauges from INFO and turns deltas into rates and a window hit ratio', () => {
    const delta = deltaBetween(base, { ...base, serverTimeMs: 1_010_000, totalCommands: 2000, hits: 400, misses: 150, evicted: 30, expired: 20 });
    const row = sampleRow('cache', 42, primary, delta, [0.2, 0.3, 0.25, 0.9, 0.4]);
    expect(row).toMatchObject({ instance: 'cache', ts: 42, up: true, runId: 'ef156f89b25c9b42e5be1f271eae7446eefc9eaa' });
    expect(row.values).toEqual({
      usedMemory: 1120200, usedMemoryRss: 7049216, maxmemory: 67108864, fragmentationRatio: 6.53,
      connectedClients: 1, blockedClients: 0, opsPerSec: 100, hitRatio: 0.75, hitsPerSec: 30, missesPerSec: 10,
      evictedPerSec: 3, expiredPerSec: 2, netInputBytesPerSec: 0, netOutputBytesPerSec: 0, pingP95Ms: 0.9, keys: 75,
      // Nothing of Redlens's own in this delta: the raw figures are the same.
      opsPerSec_raw: 100, hitRatio_raw: 0.75, hitsPerSec_raw: 30, missesPerSec_raw: 10,
    });
  });

  it('leaves rates empty on the first sample', () => {
    const row = sampleRow('cache', 42, primary, null, []);
    expect(row.values.opsPerSec).toBeNull();
    expect(row.values.hitRatio).toBeNull();
    expect(row.values.pingP95Ms).toBeNull();
    expect(row.values.usedMemory).toBe(1120200);
  });
});

describe('countersOf, percentile, downRow', () => {
  it('uses the server clock from INFO', () => {
    expect(countersOf(primary, 5).serverTimeMs).toBe(1795628560059.995);
    expect(countersOf({ server: {} }, 5).serverTimeMs).toBe(5);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 3, 2, 4], 0.95)).toBe(5);
    expect(percentile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(percentile([], 0.95)).toBeNull();
  });

  it('records a down sample as gaps', () => {
    const row = downRow('x', 1, METRICS);
    expect(row.up).toBe(false);
    expect(Object.values(row.values).every((v) => v === null)).toBe(true);
  });
});
