// A Sentinel deployment on real servers (a master, a replica, two sentinels): Redlens follows the
// master the sentinels name. After SENTINEL FAILOVER the instance answers from the new master
// within 10 s (INFO, the key listing and a key read: the RespPipes moved too), the history goes on
// under the same id, an event says the primary moved from A to B, and the sentinels' view route
// tells quorum, master, replicas and sentinels. Redlens asks the sentinels as a least-privilege
// ACL user of theirs; no sentinel answering, or none knowing the master, is a clear 503.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InfoResponse } from '@/lib/api/types';
import type { SentinelResponse } from '@/lib/api/sentinel';
import type { KeyDetail, KeysPage } from '@/lib/keys/types';
import { freePort } from '../scripts/lib/redis-server.mjs';
import { call, cookieOf, useAppEnv } from './app-env';
import { listAllPages } from './key-pages';
import { eventually, redisUrl } from './redis';
import { samplerHarness } from './sampler-harness';
import { MASTER_NAME, startSentinelSetup, type SentinelSetup } from './sentinel-setup';

const TOKEN = 'sentinel-token-0123456789';
const ADMIN_PASSWORD = 'sentinel-admin-password';
/** The sentinels ask for a password of their own (the master asks none). */
const SENTINEL_PASSWORD = 'sentinels-own-password';
/**
 * Redlens's least-privilege user on the sentinels (the README's line): it finds the master,
 * hears +switch-master and reads the sentinels' view, and may do nothing else.
 */
const SENTINEL_ACL = 'user redlens on >redlens-sentinel-pw resetchannels &+switch-master -@all +ping +client|setname +sentinel|get-master-addr-by-name +sentinel|sentinels +sentinel|master +sentinel|replicas +subscribe';
const asToken = (id = 's') => ({ headers: { authorization: `Bearer ${TOKEN}` }, params: { id } });

const infoRoute = await import('@/app/api/instances/[id]/info/route');
const keysRoute = await import('@/app/api/instances/[id]/keys/route');
const keyRoute = await import('@/app/api/instances/[id]/key/route');
const sentinelRoute = await import('@/app/api/instances/[id]/sentinel/route');
const { server: app } = await import('@/lib/server/root');
const { POST: login } = await import('@/app/api/auth/login/route');

const b64 = (text: string) => Buffer.from(text).toString('base64');
const KEYS = 60;

let setup: SentinelSetup;
let master: Redis;
let replica: Redis;
let harness: ReturnType<typeof samplerHarness>;
let adminCookie = '';

async function info(): Promise<InfoResponse> {
  const response = await call(infoRoute.GET, 'GET', '/api/instances/s/info', asToken());
  if (response.status !== 200) throw new Error(`info answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as InfoResponse;
}

const runIdOf = async (client: Redis) => /run_id:(\w+)/.exec(await client.info('server'))![1]!;

async function listedNames(): Promise<string[]> {
  const pages = await listAllPages((query) => call(keysRoute.GET, 'GET', `/api/instances/s/keys?${query}`, asToken()), 'count=1000');
  return pages.flatMap((page: KeysPage) => page.keys.map((row) => row.key)).sort();
}

async function readString(name: string, db = 0): Promise<string> {
  const response = await call(keyRoute.GET, 'GET', `/api/instances/s/key?keyB64=${encodeURIComponent(b64(name))}&db=${db}`, asToken());
  expect(response.status).toBe(200);
  const detail = (await response.json()) as KeyDetail;
  if (detail.value.kind !== 'string') throw new Error(`${name} read as ${detail.value.kind}`);
  return Buffer.from(detail.value.b64, 'base64').toString('utf8');
}

/** Sets a string through the admin's key edit (its own connection, a duplicate of the client). */
async function editString(name: string, value: string, create: boolean): Promise<void> {
  const response = await call(keyRoute.PUT, 'PUT', '/api/instances/s/key', {
    headers: { cookie: adminCookie }, params: { id: 's' },
    body: { db: 0, keyB64: b64(name), type: 'string', create, op: { set: { valueB64: b64(value) } } },
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** Names of the connections a server lists (CLIENT LIST). */
const connectionNames = async (client: Redis) =>
  ((await client.call('CLIENT', 'LIST')) as string).split('\n').map((line) => /name=(\S*)/.exec(line)?.[1] ?? '').filter(Boolean);

beforeAll(async () => {
  setup = await startSentinelSetup(2, { sentinelPassword: SENTINEL_PASSWORD, sentinelConf: [SENTINEL_ACL] });
  master = new Redis(redisUrl(setup.master));
  replica = new Redis(redisUrl(setup.replica));
  const pipeline = master.pipeline();
  for (let i = 0; i < KEYS - 1; i += 1) pipeline.set(`user:${i}`, `value ${i}`);
  pipeline.set('where', 'written on the first master');
  pipeline.select(1);
  pipeline.set('in-db1', 'db 1 on the first master');
  pipeline.select(0);
  await pipeline.exec();
  // Every key on the replica before it is promoted.
  expect(await master.call('WAIT', '1', '5000')).toBe(1);
  const sentinel = { sentinels: setup.addresses, masterName: MASTER_NAME, sentinelUsername: 'redlens', sentinelPassword: 'redlens-sentinel-pw' };
  const closed = [await freePort(), await freePort()];
  useAppEnv({
    instances: [
      { id: 's', ...sentinel },
      { id: 'plain', url: redisUrl(setup.master) },
      { id: 'no-sentinel', sentinels: closed.map((port) => `127.0.0.1:${port}`), masterName: MASTER_NAME },
      { id: 'wrong-name', sentinels: setup.addresses, masterName: 'no-such-master', sentinelPassword: SENTINEL_PASSWORD },
      { id: 'no-password', sentinels: setup.addresses, masterName: MASTER_NAME },
    ],
    env: { REDLENS_API_TOKEN: TOKEN, REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD },
  });
  adminCookie = cookieOf(await call(login, 'POST', '/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } }));
  expect(adminCookie).not.toBe('');
  harness = samplerHarness({
    s: {
      url: 'redis://sentinel-master',
      sentinel: { sentinels: setup.addresses.map((address) => ({ host: '127.0.0.1', port: Number(address.split(':')[1]) })), masterName: MASTER_NAME, password: SENTINEL_PASSWORD },
    },
  });
}, 60_000);

afterAll(async () => {
  await harness?.close();
  await app().registry.close();
  master?.disconnect();
  replica?.disconnect();
  await setup?.stop();
});

describe('a Sentinel instance', () => {
  it('connects to the master the sentinels name: INFO, the key listing and a key read', async () => {
    const answer = await info();
    expect(answer.derived.runId).toBe(await runIdOf(master));
    expect(answer.sections.server?.tcp_port).toBe(setup.master.port);
    expect(answer.derived.role).toBe('primary');
    const names = await listedNames();
    expect(names).toHaveLength(KEYS);
    expect(names).toContain('where');
    expect(await readString('where')).toBe('written on the first master');
    expect(await readString('in-db1', 1)).toBe('db 1 on the first master');
    await editString('edited', 'before the failover', true);
    expect(await master.call('WAIT', '1', '5000')).toBe(1);
    expect(await master.get('edited')).toBe('before the failover');
    // The RespPipes of the listing and the value read are on the master.
    expect(await connectionNames(master)).toContain('redlens-keys');
    expect(await connectionNames(replica)).not.toContain('redlens-keys');
    const summary = await app().registry.get('s')!.summary();
    expect(summary).toMatchObject({ status: 'up', address: `127.0.0.1:${setup.master.port} (${MASTER_NAME} via sentinels)` });
  });

  it('shows the sentinels\' view: quorum, the master, its replica and the other sentinel', async () => {
    const response = await call(sentinelRoute.GET, 'GET', '/api/instances/s/sentinel', asToken());
    expect(response.status).toBe(200);
    const { sentinel } = (await response.json()) as SentinelResponse;
    expect(sentinel).toMatchObject({
      masterName: MASTER_NAME,
      configured: setup.addresses,
      answeredBy: setup.addresses[0],
      unreachable: [],
      master: { name: MASTER_NAME, address: `127.0.0.1:${setup.master.port}`, quorum: 1, replicas: 1, otherSentinels: 1, downAfterMs: 1000, failoverTimeoutMs: 5000 },
    });
    expect(sentinel!.master.flags).toContain('master');
    expect(sentinel!.replicas.map((peer) => [peer.address, peer.masterLinkStatus, peer.following])).toEqual([
      [`127.0.0.1:${setup.replica.port}`, 'ok', `127.0.0.1:${setup.master.port}`],
    ]);
    expect(sentinel!.sentinels.map((peer) => peer.address)).toEqual([setup.addresses[1]]);
  });

  it('says so at once when no sentinel answers, or none knows the master (never a hang)', async () => {
    const started = Date.now();
    const down = await call(infoRoute.GET, 'GET', '/api/instances/no-sentinel/info', asToken('no-sentinel'));
    expect(down.status).toBe(503);
    // ioredis says a refused sentinel connection "is closed".
    expect(((await down.json()) as { error: { message: string } }).error.message).toMatch(/^No sentinel of "mymaster" answered \(127\.0\.0\.1:\d+, 127\.0\.0\.1:\d+\): Connection is closed/);
    const view = await call(sentinelRoute.GET, 'GET', '/api/instances/no-sentinel/sentinel', asToken('no-sentinel'));
    expect(view.status).toBe(503);
    expect(((await view.json()) as { error: { message: string } }).error.message).toMatch(/^No sentinel of mymaster answered: .*ECONNREFUSED/);

    const unknown = await call(infoRoute.GET, 'GET', '/api/instances/wrong-name/info', asToken('wrong-name'));
    expect(unknown.status).toBe(503);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('name no master "no-such-master"');
    const unknownView = await call(sentinelRoute.GET, 'GET', '/api/instances/wrong-name/sentinel', asToken('wrong-name'));
    expect(unknownView.status).toBe(503);
    expect(((await unknownView.json()) as { error: { message: string } }).error.message).toContain('No such master with that name');

    // Sentinels that ask for a password Redlens was not given.
    const refused = await call(infoRoute.GET, 'GET', '/api/instances/no-password/info', asToken('no-password'));
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^No sentinel of "mymaster" answered .*NOAUTH/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers {sentinel: null} for a plain instance', async () => {
    const response = await call(sentinelRoute.GET, 'GET', '/api/instances/plain/sentinel', asToken('plain'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sentinel: null });
  });

  it('follows a failover to the new master within 10 s, with its history and an event', async () => {
    const firstRun = await runIdOf(master);
    const secondRun = await runIdOf(replica);
    const before = await harness.step('s', 10_000);
    expect(before?.row?.runId).toBe(firstRun);

    const sentinel = setup.sentinelClient();
    const started = Date.now();
    expect(await sentinel.call('SENTINEL', 'FAILOVER', MASTER_NAME)).toBe('OK');
    const moved = await eventually(async () => {
      const answer = await info();
      if (answer.derived.runId !== secondRun) throw new Error(`still on ${answer.sections.server?.tcp_port}`);
      return answer;
    }, 10_000);
    const tookMs = Date.now() - started;
    expect(tookMs).toBeLessThan(10_000);
    expect(moved.sections.server?.tcp_port).toBe(setup.replica.port);
    expect(moved.derived.role).toBe('primary');
    console.log(`[sentinel] the instance answered from the new master ${tookMs} ms after SENTINEL FAILOVER`);

    // A key written on the new master only (the old one is not its replica yet): the listing and
    // the value read come from the new master, so the RespPipes moved with the client.
    await replica.set('only-on-new-master', 'written after the failover');
    expect(await master.exists('only-on-new-master')).toBe(0);
    const names = await listedNames();
    expect(names).toContain('only-on-new-master');
    expect(names).toHaveLength(KEYS + 2); // and the key edited before the failover
    expect(await readString('only-on-new-master')).toBe('written after the failover');
    expect(await readString('where')).toBe('written on the first master');
    // db 1's connection and the edit connection are duplicates of the client: they follow too.
    await replica.select(1);
    await replica.set('in-db1', 'db 1 on the new master');
    await replica.select(0);
    expect(await readString('in-db1', 1)).toBe('db 1 on the new master');
    await editString('edited', 'after the failover', false);
    expect(await replica.get('edited')).toBe('after the failover');
    expect(await connectionNames(replica)).toContain('redlens-keys');
    expect(await connectionNames(master)).not.toContain('redlens-keys');
    const summary = await app().registry.get('s')!.summary();
    expect(summary.address).toBe(`127.0.0.1:${setup.replica.port} (${MASTER_NAME} via sentinels)`);

    // The sampler goes on under the same instance id, now with the new master's run_id.
    const after = await eventually(async () => {
      const row = await harness.step('s', 10_000);
      if (row?.row?.runId !== secondRun) throw new Error(`sampled run ${row?.row?.runId}`);
      return row;
    }, 10_000);
    expect(after.row?.up).toBe(true);
    const runs = harness.db.prepare('SELECT DISTINCT run_id AS runId FROM samples_raw WHERE instance = ? AND up = 1 ORDER BY ts').all('s') as Array<{ runId: string }>;
    expect(runs.map((row) => row.runId)).toEqual([firstRun, secondRun]);

    const events = harness.eventList('s');
    const failover = events.find((event) => event.kind === 'role-change');
    expect(failover).toMatchObject({
      title: `Failover: the primary moved from 127.0.0.1:${setup.master.port} to 127.0.0.1:${setup.replica.port}`,
      before: { role: 'primary', server: `127.0.0.1:${setup.master.port}`, runId: firstRun },
      after: { role: 'primary', server: `127.0.0.1:${setup.replica.port}`, runId: secondRun },
    });
    // Another server's run_id is no restart of the instance.
    expect(events.map((event) => event.kind)).not.toContain('restart');

    // The sentinels' view names the new master.
    const view = await eventually(async () => {
      const { sentinel: current } = (await (await call(sentinelRoute.GET, 'GET', '/api/instances/s/sentinel', asToken())).json()) as SentinelResponse;
      if (current?.master.address !== `127.0.0.1:${setup.replica.port}`) throw new Error(`the sentinels name ${current?.master.address}`);
      return current;
    }, 5_000);
    expect(view.master.configEpoch).toBeGreaterThan(0);
  }, 40_000);
});
