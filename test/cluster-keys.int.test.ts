// The key browser on a real Redis Cluster (3 masters, 3 replicas): the paged listing walks every
// master once with one cursor, each row naming the master CLUSTER KEYSLOT names; a key on each
// master opens and deletes; edits land on the key's master (a rename across slots is refused
// before Redis); the export streams every key once; a bulk delete walks every master; a MOVED
// after a slot moved is followed; after CLUSTER FAILOVER the listing and key reads keep working.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkDeleteJob } from '@/lib/bulk-delete/types';
import { SCAN_MAX_CALLS } from '@/lib/keys/constants';
import type { KeysMetaReply } from '@/lib/keys/export';
import type { DatabasesReply, KeyDetail, KeyRow, KeysPage } from '@/lib/keys/types';
import { clusterNodeId } from '@/lib/redis/registry';
import { server as redlens } from '@/lib/server/root';
import { call, cookieOf, useAppEnv } from './app-env';
import { readExport } from './read-export';
import { startTestCluster, type TestCluster } from './cluster-setup';
import { listAllPages } from './key-pages';

const TOKEN = 'cluster-keys-token-0123456789';
const ADMIN_PASSWORD = 'cluster-keys-admin';
const asViewer = { authorization: `Bearer ${TOKEN}`, origin: undefined };

const { POST: login } = await import('@/app/api/auth/login/route');
const keysRoute = await import('@/app/api/instances/[id]/keys/route');
const dbsRoute = await import('@/app/api/instances/[id]/keys/databases/route');
const keyRoute = await import('@/app/api/instances/[id]/key/route');
const metaRoute = await import('@/app/api/instances/[id]/keys/meta/route');
const exportRoute = await import('@/app/api/instances/[id]/keys/export/route');
const deleteRoute = await import('@/app/api/instances/[id]/keys/delete/route');
const jobRoute = await import('@/app/api/instances/[id]/jobs/[jobId]/route');
const { GET: auditRoute } = await import('@/app/api/audit/route');

const b64 = (name: string | Buffer) => Buffer.from(name).toString('base64');
const params = { id: 'shop' };

let cluster: TestCluster;
let writer: ReturnType<TestCluster['client']>;
let adminCookie = '';
/** keyB64 of every key the cluster holds now. */
const expected = new Set<string>();

/** The master port serving each slot, from CLUSTER SLOTS asked of the test's own connection. */
async function slotMasters(): Promise<number[]> {
  const probe = new Redis({ port: cluster.ports[0]!, lazyConnect: true });
  await probe.connect();
  const ranges = (await probe.call('CLUSTER', 'SLOTS')) as Array<[number, number, [string, number, string]]>;
  probe.disconnect();
  const owners = new Array<number>(16384);
  for (const [start, end, [, port]] of ranges) for (let slot = start; slot <= end; slot++) owners[slot] = port;
  return owners;
}

/** CLUSTER KEYSLOT of each name, asked of Redis. */
async function keySlots(names: Buffer[]): Promise<number[]> {
  const probe = new Redis({ port: cluster.ports[0]!, lazyConnect: true });
  await probe.connect();
  const slots = (await Promise.all(names.map((name) => probe.call('CLUSTER', 'KEYSLOT', name)))) as number[];
  probe.disconnect();
  return slots;
}

/** A plain connection to one node (no redirection followed): what that node holds. */
async function onNode<T>(port: number, work: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis({ port, lazyConnect: true });
  await client.connect();
  try {
    return await work(client);
  } finally {
    client.disconnect();
  }
}

const nodeIdOf = (port: number) => onNode(port, (client) => client.call('CLUSTER', 'MYID') as Promise<string>);
const instanceIdOf = (port: number) => clusterNodeId('shop', '127.0.0.1', port);

const listPage = (query: string) => call(keysRoute.GET, 'GET', `/api/instances/shop/keys?${query}`, { headers: asViewer, params });
const getKey = (key: string | Buffer) => call(keyRoute.GET, 'GET', `/api/instances/shop/key?keyB64=${encodeURIComponent(b64(key))}`, { headers: asViewer, params });
const putKey = (body: unknown) => call(keyRoute.PUT, 'PUT', '/api/instances/shop/key', { headers: { cookie: adminCookie }, params, body });
const deleteKey = (key: string | Buffer) =>
  call(keyRoute.DELETE, 'DELETE', `/api/instances/shop/key?db=0&keyB64=${encodeURIComponent(b64(key))}`, { headers: { cookie: adminCookie }, params });

/** Every row of the listing, page after page; each page within its bounds. */
async function listEverything(): Promise<{ pages: KeysPage[]; rows: KeyRow[] }> {
  const pages = await listAllPages(listPage, 'count=500');
  for (const page of pages) expect(page.scanCalls).toBeLessThanOrEqual(SCAN_MAX_CALLS);
  return { pages, rows: pages.flatMap((page) => page.keys) };
}

/** Each listed row is on the master serving its slot now. */
async function expectRowsOnTheirMasters(rows: KeyRow[]): Promise<void> {
  const owners = await slotMasters();
  const slots = await keySlots(rows.map((row) => Buffer.from(row.keyB64, 'base64')));
  rows.forEach((row, i) => {
    const port = owners[slots[i]!]!;
    expect(row.node, row.key).toEqual({ address: `127.0.0.1:${port}`, instanceId: instanceIdOf(port) });
  });
}


beforeAll(async () => {
  cluster = await startTestCluster();
  useAppEnv({
    instances: [{ id: 'shop', name: 'Shop', cluster: cluster.urls.slice(0, 2) }],
    env: { REDLENS_API_TOKEN: TOKEN, REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD, REDLENS_VIEWER_PASSWORD: 'cluster-keys-viewer' },
  });
  writer = cluster.client();
  await writer.connect();
  const names: Buffer[] = [];
  for (let i = 0; i < 3000; i += 1) names.push(Buffer.from(`item:${i}`));
  names.push(Buffer.from('recipe:crème-brûlée'), Buffer.concat([Buffer.from('bin:'), Buffer.from([0xff, 0x00, 0xfe])]));
  await Promise.all(names.map((name, i) => (i % 10 === 0 ? writer.hset(name, 'title', `item ${i}`) : writer.set(name, `v${i}`))));
  for (const name of names) expected.add(b64(name));
  const response = await call(login, 'POST', '/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } });
  adminCookie = cookieOf(response);
}, 60_000);

afterAll(async () => {
  redlens().jobs.close();
  await redlens().registry.close();
  await cluster?.stop();
});

describe('the listing on a cluster', () => {
  it('returns exactly the keys of all masters once each, each row naming the master of its slot', async () => {
    const { pages, rows } = await listEverything();
    expect(pages.length).toBeGreaterThan(3);
    expect(pages[0]!.cursor).toMatch(/^cluster:0@127\.0\.0\.1:\d+\/\d+/);
    expect(pages.at(-1)).toMatchObject({ done: true, cursor: '0' });
    expect(pages[0]!.dbSize).toBe(expected.size);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.keyB64, (counts.get(row.keyB64) ?? 0) + 1);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(counts.keys())).toEqual(expected);
    expect(new Set(rows.map((row) => row.node?.address)).size).toBe(3);
    await expectRowsOnTheirMasters(rows);
  });

  it('walks every master with a type filter and finds one key by its exact name', async () => {
    const rows = (await listAllPages(listPage, 'type=hash&count=200')).flatMap((page) => page.keys);
    expect(rows.length).toBe(301);
    expect(rows.every((row) => row.type === 'hash')).toBe(true);
    const exact = (await (await listPage('match=item%3A42&cursor=0')).json()) as KeysPage;
    expect(exact).toMatchObject({ exact: true, done: true, dbSize: expected.size });
    expect(exact.keys.map((row) => row.key)).toEqual(['item:42']);
    await expectRowsOnTheirMasters(exact.keys);
  });

  it('answers db 0 only, and refuses another db or a plain cursor with a 400', async () => {
    const dbs = (await (await call(dbsRoute.GET, 'GET', '/api/instances/shop/keys/databases', { headers: asViewer, params })).json()) as DatabasesReply;
    expect(dbs).toMatchObject({ databases: 1, defaultDb: 0, role: 'primary', cluster: { masters: 3 }, keyspace: [{ db: 0, keys: expected.size }] });
    for (const query of ['db=1', 'cursor=1234', 'cursor=cluster:99999@x/1', 'cursor=cluster:']) {
      const response = await listPage(query);
      expect(response.status, query).toBe(400);
    }
    const other = await call(keyRoute.GET, 'GET', `/api/instances/shop/key?db=3&keyB64=${b64('item:1')}`, { headers: asViewer, params });
    expect(other.status).toBe(400);
    expect((await other.json()).error.message).toContain('db 0 only');
  });
});

describe('one key on a cluster', () => {
  it('opens and deletes a key on each master, the detail naming its node', async () => {
    const owners = await slotMasters();
    const candidates = Array.from({ length: 200 }, (_, i) => Buffer.from(`item:${i}`));
    const slots = await keySlots(candidates);
    const perMaster = new Map<number, Buffer>();
    candidates.forEach((name, i) => {
      if (!perMaster.has(owners[slots[i]!]!)) perMaster.set(owners[slots[i]!]!, name);
    });
    expect(perMaster.size).toBe(3);
    for (const [port, name] of perMaster) {
      const response = await getKey(name);
      expect(response.status).toBe(200);
      const detail = (await response.json()) as KeyDetail;
      expect(detail.node).toEqual({ address: `127.0.0.1:${port}`, instanceId: instanceIdOf(port) });
      expect(detail.key).toBe(name.toString());
      expect(detail.value.kind === 'string' || detail.value.kind === 'hash').toBe(true);
      const deleted = await deleteKey(name);
      expect(deleted.status).toBe(200);
      expected.delete(b64(name));
      expect(await onNode(port, (client) => client.exists(name))).toBe(0);
      expect((await getKey(name)).status).toBe(404);
    }
  });

  it('lands an edit on the master of the key\'s slot, and refuses a rename across slots before Redis', async () => {
    const key = Buffer.from('{profile:7}:settings');
    const [slot] = await keySlots([key]);
    const port = (await slotMasters())[slot!]!;
    const created = await putKey({ db: 0, keyB64: b64(key), type: 'hash', create: true, op: { hset: { fieldB64: b64('theme'), valueB64: b64('dark') } } });
    expect(created.status).toBe(200);
    expected.add(b64(key));
    // The master's own connection holds it (another node would answer MOVED).
    expect(await onNode(port, (client) => client.hget(key, 'theme'))).toBe('dark');
    const ttl = await call(keyRoute.PATCH, 'PATCH', '/api/instances/shop/key', { headers: { cookie: adminCookie }, params, body: { db: 0, keyB64: b64(key), ttlMs: 600_000 } });
    expect(ttl.status).toBe(200);
    expect(await onNode(port, (client) => client.pttl(key))).toBeGreaterThan(500_000);

    const across = await putKey({ db: 0, keyB64: b64(key), type: 'hash', op: { rename: { newKeyB64: b64('settings:7') } } });
    expect(across.status).toBe(400);
    expect((await across.json()).error.message).toMatch(/^CROSSSLOT: .*slot/);
    const within = await putKey({ db: 0, keyB64: b64(key), type: 'hash', op: { rename: { newKeyB64: b64('{profile:7}:prefs') } } });
    expect(within.status).toBe(200);
    expected.delete(b64(key));
    expected.add(b64('{profile:7}:prefs'));
    expect(await onNode(port, (client) => client.exists('{profile:7}:prefs'))).toBe(1);
    // The audit entries name the node each change was made on.
    const log = await (await call(auditRoute, 'GET', '/api/audit?action=key.edit', { headers: { cookie: adminCookie } })).json();
    const targets = (log.entries as Array<{ target: string; outcome: string }>).filter((entry) => entry.outcome === 'ok').map((entry) => entry.target);
    expect(targets).toHaveLength(2);
    for (const target of targets) expect(target).toMatch(new RegExp(`on node 127\\.0\\.0\\.1:${port}$`));
  });

  it('describes visible keys grouped per master, in the order asked, the gone ones apart', async () => {
    const asked = ['item:500', 'item:501', 'item:502', 'nothing:here', 'item:503', '{profile:7}:prefs'].map(b64);
    const response = await call(metaRoute.POST, 'POST', '/api/instances/shop/keys/meta', { headers: asViewer, params, body: { db: 0, keysB64: asked } });
    expect(response.status).toBe(200);
    const reply = (await response.json()) as KeysMetaReply;
    expect(reply.keys.map((row) => row.keyB64)).toEqual(asked.filter((id) => id !== b64('nothing:here')));
    expect(reply.missing).toEqual([b64('nothing:here')]);
    expect(reply.keys.every((row) => row.type !== undefined && row.ttlMs !== undefined)).toBe(true);
    await expectRowsOnTheirMasters(reply.keys);
  });
});

describe('scan all and bulk delete on a cluster', () => {
  it('streams every key of every master once, in one export', async () => {
    const response = await call(exportRoute.GET, 'GET', '/api/instances/shop/keys/export', { headers: asViewer, params });
    expect(response.headers.get('x-redlens-db-size')).toBe(String(expected.size));
    const { names, last } = await readExport(response);
    expect(last).toMatchObject({ done: true, keys: expected.size });
    const ids = names.map((line) => (line as { keyB64: string }).keyB64);
    expect(ids.length).toBe(expected.size);
    expect(new Set(ids)).toEqual(expected);
  });

  it('deletes by pattern on every master (dry run first), UNLINKing per slot', async () => {
    await Promise.all(Array.from({ length: 300 }, (_, i) => writer.set(`bulk:${i}`, 'x')));
    const start = async (dryRun: boolean) => {
      const response = await call(deleteRoute.POST, 'POST', '/api/instances/shop/keys/delete', { headers: { cookie: adminCookie }, params, body: { db: 0, match: 'bulk:*', dryRun } });
      expect(response.status).toBe(202);
      const { id } = (await response.json()) as { id: string };
      await redlens().jobs.settled(id);
      const job = await call(jobRoute.GET, 'GET', `/api/instances/shop/jobs/${id}`, { headers: { cookie: adminCookie }, params: { id: 'shop', jobId: id } });
      expect(job.status).toBe(200);
      return (await job.json()) as BulkDeleteJob;
    };
    const dry = await start(true);
    expect(dry.result).toMatchObject({ dryRun: true, matched: 300, deleted: 0, errors: 0, stoppedBy: 'end' });
    const real = await start(false);
    expect(real.status).toBe('done');
    expect(real.result).toMatchObject({ dryRun: false, matched: 300, deleted: 300, errors: 0, stoppedBy: 'end' });
    for (const port of new Set(await slotMasters())) expect(await onNode(port, (client) => client.keys('bulk:*'))).toEqual([]);
    expect(await writer.exists('item:600')).toBe(1);
  });
});

describe('redirections and failovers', () => {
  it('reads through an ASK while a slot migrates (writes wait: 503), and follows a MOVED once it moved, under a stale view', async () => {
    const key = Buffer.from('item:2500');
    const [slot] = await keySlots([key]);
    const owners = await slotMasters();
    const source = owners[slot!]!;
    const target = [...new Set(owners)].find((port) => port !== source)!;
    const [sourceId, targetId] = await Promise.all([nodeIdOf(source), nodeIdOf(target)]);
    const topology = redlens().registry.get('shop')!.topology!;
    await topology.refresh();
    expect((await topology.nodeForKey(key)).address).toBe(`127.0.0.1:${source}`);

    await onNode(target, (client) => client.call('CLUSTER', 'SETSLOT', String(slot), 'IMPORTING', sourceId));
    await onNode(source, (client) => client.call('CLUSTER', 'SETSLOT', String(slot), 'MIGRATING', targetId));
    const inSlot = await onNode(source, (client) => client.call('CLUSTER', 'GETKEYSINSLOT', String(slot), '1000') as Promise<string[]>);
    expect(inSlot).toContain(key.toString());
    await onNode(source, (client) => client.call('MIGRATE', '127.0.0.1', String(target), '', '0', '5000', 'KEYS', ...inSlot));
    // Mid-migration the source answers ASK: the detail is read on the importing node, asking.
    const asked = await getKey(key);
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as KeyDetail).node).toEqual({ address: `127.0.0.1:${target}`, instanceId: instanceIdOf(target) });
    // The listing lists it once, on the importing node (its TYPE read there with ASKING).
    const midway = await listEverything();
    expect(midway.rows.length).toBe(expected.size);
    expect(new Set(midway.rows.map((row) => row.keyB64))).toEqual(expected);
    expect(midway.rows.find((row) => row.key === key.toString())!.node?.address).toBe(`127.0.0.1:${target}`);
    const exactly = (await (await listPage(`match=${encodeURIComponent(key.toString())}`)).json()) as KeysPage;
    expect(exactly.keys.map((row) => [row.key, row.node?.address])).toEqual([[key.toString(), `127.0.0.1:${target}`]]);
    // The rows on screen are described, each on its node (the moved one asked for on the importing node).
    const metaIds = [b64(key), b64('item:1000'), b64('item:1001')];
    const meta = await call(metaRoute.POST, 'POST', '/api/instances/shop/keys/meta', { headers: asViewer, params, body: { db: 0, keysB64: metaIds } });
    expect(meta.status).toBe(200);
    const described = (await meta.json()) as KeysMetaReply;
    expect(described.keys.map((row) => row.keyB64)).toEqual(metaIds);
    expect(described.keys[0]!.node?.address).toBe(`127.0.0.1:${target}`);
    // A write is not sent through a half-moved slot: a 503 that says so, nothing changed.
    const write = await call(keyRoute.PATCH, 'PATCH', '/api/instances/shop/key', { headers: { cookie: adminCookie }, params, body: { db: 0, keyB64: b64(key), ttlMs: 600_000 } });
    expect(write.status).toBe(503);
    expect((await write.json()).error.message).toMatch(/slot \d+ of cluster "shop" is moving between nodes/);
    expect(await onNode(target, async (client) => (await client.pipeline().call('ASKING').pttl(key).exec())![1]![1])).toBe(-1);

    for (const port of [target, source, ...new Set(owners)].filter((port, i, all) => all.indexOf(port) === i)) {
      await onNode(port, (client) => client.call('CLUSTER', 'SETSLOT', String(slot), 'NODE', targetId));
    }
    // Redlens's view (read moments ago) still says the source: its answer is a MOVED, followed.
    expect((await topology.nodeForKey(key)).address).toBe(`127.0.0.1:${source}`);
    const moved = await getKey(key);
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as KeyDetail).node).toEqual({ address: `127.0.0.1:${target}`, instanceId: instanceIdOf(target) });
    expect((await topology.nodeForKey(key)).address).toBe(`127.0.0.1:${target}`);
    // The listing still has every key once, the moved ones on their new master.
    const { rows } = await listEverything();
    expect(new Set(rows.map((row) => row.keyB64))).toEqual(expected);
    expect(rows.length).toBe(expected.size);
    await expectRowsOnTheirMasters(rows);
  });

  it('keeps listing and reading keys across a CLUSTER FAILOVER between two pages', async () => {
    const topology = redlens().registry.get('shop')!.topology!;
    const view = await topology.refresh();
    const first = view.nodes.find((node) => node.role === 'master' && node.slots[0]![0] === 0)!;
    const replica = view.nodes.find((node) => node.role === 'replica' && node.masterNodeId === first.nodeId)!;
    const replicaPort = Number(replica.address.split(':')[1]);

    const page1 = (await (await listPage('count=300')).json()) as KeysPage;
    expect(page1.cursor.startsWith(`cluster:0@${first.address}/`)).toBe(true);
    const rows = [...page1.keys];

    await onNode(replicaPort, (client) => client.call('CLUSTER', 'FAILOVER'));
    // Done when both agree: the replica is master, and the old master has learned it is a replica
    // (until then it still serves the slots, and answers for them).
    const roleOf = (port: number) => onNode(port, async (client) => ((await client.call('ROLE')) as [string])[0]);
    const deadline = Date.now() + 15_000;
    while ((await roleOf(replicaPort)) !== 'master' || (await roleOf(Number(first.address.split(':')[1]))) !== 'slave') {
      if (Date.now() > deadline) throw new Error('the failover did not complete');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Redlens's view is still the one from before the failover (younger than 5 s).
    expect(topology.last!.nodes.find((node) => node.nodeId === first.nodeId)!.role).toBe('master');

    let cursor = page1.cursor;
    while (cursor !== '0') {
      const response = await listPage(`count=300&cursor=${encodeURIComponent(cursor)}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as KeysPage;
      rows.push(...page.keys);
      cursor = page.cursor;
    }
    // The shard restarted on its new master: nothing missed (repeats allowed, the browser drops them).
    expect(new Set(rows.map((row) => row.keyB64))).toEqual(expected);
    const after = rows.slice(page1.keys.length);
    expect(after.some((row) => row.node?.address === replica.address)).toBe(true);
    expect(after.some((row) => row.node?.address === first.address)).toBe(false);
    await expectRowsOnTheirMasters(after);

    // A key of the failed-over shard reads from its new master.
    const onShard = page1.keys[0]!;
    const read = await getKey(Buffer.from(onShard.keyB64, 'base64'));
    expect(read.status).toBe(200);
    expect(((await read.json()) as KeyDetail).node?.address).toBe(replica.address);
  });
});
