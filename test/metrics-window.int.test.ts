// GET /api/instances/{id}/metrics with a chosen window (`from`/`to`, unix ms): the charts' custom
// range. Bounded and checked: a bad window is a 400 before anything is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, useAppEnv } from './app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';
import { GET as metrics } from '@/app/api/instances/[id]/metrics/route';
import { METRICS, type MetricsResponse } from '@/lib/history/types';
import { downRow } from '@/lib/sampler/compute-sample';
import { server as redlens } from '@/lib/server/root';
import { CUSTOM_WINDOW_MAX_MS } from '@/lib/time-range';

const TOKEN = 'metrics-window-token';
const headers = { authorization: `Bearer ${TOKEN}` };
const HOUR = 3_600_000;

describe('the metrics of a chosen window', () => {
  let server: RedisServer;

  beforeAll(async () => {
    server = await startTestRedis();
    useAppEnv({ instances: [{ id: 'w', name: 'Window', url: redisUrl(server) }], env: { REDLENS_API_TOKEN: TOKEN } });
  });

  afterAll(async () => {
    await redlens().registry.close();
    await stopRedis(server, { removeDir: true });
  });

  const get = (query: string) => call(metrics, 'GET', `/api/instances/w/metrics?${query}`, { params: { id: 'w' }, headers });

  it('answers the window asked for, with the recorded samples in it', async () => {
    const now = Date.now();
    const sampleAt = now - 90 * 60_000;
    const down = downRow('w', sampleAt, METRICS);
    redlens().history.record([{ ...down, up: true, runId: 'r', values: { ...down.values, usedMemory: 4242 } }]);
    const from = now - 2 * HOUR;
    const to = now - HOUR;
    const response = await get(`from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as MetricsResponse;
    expect(body.from).toBeGreaterThanOrEqual(from);
    expect(body.to).toBe(to);
    expect(body.range).toBe('1h');
    const points = body.series.usedMemory.filter(([, value]) => value !== null);
    expect(points).toHaveLength(1);
    expect(points[0]![1]).toBe(4242);
    expect(body.series.usedMemory.every(([t]) => t >= from && t <= to)).toBe(true);

    // The last hour does not hold that sample: the window, not the range, was read.
    const lastHour = (await (await get('range=1h')).json()) as MetricsResponse;
    expect(lastHour.series.usedMemory.some(([, value]) => value === 4242)).toBe(false);
  });

  it.each([
    ['from only', `from=${Date.UTC(2026, 0, 1)}`],
    ['to only', `to=${Date.UTC(2026, 0, 1)}`],
    ['backwards', `from=${Date.UTC(2026, 0, 2)}&to=${Date.UTC(2026, 0, 1)}`],
    ['under a minute', `from=${Date.UTC(2026, 0, 1)}&to=${Date.UTC(2026, 0, 1) + 1000}`],
    ['over 30 days', `from=${Date.UTC(2026, 0, 1)}&to=${Date.UTC(2026, 0, 1) + CUSTOM_WINDOW_MAX_MS + 1}`],
    ['not a number', 'from=yesterday&to=today'],
    ['negative', `from=-1&to=${Date.UTC(2026, 0, 1)}`],
    ['a float', `from=1.5&to=${Date.UTC(2026, 0, 1)}`],
    ['too many digits', 'from=12345678901234567&to=12345678901234568'],
  ])('refuses %s with 400', async (_name, query) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });
});

