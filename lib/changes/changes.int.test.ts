// GET /api/instances/{id}/changes on a real Redis: the sampler's own samples make the current
// window, rows written to the history before them the window before; slow log entries of
// Redlens's own connections are not counted; findings and events of the window only.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as changes } from '@/app/api/instances/[id]/changes/route';
import { METRICS, type MetricValues } from '@/lib/history/types';
import { server as redlens } from '@/lib/server/root';
import { call, useAppEnv } from '@/test/app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import type { ChangeFigure, ChangesResponse } from './types';

const TOKEN = 'changes-token';
const headers = { authorization: `Bearer ${TOKEN}` };
const MINUTE = 60_000;
/** A script that keeps Redis busy for 15 ms: one slow log entry of its caller. */
const BUSY_15_MS = `local t = redis.call('TIME'); local start = t[1] * 1000000 + t[2]
repeat local n = redis.call('TIME') until n[1] * 1000000 + n[2] - start > 15000`;

const get = (query: string, options: { headers?: Record<string, string> } = {}) =>
  call(changes, 'GET', `/api/instances/c/changes${query}`, { params: { id: 'c' }, headers: options.headers ?? headers });

describe('GET /api/instances/{id}/changes', () => {
  let redis: RedisServer;
  let app: Redis;

  beforeAll(async () => {
    redis = await startTestRedis({ args: ['--slowlog-log-slower-than', '10000'] });
    app = new Redis({ host: '127.0.0.1', port: redis.port, connectionName: 'app' }).on('error', () => undefined);
    useAppEnv({ instances: [{ id: 'c', url: redisUrl(redis) }], env: { REDLENS_API_TOKEN: TOKEN } });
  });

  afterAll(async () => {
    app.disconnect();
    await redlens().registry.close();
    await stopRedis(redis, { removeDir: true });
  });

  it('compares the last 15 minutes with the 15 before them', async () => {
    const start = Date.now();
    // The window before: 2,000 keys and 64 MiB, 100 ops/s at a 0.5 hit ratio (written as the sampler would).
    const before: MetricValues = {
      ...(Object.fromEntries(METRICS.map((metric) => [metric, null])) as MetricValues),
      usedMemory: 64 * 1024 * 1024, keys: 2000, connectedClients: 9, fragmentationRatio: 1.2,
      opsPerSec: 100, hitsPerSec: 20, missesPerSec: 20, evictedPerSec: 5, pingP95Ms: 0.2,
    };
    redlens().history.record(
      [18, 17, 16].map((minutes) => ({ instance: 'c', ts: start - minutes * MINUTE, up: true, runId: 'old', values: before })),
    );

    // Now: 40 keys, then 3 hits to 1 miss between two samples; Redlens's own sampling is taken out.
    const instance = redlens().registry.get('c')!;
    await app.mset(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k:${i}`, 'v'])));
    await redlens().sampler.sample(instance);
    const lookups = app.pipeline();
    for (let i = 0; i < 30; i++) lookups.get(`k:${i}`);
    for (let i = 0; i < 10; i++) lookups.get(`missing:${i}`);
    await lookups.exec();
    // Slow commands (a script busy for 15 ms, over the 10 ms threshold): 3 of the application's,
    // 2 of a Redlens connection (its SCAN ... COUNT 1000, say), which must not count.
    const own = new Redis({ host: '127.0.0.1', port: redis.port, connectionName: 'redlens-keys' }).on('error', () => undefined);
    for (let i = 0; i < 3; i++) await app.eval(BUSY_15_MS, 0);
    for (let i = 0; i < 2; i++) await own.eval(BUSY_15_MS, 0);
    own.disconnect();
    await redlens().sampler.sample(instance);
    const archived = redlens().store.prepare("SELECT client_name AS name, count(*) AS n FROM slowlog_archive WHERE instance = 'c' GROUP BY client_name ORDER BY name").all();
    expect(archived).toEqual([{ name: 'app', n: 3 }, { name: 'redlens-keys', n: 2 }]);

    // One finding opened in the window, one closed in it; one open all along and one closed
    // before the window are no change.
    const insertFinding = redlens().store.prepare(
      'INSERT INTO findings (instance, rule, severity, title, detail, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    insertFinding.run('c', 'hit-ratio-low', 'warning', 'Hit ratio low', 'd', start - 5 * MINUTE, null);
    insertFinding.run('c', 'evictions-high', 'warning', 'Evictions high', 'd', start - 40 * MINUTE, start - 2 * MINUTE);
    insertFinding.run('c', 'maxmemory-unset', 'info', 'No memory limit', 'd', start - 50 * MINUTE, null);
    insertFinding.run('c', 'clients-high', 'warning', 'Clients high', 'd', start - 50 * MINUTE, start - 20 * MINUTE);
    redlens().events.record('c', [
      { at: start - 3 * MINUTE, kind: 'restart', title: 'Redis restarted', detail: '2,000 keys before, 40 after', before: { runId: 'old', keys: 2000 }, after: { runId: 'new', keys: 40 } },
      { at: start - 20 * MINUTE, kind: 'config-change', title: 'maxmemory changed', detail: 'before the window' },
    ]);

    const response = await get('?window=15m');
    expect(response.status).toBe(200);
    const body = (await response.json()) as ChangesResponse;
    expect(body.window).toBe('15m');
    expect(body.to - body.from).toBe(15 * MINUTE);
    const figure = (id: ChangeFigure['id']) => body.figures.find((f) => f.id === id)!;

    expect(figure('keys')).toMatchObject({ now: 40, before: 2000, delta: -1960, measure: 'latest' });
    expect(figure('usedMemory').before).toBe(64 * 1024 * 1024);
    expect(figure('usedMemory').now).toBeGreaterThan(0);
    expect(figure('usedMemory').delta).toBe(figure('usedMemory').now! - 64 * 1024 * 1024);
    expect(figure('hitRatio').now).toBeCloseTo(0.75, 1);
    expect(Math.abs(figure('hitRatio').now! - 0.75)).toBeLessThanOrEqual(0.02);
    expect(figure('hitRatio').before).toBe(0.5);
    expect(figure('opsPerSec').before).toBe(100);
    expect(figure('evictedPerSec')).toMatchObject({ now: 0, before: 5, delta: -5 });
    expect(figure('pingP95Ms').now).toBeGreaterThan(0);
    // Only the application's entries count, per minute of the window; nothing was archived before.
    expect(figure('slowlogPerMin').now).toBeCloseTo(3 / 15, 10);
    expect(figure('slowlogPerMin').before).toBe(0);

    expect(body.events.map((event) => event.kind)).toContain('restart');
    expect(body.events.map((event) => event.title)).not.toContain('maxmemory changed');
    expect(body.eventsTruncated).toBe(false);
    // The sampler's own findings may open too; those written here are placed in time.
    const opened = body.findings.opened.map((finding) => finding.id);
    expect(opened).toContain('hit-ratio-low');
    expect(opened).not.toContain('maxmemory-unset');
    expect(opened).not.toContain('clients-high');
    expect(body.findings.closed).toContainEqual(
      { id: 'evictions-high', severity: 'warning', title: 'Evictions high', startedAt: start - 40 * MINUTE, endedAt: start - 2 * MINUTE },
    );
    expect(body.findings.closed.map((finding) => finding.id)).not.toContain('clients-high');
  });

  it('reads the hour against the hour before for window=60m', async () => {
    const body = (await (await get('?window=60m')).json()) as ChangesResponse;
    expect(body.window).toBe('60m');
    expect(body.to - body.from).toBe(60 * MINUTE);
    // The rows 16-18 minutes ago are in this window now: the latest keys are still the sampler's 40.
    expect(body.figures.find((f) => f.id === 'keys')).toMatchObject({ now: 40, before: null, delta: null });
    expect(body.events.map((event) => event.title)).toContain('maxmemory changed');
  });

  it('defaults to 15 minutes', async () => {
    expect(((await (await get('')).json()) as ChangesResponse).window).toBe('15m');
  });

  it.each([
    ['?window=30m', 400],
    ['?window=', 400],
    ['?window=15m&extra=1', 400],
  ])('answers %s with %i, before any work', async (query, status) => {
    const response = await get(query);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });

  it('asks who is calling first', async () => {
    expect((await get('?window=15m', { headers: {} })).status).toBe(401);
    const unknown = await call(changes, 'GET', '/api/instances/nope/changes', { params: { id: 'nope' }, headers });
    expect(unknown.status).toBe(404);
  });
});
