import { describe, expect, it } from 'vitest';
import { METRICS, type MetricValues, type SampleRow } from '@/lib/history/types';
import { clusterRecentRates, clusterRow } from './cluster-sample';

const values = (over: Partial<MetricValues>): MetricValues => ({ ...(Object.fromEntries(METRICS.map((m) => [m, 0])) as MetricValues), ...over });
const row = (over: Partial<MetricValues>, up = true): SampleRow => ({ instance: 'n', ts: 10_000, up, runId: 'r', values: up ? values(over) : (Object.fromEntries(METRICS.map((m) => [m, null])) as MetricValues) });

describe('the whole-cluster row', () => {
  const masterA = { role: 'master' as const, row: row({ usedMemory: 1000, keys: 10, opsPerSec: 5, hitsPerSec: 3, missesPerSec: 1, connectedClients: 4, pingP95Ms: 0.2, fragmentationRatio: 1.1, maxmemory: 100 }) };
  const masterB = { role: 'master' as const, row: row({ usedMemory: 2000, keys: 20, opsPerSec: 7, hitsPerSec: 1, missesPerSec: 3, connectedClients: 2, pingP95Ms: 0.9, fragmentationRatio: 1.4, maxmemory: 100 }) };
  const replica = { role: 'replica' as const, row: row({ usedMemory: 900, keys: 10, opsPerSec: 50, hitsPerSec: 4, missesPerSec: 0, connectedClients: 1, pingP95Ms: 0.3, fragmentationRatio: 1.2, maxmemory: 100 }) };

  it('sums memory, clients and lookups of every node, keys and commands of the masters, the worst PING; the hit ratio from the sums', () => {
    const whole = clusterRow('shop', 10_000, [masterA, masterB, replica], true);
    expect(whole).toMatchObject({ instance: 'shop', ts: 10_000, up: true, runId: null });
    expect(whole.values).toMatchObject({
      usedMemory: 3900, connectedClients: 7, keys: 30, opsPerSec: 12, hitsPerSec: 8, missesPerSec: 4, pingP95Ms: 0.9, fragmentationRatio: 1.4, maxmemory: 300,
    });
    // (3 + 1 + 4) / (8 + 4), not the mean of the three ratios (0.75, 0.25, 1).
    expect(whole.values.hitRatio).toBeCloseTo(8 / 12, 12);
  });

  it('leaves a node that did not answer out, and is down when no node told the topology', () => {
    const down = { role: 'master' as const, row: row({}, false) };
    expect(clusterRow('shop', 1, [masterA, down], true).values.usedMemory).toBe(1000);
    expect(clusterRow('shop', 1, [masterA], false).up).toBe(false);
    expect(clusterRow('shop', 1, [down], true)).toMatchObject({ up: false, values: { usedMemory: null, keys: null } });
  });

  it('has no figure rather than a partial sum when a node has none yet (its first sample has no rate)', () => {
    const fresh = { role: 'master' as const, row: row({ usedMemory: 5, opsPerSec: null, maxmemory: null }) };
    const whole = clusterRow('shop', 1, [masterA, fresh], true);
    expect(whole.values.opsPerSec).toBeNull();
    expect(whole.values.maxmemory).toBeNull();
    expect(whole.values.usedMemory).toBe(1005);
  });
});

describe('the whole-cluster window rates', () => {
  it('sums the masters\' ops/s and every node\'s lookups, the hit ratio from the summed hits', () => {
    const rates = clusterRecentRates([
      { role: 'master', rates: { windowSeconds: 60, hitRatio: 0.5, lookups: 100, opsPerSec: 10, evictedPerSec: 1 } },
      { role: 'master', rates: { windowSeconds: 61, hitRatio: 1, lookups: 300, opsPerSec: 20, evictedPerSec: 0 } },
      { role: 'replica', rates: { windowSeconds: 60, hitRatio: null, lookups: 0, opsPerSec: 99, evictedPerSec: 0 } },
    ]);
    expect(rates).toEqual({ windowSeconds: 61, hitRatio: 350 / 400, lookups: 400, opsPerSec: 30, evictedPerSec: 1 });
    expect(clusterRecentRates([{ role: 'replica', rates: { windowSeconds: 60, hitRatio: 1, lookups: 1, opsPerSec: 1, evictedPerSec: 0 } }])).toBeNull();
  });
});
