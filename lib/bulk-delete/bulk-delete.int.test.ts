// Bulk delete by pattern end to end on a real redis-server, through its routes (SPEC sections 5
// and 12): on 100,000 keys of which 30,000 match, the dry run counts exactly 30,000, lists 100 of
// them and deletes nothing; the real run deletes exactly those (twins of other namespaces left);
// a type filter deletes only that type; a cancel stops UNLINKs at once and keeps its counts; the
// start and the outcome are audited; bad input, a viewer and read-only mode are refused, and the
// jobs route answers only its own instance's jobs.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/lib/audit/types';
import { freePort } from '../../scripts/lib/redis-server.mjs';
import { server as appServer } from '@/lib/server/root';
import { call, cookieOf, useAppEnv } from '@/test/app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { DRY_RUN_LISTED, type BulkDeleteJob, type BulkDeleteStarted } from './types';

const { POST: login } = await import('@/app/api/auth/login/route');
const deleteRoute = await import('@/app/api/instances/[id]/keys/delete/route');
const jobRoute = await import('@/app/api/instances/[id]/jobs/[jobId]/route');
const { GET: audit } = await import('@/app/api/audit/route');

const ADMIN_PASSWORD = 'bulk-admin-password';
const VIEWER_PASSWORD = 'bulk-viewer-password';

const MAIN_DB = 0;
const TYPED_DB = 1;
const CANCEL_DB = 2;
const MATCHING = 30_000;
const TOTAL = 100_000;
const CANCEL_KEYS = 300_000;

let redis: RedisServer;
let observer: Redis;
let adminCookie = '';
let viewerCookie = '';

/** Writes `count` keys named by `name(i)` with `write`, 10,000 a pipeline. */
async function seed(client: Redis, count: number, write: (pipeline: ReturnType<Redis['pipeline']>, i: number) => void): Promise<void> {
  for (let start = 0; start < count; start += 10_000) {
    const pipeline = client.pipeline();
    for (let i = start; i < Math.min(count, start + 10_000); i++) write(pipeline, i);
    await pipeline.exec();
  }
}

/** Every key name of a db, by SCAN on the test's own connection. */
async function namesOf(db: number): Promise<Set<string>> {
  const client = observer.duplicate();
  await client.select(db);
  const names = new Set<string>();
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'COUNT', 1000);
    cursor = next;
    for (const name of batch) names.add(name);
  } while (cursor !== '0');
  client.disconnect();
  return names;
}

async function dbSize(db: number): Promise<number> {
  const client = observer.duplicate();
  await client.select(db);
  const size = await client.dbsize();
  client.disconnect();
  return size;
}

beforeAll(async () => {
  redis = await startTestRedis();
  observer = new Redis({ port: redis.port, host: '127.0.0.1', lazyConnect: true });
  await observer.connect();
  // db0: 30,000 sess:{i} (a tenth of them hashes) and 70,000 twins that a sloppy match would take.
  await seed(observer, MATCHING, (p, i) => (i % 10 === 0 ? p.hset(`sess:${i}`, 'user', String(i)) : p.set(`sess:${i}`, 'v', 'EX', 3600)));
  await seed(observer, 20_000, (p, i) => p.set(`sess2:${i}`, 'v'));
  await seed(observer, 20_000, (p, i) => p.set(`xsess:${i}`, 'v'));
  await seed(observer, 20_000, (p, i) => p.set(`Sess:${i}`, 'v'));
  await seed(observer, 10_000, (p, i) => p.set(`other:sess:${i}`, 'v'));
  // db1: the type filter's: strings, hashes and lists under one prefix.
  await observer.select(TYPED_DB);
  await seed(observer, 3_000, (p, i) => (i % 3 === 0 ? p.hset(`t:${i}`, 'f', 'v') : i % 3 === 1 ? p.set(`t:${i}`, 'v') : p.rpush(`t:${i}`, 'a')));
  // db2: enough keys that a delete is still going when it is cancelled.
  await observer.select(CANCEL_DB);
  await seed(observer, CANCEL_KEYS, (p, i) => p.set(`c:${i}`, 'v'));
  await observer.select(0);
  // An ACL user that may do everything but UNLINK.
  await observer.call('ACL', 'SETUSER', 'nounlink', 'on', '>nounlink-pw', '~*', '&*', '+@all', '-unlink');
  const closedPort = await freePort();
  useAppEnv({
    instances: [
      { id: 'a', url: redisUrl(redis) },
      { id: 'b', url: redisUrl(redis) },
      { id: 'acl', url: `redis://nounlink:nounlink-pw@127.0.0.1:${redis.port}` },
      // Nothing listens here: a request that reached Redis would not answer 400.
      { id: 'gone', url: `redis://127.0.0.1:${closedPort}` },
    ],
    env: { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD, REDLENS_VIEWER_PASSWORD: VIEWER_PASSWORD },
  });
  adminCookie = cookieOf(await call(login, 'POST', '/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } }));
  viewerCookie = cookieOf(await call(login, 'POST', '/api/auth/login', { body: { username: 'viewer', password: VIEWER_PASSWORD } }));
  expect(adminCookie).not.toBe('');
  expect(viewerCookie).not.toBe('');
}, 120_000);

afterAll(async () => {
  appServer().jobs.close();
  await appServer().registry.close();
  observer?.disconnect();
  await stopRedis(redis, { removeDir: true });
});

const start = (body: unknown, cookie = adminCookie, id = 'a') =>
  call(deleteRoute.POST, 'POST', `/api/instances/${id}/keys/delete`, { headers: { cookie }, body, params: { id } });

async function started(body: unknown, id = 'a'): Promise<string> {
  const response = await start(body, adminCookie, id);
  expect(response.status).toBe(202);
  const answer = (await response.json()) as BulkDeleteStarted;
  expect(answer).toMatchObject({ status: 'running', dryRun: (body as { dryRun: boolean }).dryRun });
  return answer.id;
}

const getJob = (jobId: string, id = 'a', cookie = adminCookie) =>
  call(jobRoute.GET, 'GET', `/api/instances/${id}/jobs/${jobId}`, { headers: { cookie }, params: { id, jobId } });

async function job(jobId: string, id = 'a'): Promise<BulkDeleteJob> {
  const response = await getJob(jobId, id);
  expect(response.status).toBe(200);
  return (await response.json()) as BulkDeleteJob;
}

async function finished(jobId: string, id = 'a'): Promise<BulkDeleteJob> {
  await appServer().jobs.settled(jobId);
  return job(jobId, id);
}

async function auditOf(action: string): Promise<AuditEntry[]> {
  const response = await call(audit, 'GET', `/api/audit?action=${encodeURIComponent(action)}`, { headers: { cookie: adminCookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { entries: AuditEntry[] }).entries;
}

const commandsProcessed = async () => Number(/total_commands_processed:(\d+)/.exec(await observer.info('stats'))![1]);
const unlinkCalls = async () => Number(/cmdstat_unlink:calls=(\d+)/.exec(await observer.info('commandstats'))?.[1] ?? 0);

describe('bulk delete by pattern on a real Redis', () => {
  it('dry run: counts exactly the 30,000 matching keys, lists 100 of them, deletes nothing', async () => {
    const before = await namesOf(MAIN_DB);
    expect(before.size).toBe(TOTAL);
    const id = await started({ db: MAIN_DB, match: 'sess:*', dryRun: true });
    const run = await finished(id);
    expect(run).toMatchObject({ id, kind: 'bulk-delete', status: 'done', error: null, actor: 'admin', params: { db: MAIN_DB, match: 'sess:*', dryRun: true } });
    const result = run.result!;
    expect(result).toMatchObject({ dryRun: true, matched: MATCHING, deleted: 0, skipped: 0, errors: 0, stoppedBy: 'end', deduped: true });
    expect(result.scanned).toBe(TOTAL);
    expect(result.firstKeys).toHaveLength(DRY_RUN_LISTED);
    expect(new Set(result.firstKeys.map((key) => key.key)).size).toBe(DRY_RUN_LISTED);
    for (const key of result.firstKeys) {
      expect(key.key).toMatch(/^sess:\d+$/);
      expect(Buffer.from(key.keyB64, 'base64').toString()).toBe(key.key);
    }
    expect(run.progress).toMatchObject({ done: TOTAL, total: TOTAL, scanned: TOTAL, matched: MATCHING, deleted: 0 });
    // Nothing gone: the same names, not only the same count.
    expect(await dbSize(MAIN_DB)).toBe(TOTAL);
    expect(await namesOf(MAIN_DB)).toEqual(before);
  });

  it('deletes exactly the matching keys, every twin of another namespace left, and audits start and outcome', async () => {
    const before = await namesOf(MAIN_DB);
    const unlinksBefore = await unlinkCalls();
    const id = await started({ db: MAIN_DB, match: 'sess:*', dryRun: false });
    const run = await finished(id);
    expect(run.status).toBe('done');
    expect(run.result).toMatchObject({ dryRun: false, matched: MATCHING, deleted: MATCHING, skipped: 0, errors: 0, stoppedBy: 'end', deduped: true });
    expect(run.result!.firstKeys).toHaveLength(DRY_RUN_LISTED);
    expect(run.progress).toMatchObject({ deleted: MATCHING, matched: MATCHING });

    expect(await dbSize(MAIN_DB)).toBe(TOTAL - MATCHING);
    const after = await namesOf(MAIN_DB);
    const expected = new Set([...before].filter((name) => !/^sess:/.test(name)));
    expect(expected.size).toBe(TOTAL - MATCHING);
    expect(after).toEqual(expected);
    for (const twin of ['sess2:7', 'xsess:7', 'Sess:7', 'other:sess:7']) expect(after.has(twin), twin).toBe(true);
    // UNLINK took at most 500 keys a call: 30,000 keys are at least 60 calls.
    expect((await unlinkCalls()) - unlinksBefore).toBeGreaterThanOrEqual(MATCHING / 500);

    const starts = await auditOf('keys.bulk-delete');
    expect(starts.find((entry) => entry.target === 'db0 match sess:* (dry run)')).toMatchObject({ actor: 'admin', outcome: 'ok', instance: 'a' });
    expect(starts.find((entry) => entry.target === 'db0 match sess:*')).toMatchObject({ actor: 'admin', role: 'admin', outcome: 'ok', instance: 'a' });
    // The outcome is written when the job ends: settled() has resolved, the entry follows at once.
    const outcomes = await auditOf('keys.bulk-delete.done');
    expect(outcomes).toHaveLength(1); // the dry run's end is not audited
    expect(outcomes[0]).toMatchObject({
      actor: 'admin', role: 'admin', instance: 'a', outcome: 'ok', target: 'db0 match sess:*',
      detail: `deleted ${MATCHING}, skipped 0, errors 0 of ${MATCHING} matched`,
    });

    // Nothing left to match: a second run deletes nothing.
    const again = await finished(await started({ db: MAIN_DB, match: 'sess:*', dryRun: false }));
    expect(again.result).toMatchObject({ matched: 0, deleted: 0, firstKeys: [] });
    expect(await dbSize(MAIN_DB)).toBe(TOTAL - MATCHING);
  });

  it('with a type filter deletes only keys of that type', async () => {
    const before = await namesOf(TYPED_DB);
    const dry = await finished(await started({ db: TYPED_DB, match: 't:*', type: 'hash', dryRun: true }));
    expect(dry.result).toMatchObject({ matched: 1_000, deleted: 0 });
    const run = await finished(await started({ db: TYPED_DB, match: 't:*', type: 'hash', dryRun: false }));
    expect(run.result).toMatchObject({ matched: 1_000, deleted: 1_000, skipped: 0, errors: 0 });
    const after = await namesOf(TYPED_DB);
    expect(after).toEqual(new Set([...before].filter((name) => Number(name.slice(2)) % 3 !== 0)));
    const client = observer.duplicate();
    await client.select(TYPED_DB);
    const types = await Promise.all(['t:1', 't:2', 't:4', 't:5'].map((name) => client.type(name)));
    client.disconnect();
    expect(types).toEqual(['string', 'list', 'string', 'list']);
    // "*" with a type is allowed: every list goes.
    const lists = await finished(await started({ db: TYPED_DB, match: '*', type: 'list', dryRun: false }));
    expect(lists.result).toMatchObject({ deleted: 1_000 });
    expect(await dbSize(TYPED_DB)).toBe(1_000);
  });

  it('cancels mid-run: cancelled at once, its counts kept, and no UNLINK reaches Redis after', async () => {
    const unlinksAtStart = await unlinkCalls();
    const id = await started({ db: CANCEL_DB, match: 'c:*', dryRun: false });
    while (((await job(id)).progress?.deleted ?? 0) < 20_000) await new Promise((resolve) => setTimeout(resolve, 5));
    const cancelledAt = performance.now();
    const response = await call(jobRoute.DELETE, 'DELETE', `/api/instances/a/jobs/${id}`, { headers: { cookie: adminCookie }, params: { id: 'a', jobId: id } });
    const stoppedMs = performance.now() - cancelledAt;
    expect(response.status).toBe(200);
    const cancelled = (await response.json()) as BulkDeleteJob;
    expect(cancelled).toMatchObject({ id, status: 'cancelled' });
    expect(stoppedMs).toBeLessThan(1000);

    // Between two INFOs a second apart only the first INFO ran: no UNLINK, no SCAN, no PING.
    const unlinks = await unlinkCalls();
    const before = await commandsProcessed();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await commandsProcessed()) - before).toBe(1);
    expect(await unlinkCalls()).toBe(unlinks);

    const result = cancelled.result!;
    expect(result.stoppedBy).toBe('cancelled');
    expect(result.deleted).toBeGreaterThanOrEqual(20_000);
    expect(result.deleted).toBeLessThan(CANCEL_KEYS);
    expect(result.deleted + result.skipped).toBe(result.matched);
    expect(await dbSize(CANCEL_DB)).toBe(CANCEL_KEYS - result.deleted);
    // Every key here matches, so each SCAN batch of ~1,000 is UNLINKed in calls of at most 500.
    expect(unlinks - unlinksAtStart).toBeGreaterThanOrEqual(Math.ceil(result.matched / 500));

    const outcome = (await auditOf('keys.bulk-delete.done')).find((entry) => entry.target === 'db2 match c:*');
    expect(outcome).toMatchObject({ outcome: 'ok', detail: `cancelled: deleted ${result.deleted}, skipped 0, errors 0 of ${result.matched} matched` });
    expect((await auditOf('job.cancel'))[0]).toMatchObject({ actor: 'admin', outcome: 'ok', instance: 'a', target: `job ${id}` });
  });

  it('answers 409 with the running job\'s id while one runs', async () => {
    const id = await started({ db: CANCEL_DB, match: 'c:*', dryRun: true });
    const response = await start({ db: CANCEL_DB, match: 'c:*', dryRun: true });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'CONFLICT', id } });
    await call(jobRoute.DELETE, 'DELETE', `/api/instances/a/jobs/${id}`, { headers: { cookie: adminCookie }, params: { id: 'a', jobId: id } });
  });

  it('refuses bad input with 400 before any Redis call', async () => {
    // Instance "gone" has no Redis: anything that reached it would answer 503.
    for (const body of [
      { db: 0, match: '*', dryRun: true },
      { db: 0, match: '***', dryRun: false },
      { db: 0, match: '', type: 'string', dryRun: true },
      { db: 0, match: 'a:*', dryRun: 'yes' },
      { db: 0, match: 'a:*' },
      { db: -1, match: 'a:*', dryRun: true },
      { db: 0, match: 'a:*', type: 'nosuchtype', dryRun: true },
      { db: 0, match: 'a:*', dryRun: true, extra: 1 },
      { db: 0, match: '*a*b*c*d*e*', dryRun: true },
    ]) {
      const response = await start(body, adminCookie, 'gone');
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    }
    // A db the server does not have: 400 too (Redis asked, CONFIG GET databases).
    expect((await start({ db: 99, match: 'a:*', dryRun: true })).status).toBe(400);
  });

  it('refuses a viewer (403), and shows a viewer the job', async () => {
    const response = await start({ db: 0, match: 'sess2:*', dryRun: true }, viewerCookie);
    expect(response.status).toBe(403);
    expect(await dbSize(MAIN_DB)).toBe(TOTAL - MATCHING);
    const id = await started({ db: TYPED_DB, match: 't:*', dryRun: true });
    await appServer().jobs.settled(id);
    expect((await getJob(id, 'a', viewerCookie)).status).toBe(200);
    const cancel = await call(jobRoute.DELETE, 'DELETE', `/api/instances/a/jobs/${id}`, { headers: { cookie: viewerCookie }, params: { id: 'a', jobId: id } });
    expect(cancel.status).toBe(403);
  });

  it('answers 404 for an unknown job and for another instance\'s job; a failed job is audited failed', async () => {
    expect((await getJob('nosuchjob')).status).toBe(404);
    const other = await started({ db: TYPED_DB, match: 't:*', dryRun: true }, 'b');
    await appServer().jobs.settled(other);
    expect((await job(other, 'b')).status).toBe('done');
    expect((await getJob(other, 'a')).status).toBe(404);
    const cancel = await call(jobRoute.DELETE, 'DELETE', `/api/instances/a/jobs/${other}`, { headers: { cookie: adminCookie }, params: { id: 'a', jobId: other } });
    expect(cancel.status).toBe(404);

    // Redis down: the job fails, and its outcome is audited as failed.
    const failed = await started({ db: 0, match: 'x:*', dryRun: false }, 'gone');
    const run = await finished(failed, 'gone');
    expect(run.status).toBe('failed');
    expect(run.error).toBeTruthy();
    const outcome = (await auditOf('keys.bulk-delete.done')).find((entry) => entry.instance === 'gone');
    expect(outcome).toMatchObject({ outcome: 'failed', target: 'db0 match x:*' });
    expect(outcome!.detail).toMatch(/^failed: deleted 0 before it stopped/);
  });

  it('fails on the first UNLINK Redis refuses (an ACL without unlink): nothing deleted, the failure audited', async () => {
    const id = await started({ db: MAIN_DB, match: 'sess2:*', dryRun: false }, 'acl');
    const run = await finished(id, 'acl');
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/ACL/);
    expect(await dbSize(MAIN_DB)).toBe(TOTAL - MATCHING);
    const outcome = (await auditOf('keys.bulk-delete.done')).find((entry) => entry.instance === 'acl');
    expect(outcome).toMatchObject({ outcome: 'failed', target: 'db0 match sess2:*' });
    expect(outcome!.detail).toMatch(/^failed: deleted 0 before it stopped \(The Redis ACL user may not run this command/);
  });

  it('is refused in read-only mode (403), the keys untouched', async () => {
    appServer().jobs.close();
    await appServer().registry.close();
    useAppEnv({ instances: [{ id: 'a', url: redisUrl(redis) }], env: { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD, REDLENS_READ_ONLY: '1' } });
    adminCookie = cookieOf(await call(login, 'POST', '/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } }));
    const response = await start({ db: MAIN_DB, match: 'sess2:*', dryRun: false });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/read-only/);
    expect(await dbSize(MAIN_DB)).toBe(TOTAL - MATCHING);
  });
});
