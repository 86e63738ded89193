import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InstanceSummary } from '@/lib/api/types';
import type { Finding, HealthResponse } from '@/lib/health/types';
import { TARGETS } from '@/lib/health-targets';
import type { RecentRates } from '@/lib/api/types';
import { METRICS } from '@/lib/history/types';
import { parseInfo } from '@/lib/redis/parse/parse-info';
import { downRow, infoUnavailableRow, sampleRow } from '@/lib/sampler/compute-sample';
import { fleetResponse, healthOf, type FleetSamples } from './fleet';

const fixture = (name: string) => parseInfo(readFileSync(path.join(import.meta.dirname, '../redis/parse/fixtures', name), 'utf8'));
const primary = fixture('info-primary-7.0.txt');
const replica = fixture('info-replica-7.0.txt');

const summary = (id: string, status: 'up' | 'down' = 'up', error?: string): InstanceSummary => ({
  id, name: id.toUpperCase(), address: `127.0.0.1:${id.length}`, tls: false, status, ...(error && { error }),
});
const finding = (id: string, severity: Finding['severity']): Finding => ({
  id, severity, title: `${id} title`, detail: 'evidence', value: 1, threshold: 0, remediation: 'fix', since: 1,
});
const NO_HEALTH: HealthResponse = { status: 'ok', findings: [], evaluatedAt: null };

/** The sampler's state for a few instances, as plain data: what it knows after its samples. */
function samplesOf(state: Record<string, Partial<ReturnType<FleetSamples['latest']>> & { recent?: RecentRates | null }>): FleetSamples {
  return {
    latest: (id) => ({ sections: null, row: null, health: NO_HEALTH, infoUnavailable: false, ...state[id] }),
    recentRates: (id) => state[id]?.recent ?? null,
  };
}

describe('fleetResponse', () => {
  const recent: RecentRates = { windowSeconds: 60, hitRatio: 0.75, lookups: 400, opsPerSec: 120, evictedPerSec: 0 };
  const upRow = sampleRow('cache', 50_000, primary, null, [0.2, 0.4, 0.3]);

  it('takes the headline figures from the latest sample and the hit ratio and ops/s from the window', () => {
    const fleet = fleetResponse([summary('cache')], samplesOf({ cache: { sections: primary, row: upRow, recent } }), TARGETS);
    expect(fleet.thresholds).toBe(TARGETS);
    expect(fleet.instances).toHaveLength(1);
    const [cache] = fleet.instances;
    expect(cache).toMatchObject({ id: 'cache', name: 'CACHE', status: 'up', infoUnavailable: false });
    expect(cache!.figures).toEqual({
      sampledAt: 50_000,
      version: '7.0.15',
      role: 'primary',
      usedMemoryBytes: 1120200,
      maxmemoryBytes: 67108864,
      connectedClients: 1,
      keys: 75,
      fragmentationRatio: 6.53,
      pingP95Ms: 0.4,
      recent,
    });
  });

  it('says "no limit" as a null maxmemory, a replica as a replica, and a first sample without a window', () => {
    const row = sampleRow('r', 10_000, replica, null, [0.1]);
    const fleet = fleetResponse([summary('r')], samplesOf({ r: { sections: replica, row } }), TARGETS);
    expect(fleet.instances[0]!.figures).toMatchObject({ maxmemoryBytes: null, role: 'replica', keys: 1, recent: null });
  });

  it('has no figures before the first sample, while down, and when INFO is refused', () => {
    const fleet = fleetResponse(
      [summary('fresh'), summary('gone', 'down', 'connect ECONNREFUSED 127.0.0.1:1'), summary('stale', 'down', 'timeout'), summary('denied'), summary('back')],
      samplesOf({
        gone: { row: downRow('gone', 1, METRICS) },
        // Sampled up a moment ago, down by PING now: the PING is newer, so no figures from before.
        stale: { sections: primary, row: upRow, recent },
        denied: { row: infoUnavailableRow('denied', 1, METRICS, [0.2]), infoUnavailable: true },
        // PING answers again, but the latest sample still found it down.
        back: { row: downRow('back', 1, METRICS), recent },
      }),
      TARGETS,
    );
    const byId = Object.fromEntries(fleet.instances.map((instance) => [instance.id, instance]));
    for (const id of ['fresh', 'gone', 'stale', 'denied', 'back']) expect(byId[id]!.figures, id).toBeNull();
    expect(byId.gone).toMatchObject({ status: 'down', error: 'connect ECONNREFUSED 127.0.0.1:1', infoUnavailable: false });
    expect(byId.denied).toMatchObject({ status: 'up', infoUnavailable: true });
    expect(byId.fresh!.health).toEqual({ status: 'ok', counts: { critical: 0, warning: 0, info: 0 }, top: [], evaluatedAt: null });
  });

  it('keeps the order of the configuration', () => {
    const ids = ['b', 'a', 'c'];
    expect(fleetResponse(ids.map((id) => summary(id)), samplesOf({}), TARGETS).instances.map((i) => i.id)).toEqual(ids);
  });

  it('reads the figures from the sampled row, not again from INFO', () => {
    // INFO's keyspace says 75 keys; the row the sampler made says 9: the row is what the charts show.
    const row = { ...upRow, values: { ...upRow.values, keys: 9 } };
    const fleet = fleetResponse([summary('cache')], samplesOf({ cache: { sections: primary, row } }), TARGETS);
    expect(fleet.instances[0]!.figures!.keys).toBe(9);
  });
});

describe('healthOf', () => {
  it('counts the findings per severity and names the most severe first, at most three', () => {
    const health: HealthResponse = {
      status: 'critical',
      evaluatedAt: 70_000,
      findings: [finding('info-1', 'info'), finding('warn-1', 'warning'), finding('crit-1', 'critical'), finding('warn-2', 'warning'), finding('crit-2', 'critical')],
    };
    expect(healthOf(health)).toEqual({
      status: 'critical',
      counts: { critical: 2, warning: 2, info: 1 },
      top: [
        { id: 'crit-1', title: 'crit-1 title', severity: 'critical' },
        { id: 'crit-2', title: 'crit-2 title', severity: 'critical' },
        { id: 'warn-1', title: 'warn-1 title', severity: 'warning' },
      ],
      evaluatedAt: 70_000,
    });
  });
});
