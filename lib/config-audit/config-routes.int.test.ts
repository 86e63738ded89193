// The config audit, apply and fleet drift against real redis-servers: every section 3 row warns
// on a deliberately bad config and is ok on the recommended one; secrets never leave the server;
// an apply changes exactly the one allowlisted setting and is audited; refusals come before any
// Redis call; a denied CONFIG GET names the ACL permission.
import { spawnSync } from 'node:child_process';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditStatus, ConfigAuditResponse, ConfigDriftResponse } from '@/lib/config-audit/types';
import { freePort } from '../../scripts/lib/redis-server.mjs';
import { call, cookieOf, useAppEnv } from '../../test/app-env';
import { rawCommand, redisUrl, startTestRedis, stopRedis, type RedisServer } from '../../test/redis';

const ADMIN_PASSWORD = 'config-admin-pw';
const VIEWER_PASSWORD = 'config-viewer-pw';
const SECRET = 'Sup3r-Secret-requirepass';
const MASTER_SECRET = 'Sup3r-Secret-masterauth';

/** Every section 3 row off the recommendation (io-threads 1 is only worth a look). */
const BAD_ARGS = [
  '--maxmemory', '0', '--maxmemory-policy', 'noeviction', '--maxmemory-samples', '3',
  '--lazyfree-lazy-eviction', 'no', '--lazyfree-lazy-expire', 'no', '--lazyfree-lazy-server-del', 'no', '--replica-lazy-flush', 'no',
  '--hash-max-listpack-entries', '1024', '--hash-max-listpack-value', '128', '--list-max-listpack-size', '-1', '--list-compress-depth', '1',
  '--set-max-intset-entries', '64', '--zset-max-listpack-entries', '256', '--zset-max-listpack-value', '32', '--hll-sparse-max-bytes', '1000',
  '--stream-node-max-bytes', '1024', '--stream-node-max-entries', '50',
  '--appendfsync', 'always', '--stop-writes-on-bgsave-error', 'yes', '--rdbcompression', 'no', '--rdbchecksum', 'no',
  '--tcp-keepalive', '0', '--timeout', '600', '--tcp-backlog', '128', '--client-output-buffer-limit', 'pubsub 1mb 1mb 10',
  '--slowlog-log-slower-than', '-1', '--slowlog-max-len', '32', '--latency-monitor-threshold', '0', '--io-threads', '1',
  '--masterauth', MASTER_SECRET,
];
/** The guide's recommendations (the rest are Redis 7's defaults). */
const GOOD_ARGS = [
  '--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru',
  '--lazyfree-lazy-eviction', 'yes', '--lazyfree-lazy-expire', 'yes', '--lazyfree-lazy-server-del', 'yes', '--replica-lazy-flush', 'yes',
  '--stop-writes-on-bgsave-error', 'no', '--latency-monitor-threshold', '100', '--io-threads', '2',
];

const { POST: login } = await import('@/app/api/auth/login/route');
const configRoute = await import('@/app/api/instances/[id]/config/route');
const driftRoute = await import('@/app/api/fleet/config-drift/route');
const { GET: auditLog } = await import('@/app/api/audit/route');

let bad: RedisServer;
let good: RedisServer;
let badRedis: Redis;
let admin = '';
let viewer = '';
/** Every JSON answer of this file, searched for the secrets at the end. */
const answers: string[] = [];

async function json<T>(response: Promise<Response>): Promise<{ status: number; body: T }> {
  const answer = await response;
  const text = await answer.text();
  answers.push(text);
  return { status: answer.status, body: JSON.parse(text) as T };
}

const getConfig = (id: string, cookie = viewer) =>
  json<ConfigAuditResponse>(call(configRoute.GET, 'GET', `/api/instances/${id}/config`, { headers: { cookie }, params: { id } }));
const patchConfig = (id: string, body: unknown, cookie = admin) =>
  json<{ name: string; before: string; after: string; error?: { code: string; message: string } }>(
    call(configRoute.PATCH, 'PATCH', `/api/instances/${id}/config`, { headers: { cookie }, body, params: { id } }),
  );
const statuses = (audit: ConfigAuditResponse) => new Set(audit.settings.map((setting) => setting.status));

async function signIn(username: 'admin' | 'viewer', password: string): Promise<string> {
  const response = await call(login, 'POST', '/api/auth/login', { body: { username, password } });
  expect(response.status).toBe(200);
  return cookieOf(response);
}

beforeAll(async () => {
  [bad, good] = await Promise.all([startTestRedis({ password: SECRET, args: BAD_ARGS }), startTestRedis({ args: GOOD_ARGS })]);
  // A user that may do anything but read the config.
  expect(await rawCommand(good.port, 'ACL SETUSER noconfig on >noconfig-pw ~* &* +@all -config|get')).toBe('+OK');
  useAppEnv({
    instances: [
      { id: 'bad', url: redisUrl(bad, SECRET) },
      { id: 'good', url: redisUrl(good) },
      { id: 'noconfig', url: `redis://noconfig:noconfig-pw@127.0.0.1:${good.port}` },
      // Nothing listens here: a request that reached Redis would answer 503, not 400.
      { id: 'gone', url: `redis://127.0.0.1:${await freePort()}` },
    ],
    env: { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD, REDLENS_VIEWER_PASSWORD: VIEWER_PASSWORD },
  });
  admin = await signIn('admin', ADMIN_PASSWORD);
  viewer = await signIn('viewer', VIEWER_PASSWORD);
  badRedis = new Redis({ port: bad.port, password: SECRET, lazyConnect: true });
  await badRedis.connect();
});

afterAll(async () => {
  badRedis?.disconnect();
  const { server } = await import('@/lib/server/root');
  await server().registry.close();
  await Promise.all([bad, good].map((each) => each && stopRedis(each, { removeDir: true })));
});

describe('GET /api/instances/{id}/config', () => {
  it('warns on every section 3 row of a deliberately bad config (io-threads 1 is info)', async () => {
    const { status, body } = await getConfig('bad');
    expect(status).toBe(200);
    expect(body.version).toMatch(/^7\./);
    expect(body.settings).toHaveLength(29);
    const notWarn = body.settings.filter((setting) => setting.status !== 'warn').map((setting) => `${setting.name}=${setting.status}`);
    expect(notWarn).toEqual(['io-threads=info']);
    expect(body.summary).toEqual({ ok: 0, warn: 28, info: 1 });
    const buffers = body.settings.find((setting) => setting.name === 'client-output-buffer-limit')!;
    expect(buffers.why).toContain('Differs for: pubsub');
  });

  it('is ok on every row of the recommended config', async () => {
    const { status, body } = await getConfig('good');
    expect(status).toBe(200);
    expect(statuses(body)).toEqual(new Set<AuditStatus>(['ok']));
    expect(body.summary).toEqual({ ok: 29, warn: 0, info: 0 });
    // The Redis 7 names, each listed once.
    expect(body.settings.map((setting) => setting.name)).toContain('hash-max-listpack-entries');
    expect(body.other.map((setting) => setting.name)).not.toContain('hash-max-ziplist-entries');
  });

  it('redacts the secrets and names them', async () => {
    const { body } = await getConfig('bad');
    expect(body.redacted).toEqual(expect.arrayContaining(['requirepass', 'masterauth', 'masteruser']));
    expect(body.other.map((setting) => setting.name)).not.toContain('requirepass');
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it('answers 502 naming +config|get when the ACL user may not read the config', async () => {
    const { status, body } = await json<{ error: { code: string; message: string } }>(
      call(configRoute.GET, 'GET', '/api/instances/noconfig/config', { headers: { cookie: viewer }, params: { id: 'noconfig' } }),
    );
    expect(status).toBe(502);
    expect(body.error.code).toBe('REDIS_COMMAND_DENIED');
    expect(body.error.message).toContain('+config|get');
  });
});

describe('PATCH /api/instances/{id}/config', () => {
  it('changes exactly the one setting, answers before and after, and is audited', async () => {
    const before = await badRedis.config('GET', '*') as string[];
    const { status, body } = await patchConfig('bad', { name: 'latency-monitor-threshold', value: '100' });
    expect(status).toBe(200);
    expect(body).toEqual({ name: 'latency-monitor-threshold', before: '0', after: '100' });
    const after = await badRedis.config('GET', '*') as string[];
    const changed = (pairs: string[]) => new Map(pairs.flatMap((_, i) => (i % 2 === 0 ? [[pairs[i]!, pairs[i + 1]!] as const] : [])));
    const [was, now] = [changed(before), changed(after)];
    expect([...now].filter(([name, value]) => was.get(name) !== value).map(([name]) => name)).toEqual(['latency-monitor-threshold']);

    const log = await json<{ entries: Array<{ action: string; actor: string; instance: string; target: string; outcome: string }> }>(
      call(auditLog, 'GET', '/api/audit?action=config.set', { headers: { cookie: admin } }),
    );
    expect(log.body.entries[0]).toMatchObject({ action: 'config.set', actor: 'admin', instance: 'bad', outcome: 'ok', target: 'latency-monitor-threshold: 0 -> 100' });
  });

  it('turns every allowlisted row ok by applying its fix', async () => {
    const { body: audit } = await getConfig('bad');
    const allowlisted = audit.settings.filter((setting) => setting.allowlisted && setting.status !== 'ok');
    expect(allowlisted.map((setting) => setting.name)).toContain('maxmemory-policy');
    for (const setting of allowlisted) {
      const { status } = await patchConfig('bad', { name: setting.name, value: setting.fixValue });
      expect(status, setting.name).toBe(200);
    }
    const { body: fixed } = await getConfig('bad');
    for (const setting of fixed.settings) {
      if (setting.allowlisted) expect(`${setting.name}=${setting.status}`).toBe(`${setting.name}=ok`);
    }
    // Advice only: untouched.
    expect(fixed.settings.find((setting) => setting.name === 'appendfsync')).toMatchObject({ value: 'always', status: 'warn' });
  });

  it.each([
    ['a setting outside the allowlist', { name: 'requirepass', value: 'x' }, 'not a setting Redlens may change'],
    ['an advice-only setting', { name: 'appendfsync', value: 'everysec' }, 'not a setting Redlens may change'],
    ['a value of the wrong kind', { name: 'maxmemory-policy', value: 'lru' }, 'must be one of'],
    ['a number out of range', { name: 'maxmemory-samples', value: '1000' }, 'between 1 and 64'],
    ['a maxclients Redis would take seconds over', { name: 'maxclients', value: '2147483647' }, 'between 1 and 1000000'],
    ['a size Redis would wrap around', { name: 'maxmemory', value: '999999999999999gb' }, 'at most 1 PiB'],
    ['an unknown field', { name: 'timeout', value: '0', db: 1 }, 'body'],
  ])('refuses %s with 400 before any Redis call', async (_what, body, message) => {
    // "gone" has no Redis: reaching it would answer 503.
    const { status, body: answer } = await patchConfig('gone', body);
    expect(status).toBe(400);
    expect(answer.error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(answer.error!.message).toContain(message);
  });

  // Redis refuses more clients than its file limit (inherited from this process) allows.
  const fileLimit = Number(spawnSync('sh', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).stdout.trim());
  it.skipIf(!(fileLimit < 1_000_000))("says Redis's own refusal of a value (more clients than the OS allows) as a 400", async () => {
    const { status, body } = await patchConfig('bad', { name: 'maxclients', value: '1000000' });
    expect(status).toBe(400);
    expect(body.error!.message).toContain('Redis refused maxclients');
  });

  it('is refused to a viewer', async () => {
    const { status } = await patchConfig('bad', { name: 'timeout', value: '0' }, viewer);
    expect(status).toBe(403);
  });
});

describe('GET /api/fleet/config-drift', () => {
  it('lists maxmemory-policy with each instance value, the unreachable instance apart, never a 5xx', async () => {
    expect(await rawCommand(good.port, 'CONFIG SET maxmemory-policy allkeys-lfu')).toBe('+OK');
    expect(await badRedis.config('SET', 'maxmemory-policy', 'volatile-lru')).toBe('OK');
    const { status, body } = await json<ConfigDriftResponse>(call(driftRoute.GET, 'GET', '/api/fleet/config-drift', { headers: { cookie: viewer } }));
    expect(status).toBe(200);
    const policy = body.settings.find((setting) => setting.name === 'maxmemory-policy');
    expect(policy).toMatchObject({ recommended: 'allkeys-lru (or allkeys-lfu)' });
    // noconfig reads the good server but may not run CONFIG GET: not compared.
    expect(policy!.values).toEqual([{ instance: 'bad', value: 'volatile-lru' }, { instance: 'good', value: 'allkeys-lfu' }]);
    expect(body.instances.find((instance) => instance.instance === 'gone')).toMatchObject({ reachable: false });
    expect(body.instances.find((instance) => instance.instance === 'noconfig')).toMatchObject({ reachable: false });
    expect(body.instances.find((instance) => instance.instance === 'bad')).toMatchObject({ reachable: true });
    expect(body.settings.map((setting) => setting.name)).not.toContain('port');
    expect(body.settings.map((setting) => setting.name)).not.toContain('requirepass');
    expect(body.settings[0]!.recommended).toBeDefined();
  });
});

describe('secrets', () => {
  it('never appear in any answer of this file', () => {
    expect(answers.length).toBeGreaterThan(10);
    for (const text of answers) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(MASTER_SECRET);
    }
  });
});

describe('read-only mode', () => {
  it('refuses an apply with 403 and changes nothing', async () => {
    useAppEnv({
      instances: [{ id: 'bad', url: redisUrl(bad, SECRET) }],
      env: { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD, REDLENS_READ_ONLY: '1' },
    });
    const readOnlyAdmin = await signIn('admin', ADMIN_PASSWORD);
    const before = await badRedis.config('GET', 'timeout');
    const { status, body } = await patchConfig('bad', { name: 'timeout', value: '123' }, readOnlyAdmin);
    expect(status).toBe(403);
    expect(body.error!.message).toContain('read-only');
    expect(await badRedis.config('GET', 'timeout')).toEqual(before);
    expect(before).not.toEqual(['timeout', '123']);
  });
});
