// GET /api/fleet on real Redis servers, one up and one stopped: both listed, the down one with its
// error and no figures, never a 5xx; the up one's hit ratio is the window's, own traffic out.
import { writeFileSync } from 'node:fs';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@/scripts/lib/redis-server.mjs';
import { call, useAppEnv } from '@/test/app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { GET as fleet } from '@/app/api/fleet/route';
import { GET as info } from '@/app/api/instances/[id]/info/route';
import type { InfoResponse } from '@/lib/api/types';
import type { FleetResponse } from '@/lib/fleet/types';
import { TARGETS } from '@/lib/health-targets';
import { server as redlens } from '@/lib/server/root';

const TOKEN = 'fleet-token';
const headers = { authorization: `Bearer ${TOKEN}` };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GET /api/fleet', () => {
  let up: RedisServer;
  let app: Redis;

  beforeAll(async () => {
    up = await startTestRedis();
    app = new Redis({ port: up.port, host: '127.0.0.1', lazyConnect: true });
    await app.connect();
    // Nothing listens on the down instance's port: connection refused, as for a stopped Redis.
    const instances = [
      { id: 'cache', name: 'Cache', url: redisUrl(up) },
      { id: 'gone', name: 'Gone', url: `redis://127.0.0.1:${await freePort()}` },
    ];
    useAppEnv({ instances, env: { REDLENS_API_TOKEN: TOKEN } });
    // One-second samples, so the test takes two of them in about a second.
    writeFileSync(process.env.REDLENS_CONFIG!, JSON.stringify({ instances, sampleIntervalSeconds: 1, thresholds: { hitRatioMin: 0.7 } }));
  });

  afterAll(async () => {
    app.disconnect();
    await redlens().registry.close();
    await stopRedis(up, { removeDir: true });
  });

  const getFleet = async () => {
    const response = await call(fleet, 'GET', '/api/fleet', { headers });
    expect(response.status).toBe(200);
    const body = (await response.json()) as FleetResponse;
    return Object.fromEntries(body.instances.map((instance) => [instance.id, instance]));
  };

  it('refuses a caller who is not signed in', async () => {
    const response = await call(fleet, 'GET', '/api/fleet', { headers: { authorization: undefined } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('lists every instance before the first sample, with no figures yet', async () => {
    const response = await call(fleet, 'GET', '/api/fleet', { headers });
    expect(response.status).toBe(200);
    const body = (await response.json()) as FleetResponse;
    expect(body.thresholds).toEqual({ ...TARGETS, hitRatioMin: 0.7 });
    expect(body.instances.map((instance) => [instance.id, instance.status])).toEqual([['cache', 'up'], ['gone', 'down']]);
    const [cache, gone] = body.instances;
    expect(cache).toMatchObject({ name: 'Cache', tls: false, infoUnavailable: false, figures: null });
    expect(cache!.health.evaluatedAt).toBeNull();
    expect(gone!.error).toMatch(/unreachable: connect ECONNREFUSED/);
    expect(gone!.figures).toBeNull();
    // No password, ever.
    expect(JSON.stringify(body)).not.toMatch(/password/i);
  });

  it('answers the sampled figures and the window hit ratio of the application, not of Redlens', async () => {
    await app.mset('k1', 'a', 'k2', 'b', 'k3', 'c');
    await redlens().sampler.tick();
    const first = await getFleet();
    expect(first.cache!.figures).toMatchObject({ keys: 3, role: 'primary', recent: null });
    expect(first.cache!.health.evaluatedAt).not.toBeNull();

    // The application: 3 hits to 1 miss. Redlens: 200 lookups of its own (all hits), which a raw
    // INFO delta would count: 500 hits / 600 lookups = 0.83.
    for (let i = 0; i < 300; i++) await app.get(`k${(i % 3) + 1}`);
    for (let i = 0; i < 100; i++) await app.get('missing');
    const instance = redlens().registry.get('cache')!;
    await instance.run(async (client) => {
      for (let i = 0; i < 200; i++) await client.exists('k1');
    });
    await pause(1100);
    await redlens().sampler.tick();

    const second = await getFleet();
    const figures = second.cache!.figures!;
    expect(figures.recent).not.toBeNull();
    expect(figures.recent!.hitRatio).toBeCloseTo(0.75, 2);
    expect(figures.recent!.lookups).toBe(400);
    expect(figures.recent!.windowSeconds).toBeGreaterThanOrEqual(1);
    expect(figures.usedMemoryBytes).toBeGreaterThan(0);
    expect(figures.connectedClients).toBeGreaterThanOrEqual(2);
    expect(figures.sampledAt).toBeGreaterThan(first.cache!.figures!.sampledAt);

    expect(second.gone).toMatchObject({ status: 'down', figures: null });
    expect(second.gone!.health.evaluatedAt).not.toBeNull();

    // The instance header reads the same window from the info answer.
    const infoResponse = await call(info, 'GET', '/api/instances/cache/info', { params: { id: 'cache' }, headers });
    expect(infoResponse.status).toBe(200);
    const infoBody = (await infoResponse.json()) as InfoResponse;
    expect(infoBody.recent).toEqual(figures.recent);
    // Since restart, INFO counts Redlens's lookups too: the window's figure is the one to show.
    expect(infoBody.derived.stats.hitRatio).toBeGreaterThan(0.8);
  });
});
