// The config file's `thresholds` reach the browser: the metrics answer carries them for the charts'
// target lines and the info answer for the target notes, each over the defaults.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, useAppEnv } from './app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';
import { GET as info } from '@/app/api/instances/[id]/info/route';
import { GET as metrics } from '@/app/api/instances/[id]/metrics/route';
import type { InfoResponse } from '@/lib/api/types';
import { TARGETS } from '@/lib/health-targets';
import type { MetricsResponse } from '@/lib/history/types';
import { server as redlens } from '@/lib/server/root';

const TOKEN = 'thresholds-token';
const headers = { authorization: `Bearer ${TOKEN}` };

describe('the thresholds in force, as the API answers them', () => {
  let server: RedisServer;

  beforeAll(async () => {
    server = await startTestRedis();
  });

  afterAll(async () => {
    await redlens().registry.close();
    await stopRedis(server, { removeDir: true });
  });

  const useConfig = (file: Record<string, unknown>) => {
    const instances = [{ id: 't', name: 'Thresholds', url: redisUrl(server) }];
    useAppEnv({ instances, env: { REDLENS_API_TOKEN: TOKEN } });
    writeFileSync(process.env.REDLENS_CONFIG!, JSON.stringify({ instances, ...file }));
  };

  it('answers the config file’s thresholds over the defaults', async () => {
    useConfig({ thresholds: { hitRatioMin: 0.5, clientsMax: 7 } });
    const expected = { ...TARGETS, hitRatioMin: 0.5, clientsMax: 7 };

    const metricsResponse = await call(metrics, 'GET', '/api/instances/t/metrics?range=1h', { params: { id: 't' }, headers });
    expect(metricsResponse.status).toBe(200);
    const body = (await metricsResponse.json()) as MetricsResponse;
    expect(body.thresholds).toEqual(expected);
    // Additive: every field the charts read is still there.
    expect(Object.keys(body).sort()).toEqual(['findings', 'from', 'range', 'series', 'stepSeconds', 'thresholds', 'to']);
    expect(body.range).toBe('1h');

    const infoResponse = await call(info, 'GET', '/api/instances/t/info', { params: { id: 't' }, headers });
    expect(infoResponse.status).toBe(200);
    const infoBody = (await infoResponse.json()) as InfoResponse;
    expect(infoBody.thresholds).toEqual(expected);
    expect(Object.keys(infoBody).sort()).toEqual(['derived', 'fetchedAt', 'instance', 'recent', 'sections', 'thresholds']);
    await redlens().registry.close();
  });

  it('answers the defaults when the config file sets none', async () => {
    useConfig({});
    const response = await call(metrics, 'GET', '/api/instances/t/metrics?range=1h', { params: { id: 't' }, headers });
    expect(((await response.json()) as MetricsResponse).thresholds).toEqual(TARGETS);
  });
});
