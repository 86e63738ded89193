// The keyspace analysis of a Redis Cluster instance on a real 3-master, 3-replica cluster: every
// master walked one after the other into one result, which counts exactly the keys written
// across the masters, says how many masters it walked and how many keys each held; a sample takes
// each master's share; db 0 only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './cluster-setup';
import { call, useAppEnv } from './app-env';
import { server as redlens } from '@/lib/server/root';
import type { RedisInstance } from '@/lib/redis/registry';
import type { AnalysisRunDetail } from '@/lib/analysis/types';
import { namespaceOf } from '@/lib/analysis/namespace';

let cluster: TestCluster;
let masters: RedisInstance[];
const TOKEN = 'cluster-analysis-api-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}`, origin: undefined };
const USERS = 1500;
const SESSIONS = 900;
const CARTS = 600;
const WRITTEN = USERS + SESSIONS + CARTS;

const runsRoute = await import('@/app/api/instances/[id]/analysis/route');
const runRoute = await import('@/app/api/instances/[id]/analysis/[runId]/route');

beforeAll(async () => {
  cluster = await startTestCluster();
  useAppEnv({ instances: [{ id: 'shop', name: 'Shop', cluster: cluster.urls.slice(0, 1) }], env: { REDLENS_API_TOKEN: TOKEN } });
  const client = cluster.client();
  await client.connect();
  // Written through the test's own cluster client, which sends each key to its master.
  for (let i = 0; i < USERS; i += 100) {
    await Promise.all(Array.from({ length: 100 }, (_, j) => client.set(`user:${i + j}`, `name-${i + j}`)));
  }
  for (let i = 0; i < SESSIONS; i += 100) {
    await Promise.all(Array.from({ length: 100 }, (_, j) => client.set(`session:${i + j}`, 'token', 'EX', 3600)));
  }
  for (let i = 0; i < CARTS; i += 100) {
    await Promise.all(Array.from({ length: 100 }, (_, j) => client.hset(`cart:${i + j}`, 'sku', '1', 'qty', '2')));
  }
  masters = await redlens().registry.get('shop')!.topology!.masters();
}, 60_000);

afterAll(async () => {
  redlens().jobs.close();
  await redlens().registry.close();
  await cluster?.stop();
});

async function start(body: unknown): Promise<Response> {
  return call(runsRoute.POST, 'POST', '/api/instances/shop/analysis', { headers: auth, body, params: { id: 'shop' } });
}

async function finished(id: string): Promise<AnalysisRunDetail> {
  await redlens().jobs.settled(id);
  const response = await call(runRoute.GET, 'GET', `/api/instances/shop/analysis/${id}`, { headers: auth, params: { id: 'shop', runId: id } });
  expect(response.status).toBe(200);
  return (await response.json()) as AnalysisRunDetail;
}

/** DBSIZE of each master, asked of it directly. */
const sizes = () => Promise.all(masters.map((master) => master.run((client) => client.dbsize())));

describe('the keyspace analysis of a cluster', () => {
  it('walks every master into one result that counts exactly the keys written', async () => {
    expect(masters).toHaveLength(3);
    const perMaster = await sizes();
    // The keys are spread: every master holds some.
    expect(perMaster.every((size) => size > 0)).toBe(true);
    expect(perMaster.reduce((sum, size) => sum + size, 0)).toBe(WRITTEN);

    const response = await start({ db: 0, mode: 'full' });
    expect(response.status).toBe(202);
    const run = await finished(((await response.json()) as { id: string }).id);
    expect(run).toMatchObject({ status: 'done', db: 0, mode: 'full', keys: WRITTEN, error: null });
    const result = run.result!;
    expect(result).toMatchObject({ scanned: WRITTEN, dbSize: WRITTEN, estimated: false, totals: { keys: WRITTEN } });
    expect(run.progress).toMatchObject({ done: WRITTEN, total: WRITTEN, master: { walking: 3, of: 3, address: masters[2]!.address } });
    expect(result.cluster!.masters).toBe(3);
    expect(result.cluster!.nodes.map((node) => node.instanceId)).toEqual(masters.map((master) => master.id));
    result.cluster!.nodes.forEach((node, i) => expect(node).toMatchObject({ walked: true, dbSize: perMaster[i], scanned: perMaster[i] }));
    const namespaces = new Map(result.namespaces.map((row) => [row.namespace, row.keys]));
    expect(namespaces.get(namespaceOf(Buffer.from('user:1')))).toBe(USERS);
    expect(namespaces.get(namespaceOf(Buffer.from('session:1')))).toBe(SESSIONS);
    expect(namespaces.get(namespaceOf(Buffer.from('cart:1')))).toBe(CARTS);
    expect(result.byType.find((row) => row.type === 'hash')?.keys).toBe(CARTS);
    expect(result.ttlHistogram.find((row) => row.bucket === 'none')?.keys).toBe(USERS + CARTS);
  });

  it('samples each master by its share of the keys', async () => {
    const perMaster = await sizes();
    const response = await start({ db: 0, mode: 'sample', sampleKeys: 1000 });
    expect(response.status).toBe(202);
    const run = await finished(((await response.json()) as { id: string }).id);
    expect(run.status).toBe('done');
    const result = run.result!;
    expect(result.cluster!.masters).toBe(3);
    result.cluster!.nodes.forEach((node, i) => expect(node.scanned).toBe(Math.ceil((1000 * perMaster[i]!) / WRITTEN)));
    expect(result.scanned).toBe(result.cluster!.nodes.reduce((sum, node) => sum + node.scanned, 0));
    expect(result).toMatchObject({ estimated: true, dbSize: WRITTEN });
    // Scaled up to the whole cluster: about every key.
    expect(Math.abs(result.totals.keys - WRITTEN)).toBeLessThanOrEqual(3);
  });

  it('refuses any db but 0 before any Redis call', async () => {
    const response = await start({ db: 1, mode: 'full' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/db 0 only/);
  });
});
