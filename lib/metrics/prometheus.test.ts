import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/health/types';
import { METRICS, type MetricValues } from '@/lib/history/types';
import { parseInfo } from '@/lib/redis/parse/parse-info';
import { prometheusText, REDIS_LABEL } from './prometheus';

const info = parseInfo(readFileSync(path.join(import.meta.dirname, '../redis/parse/fixtures/info-primary-7.0.txt'), 'utf8'));
const values = Object.fromEntries(METRICS.map((metric) => [metric, null])) as MetricValues;
const appTotals = { commands: 1200, hits: 750, misses: 250 };
const hitRatioLow: Finding = {
  id: 'hit-ratio-low', severity: 'warning', title: 'Hit ratio is low', detail: '62 % of 1,200 lookups hit',
  value: 0.62, threshold: 0.8, remediation: 'Check TTLs and key naming.', since: 0,
};

describe('the Prometheus exposition', () => {
  it('names the Redis in a `redis` label, never in `instance`, which Prometheus owns', async () => {
    const { body } = await prometheusText([{
      id: 'cache',
      sections: info,
      row: { instance: 'cache', ts: 0, up: true, runId: null, values: { ...values, pingP95Ms: 0.4 } },
      health: { status: 'warning', findings: [hitRatioLow], evaluatedAt: 0 },
      appTotals,
    }]);
    expect(REDIS_LABEL).toBe('redis');
    expect(body).toContain('redlens_redis_up{redis="cache"} 1');
    expect(body).toMatch(/redlens_redis_memory_used_bytes\{redis="cache"\} \d+/);
    expect(body).toMatch(/redlens_redis_db_keys\{redis="cache",db="0"\} \d+/);
    expect(body).toContain('redlens_finding_active{redis="cache",finding="hit-ratio-low",severity="warning"} 1');
    expect(body).not.toMatch(/[{,]instance="/);
  });

  it('says a Redis that did not answer is down, with no figures', async () => {
    const { body } = await prometheusText([{ id: 'gone', sections: null, row: null, health: { status: 'critical', findings: [], evaluatedAt: null }, appTotals }]);
    expect(body).toContain('redlens_redis_up{redis="gone"} 0');
    expect(body).not.toMatch(/redlens_redis_memory_used_bytes\{/);
    expect(body).not.toMatch(/redlens_redis_commands_processed_total\{/);
    // The application's counters stay while Redis is down: a counter that vanished would read as a reset.
    expect(body).toContain('redlens_redis_app_commands_total{redis="gone"} 1200');
  });

  it("exposes the application's counters (Redlens's own traffic out) beside INFO's raw ones", async () => {
    const { body } = await prometheusText([{
      id: 'cache',
      sections: info,
      row: { instance: 'cache', ts: 0, up: true, runId: null, values },
      health: { status: 'ok', findings: [], evaluatedAt: 0 },
      appTotals,
    }]);
    expect(body).toContain('redlens_redis_app_commands_total{redis="cache"} 1200');
    expect(body).toContain('redlens_redis_app_keyspace_hits_total{redis="cache"} 750');
    expect(body).toContain('redlens_redis_app_keyspace_misses_total{redis="cache"} 250');
    expect(body).toMatch(/# HELP redlens_redis_app_keyspace_hits_total .*less Redlens's own lookups/);
    expect(body).toMatch(/# TYPE redlens_redis_app_keyspace_hits_total counter/);
    // INFO's own counters, unchanged, from the fixture.
    expect(body).toContain(`redlens_redis_keyspace_hits_total{redis="cache"} ${info.stats!.keyspace_hits}`);
    expect(body).toContain(`redlens_redis_commands_processed_total{redis="cache"} ${info.stats!.total_commands_processed}`);
  });
});
