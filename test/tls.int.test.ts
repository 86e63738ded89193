// TLS end to end (SPEC section 6, issue 15) against a real redis-server that speaks only TLS and
// requires a client certificate: INFO, the key listing and value reads (RespPipes), the export
// stream, a key edit (its own connection), another db (a duplicate) and a sampler tick all work
// with the configured CA and client certificate; a wrong CA, a missing client certificate and a
// certificate that does not name the host are 503s that say so, within the connect timeout, never
// a hang; the instances list warns about an unverified certificate and never carries the files;
// a TLS Redis that comes back is used again without a restart.
import { readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '@/lib/api/error-codes';
import type { InfoResponse, InstancesResponse } from '@/lib/api/types';
import type { KeyEditReply } from '@/lib/keys/edit';
import type { ExportLine } from '@/lib/keys/export';
import { exportLine, NdjsonDecoder } from '@/lib/keys/ndjson';
import type { KeyDetail, KeysPage } from '@/lib/keys/types';
import { redisErrorToApiError } from '@/lib/redis/errors';
import { RespPipe } from '@/lib/redis/resp-pipe';
import { server as redlens } from '@/lib/server/root';
import { call, cookieOf, useAppEnv } from './app-env';
import { eventually, redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';
import { relaunchTlsRedis, startTlsRedis, tlsRedisUrl, type TlsRedis } from './tls';

const ADMIN_PASSWORD = 'tls-admin';

const { POST: login } = await import('@/app/api/auth/login/route');
const { GET: instancesRoute } = await import('@/app/api/instances/route');
const { GET: infoRoute } = await import('@/app/api/instances/[id]/info/route');
const { GET: keysRoute } = await import('@/app/api/instances/[id]/keys/route');
const keyRoute = await import('@/app/api/instances/[id]/key/route');
const { GET: exportRoute } = await import('@/app/api/instances/[id]/keys/export/route');

const b64 = (value: string) => Buffer.from(value).toString('base64');
/** What connect + handshake may take at most: the 2 s connect timeout and some slack for a loaded machine. */
const CLEAR_ERROR_WITHIN_MS = 3_000;

let tlsRedis: TlsRedis;
/** A plain-text Redis, named by a rediss:// url. */
let plain: RedisServer;
/** Accepts TCP connections and never answers: a TLS handshake to it would wait forever. */
let silent: net.Server;
const silentSockets: net.Socket[] = [];
let seed: Redis;
let admin = '';

const get = (handler: typeof infoRoute, id: string, pathname: string) =>
  call(handler, 'GET', pathname, { headers: { cookie: admin }, params: { id } });

async function json<T>(response: Response): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as T;
}

/** The error answer of `id`'s INFO, with how long it took. */
async function failure(id: string): Promise<{ status: number; code: string; message: string; ms: number }> {
  const started = Date.now();
  const response = await get(infoRoute, id, `/api/instances/${id}/info`);
  const ms = Date.now() - started;
  const body = (await response.json()) as ApiErrorBody;
  return { status: response.status, code: body.error.code, message: body.error.message, ms };
}

beforeAll(async () => {
  tlsRedis = await startTlsRedis();
  plain = await startTestRedis();
  silent = net.createServer((socket) => silentSockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentPort = (silent.address() as net.AddressInfo).port;
  const { files } = tlsRedis;
  const url = tlsRedisUrl(tlsRedis);
  const trusted = { ca: files.ca, cert: files.clientCert, key: files.clientKey };
  // Typed loosely on purpose: useAppEnv writes whatever instance objects it is given to the config file.
  const instances = [
    { id: 't', url, tls: trusted },
    // By name: the name is sent as SNI and checked against the certificate's DNS names.
    { id: 'by-name', url: `rediss://localhost:${tlsRedis.port}`, tls: trusted },
    { id: 'wrong-ca', url, tls: { ...trusted, ca: files.otherCa } },
    { id: 'no-client-cert', url, tls: { ca: files.ca } },
    { id: 'wrong-name', url, tls: { ...trusted, servername: 'redis.example.com' } },
    { id: 'insecure', url, tls: { ...trusted, ca: files.otherCa, rejectUnauthorized: false } },
    { id: 'plain', url: redisUrl(plain).replace('redis://', 'rediss://'), tls: trusted },
    { id: 'silent', url: `rediss://127.0.0.1:${silentPort}`, tls: trusted },
  ];
  useAppEnv({ instances, env: { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  const read = (file: string) => readFileSync(file);
  seed = new Redis({ host: '127.0.0.1', port: tlsRedis.port, lazyConnect: true, tls: { ca: read(files.ca), cert: read(files.clientCert), key: read(files.clientKey) } });
  seed.on('error', () => undefined); // the server is stopped on purpose below
  await seed.connect();
  const pipeline = seed.pipeline();
  for (let i = 0; i < 30; i++) pipeline.set(`tls:n:${i}`, String(i));
  pipeline.hset('tls:hash', 'field', 'value').set('tls:str', 'hello over tls').select(2).set('tls:db2', 'two').select(0);
  await pipeline.exec();
  admin = cookieOf(await call(login, 'POST', '/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } }));
  expect(admin).not.toBe('');
}, 60_000);

afterAll(async () => {
  seed?.disconnect();
  await redlens().registry.close();
  if (tlsRedis) {
    await stopRedis(tlsRedis.server);
    rmSync(tlsRedis.files.dir, { recursive: true, force: true });
  }
  if (plain) await stopRedis(plain, { removeDir: true });
  for (const socket of silentSockets) socket.destroy();
  silent?.close();
});

describe('a TLS Redis that requires client certificates', () => {
  it('speaks only TLS: its plain-text port is closed', async () => {
    expect(await seed.config('GET', 'port')).toEqual(['port', '0']);
    expect(await seed.config('GET', 'tls-auth-clients')).toEqual(['tls-auth-clients', 'yes']);
  });

  it('serves INFO, the key listing, a value, the export and a key edit, each over TLS with the client certificate', async () => {
    const info = await json<InfoResponse>(await get(infoRoute, 't', '/api/instances/t/info'));
    expect(info.derived.version).toMatch(/^7\./);

    // The listing's TYPE / PTTL / MEMORY USAGE come over a RespPipe.
    const page = await json<KeysPage>(await get(keysRoute, 't', '/api/instances/t/keys?db=0&match=tls:*&count=1000'));
    const names = new Set(page.keys.map((row) => row.key));
    expect(names.size).toBe(32);
    expect(page.keys.find((row) => row.key === 'tls:hash')).toMatchObject({ type: 'hash', ttlMs: -1 });
    expect(page.keys.every((row) => typeof row.memoryBytes === 'number')).toBe(true);

    // Value reads come over the capped RespPipe.
    const hash = await json<KeyDetail>(await get(keyRoute.GET, 't', `/api/instances/t/key?db=0&keyB64=${encodeURIComponent(b64('tls:hash'))}`));
    expect(hash.value).toMatchObject({ kind: 'hash', entries: [{ field: { text: 'field' }, value: { text: 'value' } }] });
    const text = await json<KeyDetail>(await get(keyRoute.GET, 't', `/api/instances/t/key?db=0&keyB64=${encodeURIComponent(b64('tls:str'))}`));
    expect(text.value).toMatchObject({ kind: 'string', b64: b64('hello over tls') });

    // The export stream, on its own pipe.
    const exported = await get(exportRoute, 't', '/api/instances/t/keys/export?db=0&match=tls:*');
    expect(exported.status).toBe(200);
    const decoder = new NdjsonDecoder();
    const lines: ExportLine[] = [];
    const reader = exported.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      lines.push(...decoder.push(value).map(exportLine));
    }
    lines.push(...decoder.end().map(exportLine));
    const exportedNames = lines.filter((line): line is Extract<ExportLine, { keyB64: string }> => 'keyB64' in line).map((line) => line.keyB64);
    expect(new Set(exportedNames)).toEqual(new Set(page.keys.map((row) => row.keyB64)));
    expect(lines.at(-1)).toMatchObject({ done: true });

    // A key edit, on the redlens-edit connection.
    const edited = await call(keyRoute.PUT, 'PUT', '/api/instances/t/key', {
      headers: { cookie: admin }, params: { id: 't' },
      body: { db: 0, keyB64: b64('tls:str'), type: 'string', op: { set: { valueB64: b64('edited over tls') } } },
    });
    expect(await json<KeyEditReply>(edited)).toMatchObject({ op: 'set', created: false });
    expect(await seed.get('tls:str')).toBe('edited over tls');

    // Another db: a duplicate of the registry's client, and that db's pipes.
    const db2 = await json<KeysPage>(await get(keysRoute, 't', '/api/instances/t/keys?db=2&match=tls:*'));
    expect(db2.keys.map((row) => row.key)).toEqual(['tls:db2']);

    // Every kind of connection was made, TLS being the only way in.
    const clients = String(await seed.client('LIST'));
    for (const name of ['redlens', 'redlens-keys', 'redlens-edit']) expect(clients).toContain(` name=${name} `);
  });

  it('checks a host name against the certificate\'s DNS names', async () => {
    const info = await json<InfoResponse>(await get(infoRoute, 'by-name', '/api/instances/by-name/info'));
    expect(info.derived.version).toMatch(/^7\./);
  });

  it('samples it: the sampler tick reads INFO over TLS', async () => {
    const instance = redlens().registry.get('t')!;
    await redlens().sampler.sample(instance);
    const latest = redlens().sampler.latest('t');
    expect(latest.row).not.toBeNull();
    expect(latest.sections?.server?.redis_version).toMatch(/^7\./);
  });
});

describe('TLS failures are clear 503s, never hangs', () => {
  it('a wrong CA: the server certificate was not trusted', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await failure('wrong-ca');
      expect(answer).toMatchObject({ status: 503, code: 'REDIS_UNAVAILABLE' });
      expect(answer.message).toMatch(/TLS certificate was not trusted/);
      expect(answer.message).toMatch(/tls\.ca/);
      expect(answer.ms).toBeLessThan(CLEAR_ERROR_WITHIN_MS);
    }
  });

  it('a RespPipe with a wrong CA fails the same way', async () => {
    const pipe = new RespPipe({
      host: '127.0.0.1', port: tlsRedis.port, db: 0, connectionName: 'redlens-tls-test',
      tls: { ca: readFileSync(tlsRedis.files.otherCa), cert: readFileSync(tlsRedis.files.clientCert), key: readFileSync(tlsRedis.files.clientKey) },
    });
    const error = await pipe.send([['PING']]).then(() => null, (failed: unknown) => failed);
    pipe.close();
    expect(redisErrorToApiError(error)).toMatchObject({ code: 'REDIS_UNAVAILABLE', message: expect.stringMatching(/TLS certificate was not trusted/) });
  });

  it('no client certificate where the server requires one: says so', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await failure('no-client-cert');
      expect(answer).toMatchObject({ status: 503, code: 'REDIS_UNAVAILABLE' });
      expect(answer.message).toMatch(/client certificate/);
      expect(answer.message).toMatch(/tls\.cert and tls\.key/);
      expect(answer.ms).toBeLessThan(CLEAR_ERROR_WITHIN_MS);
    }
  });

  it('a certificate that does not name the host (or servername): says which names it has', async () => {
    const answer = await failure('wrong-name');
    expect(answer).toMatchObject({ status: 503, code: 'REDIS_UNAVAILABLE' });
    expect(answer.message).toMatch(/TLS certificate was not trusted: it does not name the host/);
    expect(answer.message).toContain('redis.example.com');
    expect(answer.ms).toBeLessThan(CLEAR_ERROR_WITHIN_MS);
  });

  it('a server that never completes the handshake: the connect timeout, not a hang', async () => {
    const answer = await failure('silent');
    expect(answer).toMatchObject({ status: 503, code: 'REDIS_UNAVAILABLE' });
    expect(answer.message).toMatch(/ETIMEDOUT|did not become ready/);
    expect(answer.ms).toBeLessThan(CLEAR_ERROR_WITHIN_MS);
    expect(silentSockets.length).toBeGreaterThan(0);
  });

  it('a plain-text Redis behind a rediss:// url: within the connect timeout, the answer says the port may not speak TLS', async () => {
    const answer = await failure('plain');
    expect(answer).toMatchObject({ status: 503, code: 'REDIS_UNAVAILABLE' });
    // A plain-text Redis takes the ClientHello as the start of a command and waits: a timeout, with the hint.
    expect(answer.message).toMatch(/does not speak TLS.*tls-port/);
    expect(answer.ms).toBeLessThan(CLEAR_ERROR_WITHIN_MS);
  });

  it('a TLS Redis that goes away is a 503 at once, and is used again when it is back', async () => {
    await stopRedis(tlsRedis.server);
    const down = await failure('t');
    expect(down).toMatchObject({ status: 503, code: 'REDIS_UNAVAILABLE' });
    expect(down.ms).toBeLessThan(CLEAR_ERROR_WITHIN_MS);
    await relaunchTlsRedis(tlsRedis);
    await eventually(async () => {
      const info = await json<InfoResponse>(await get(infoRoute, 't', '/api/instances/t/info'));
      expect(info.derived.version).toMatch(/^7\./);
    }, 10_000);
    const page = await json<KeysPage>(await get(keysRoute, 't', '/api/instances/t/keys?db=0&match=tls:n:*&count=1000'));
    // The server restarted without persistence: the listing works again (and is empty).
    expect(page.keys).toEqual([]);
  }, 30_000);
});

// Last: the listing connects every instance, and the failures above must each be a first connect.
describe('GET /api/instances', () => {
  it('lists the instances with TLS, warns when the certificate is not verified, and never sends the TLS files', async () => {
    const response = await get(instancesRoute as typeof infoRoute, '', '/api/instances');
    const text = await response.text();
    expect(response.status).toBe(200);
    const { instances } = JSON.parse(text) as InstancesResponse;
    const byId = new Map(instances.map((instance) => [instance.id, instance]));
    expect(byId.get('t')).toMatchObject({ tls: true, status: 'up' });
    expect(byId.get('t')).not.toHaveProperty('tlsInsecure');
    // rejectUnauthorized: false connects although its CA did not sign the server's certificate.
    expect(byId.get('insecure')).toMatchObject({ tls: true, tlsInsecure: true, status: 'up' });
    expect(text).not.toContain('BEGIN');
    expect(text).not.toContain(tlsRedis.files.dir);
  });
});
