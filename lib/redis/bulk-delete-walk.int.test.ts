// The bulk delete's walk on a real redis-server, where its routes cannot steer it: a dry run counts
// each matching key exactly once while the hash table shrinks under it (someone else deletes most
// of the db mid-walk: SCAN may then return a key twice, though rarely, so SeenNames is proven on
// its own in bulk-delete-walk.test.ts), and UNLINK goes in calls of the size asked.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { walkBulkDelete, type BulkDeleteStep } from './bulk-delete-walk';
import { Registry, type RedisInstance } from './registry';

let server: RedisServer;
let observer: Redis;
let registry: Registry;
let instance: RedisInstance;

const MATCHING = 20_000;
const FILL = 200_000;

beforeAll(async () => {
  server = await startTestRedis();
  observer = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true });
  await observer.connect();
  registry = new Registry([{ id: 'bulk', name: 'bulk', url: redisUrl(server) }]);
  instance = registry.get('bulk')!;
});

afterAll(async () => {
  observer?.disconnect();
  await registry?.close();
  await stopRedis(server, { removeDir: true });
});

async function seed(prefix: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 10_000) {
    const pipeline = observer.pipeline();
    for (let i = start; i < Math.min(count, start + 10_000); i++) pipeline.set(`${prefix}${i}`, 'v');
    await pipeline.exec();
  }
}

async function unlinkAll(prefix: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 10_000) {
    const pipeline = observer.pipeline();
    for (let i = start; i < Math.min(count, start + 10_000); i += 500) {
      pipeline.unlink(...Array.from({ length: Math.min(500, count - i) }, (_, j) => `${prefix}${i + j}`));
    }
    await pipeline.exec();
  }
}

describe('the bulk delete walk', () => {
  it('counts each matching key exactly once in a dry run while the table shrinks under it', async () => {
    await seed('d:', MATCHING);
    await seed('fill:', FILL);
    const steps: BulkDeleteStep[] = [];
    let deleting: Promise<void> | null = null;
    const outcome = await walkBulkDelete(instance, {
      db: 0, match: 'd:*', dryRun: true, unlinkKeys: 500, listKeys: 100, signal: new AbortController().signal,
      // Always paced (about 20 PING round trips between batches): Redis's cron has time to shrink
      // the table after the fill keys go, while the walk is still under way.
      paceAboveMs: -1,
      onBatch: (step) => {
        steps.push(step);
        if (steps.length === 5) deleting = unlinkAll('fill:', FILL);
      },
    });
    await deleting;
    expect(steps.length).toBeGreaterThan(5);
    expect(outcome).toMatchObject({ matched: MATCHING, deleted: 0, stoppedBy: 'end', deduped: true });
    expect(outcome.firstKeys).toHaveLength(100);
    expect(await observer.dbsize()).toBe(MATCHING);
    // Progress only grows, and ends at the whole db.
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.scanned).toBeGreaterThanOrEqual(steps[i - 1]!.scanned);
    expect(steps.at(-1)!.scanned).toBe(MATCHING + FILL);
    await observer.flushdb();
  });

  it('lists names up to a byte budget: a few megabyte names do not fill the job\'s result', async () => {
    const long = (i: number) => `l:${String(i).padStart(100 * 1024, '0')}`;
    for (let i = 0; i < 5; i++) await observer.set(long(i), 'v');
    const outcome = await walkBulkDelete(instance, {
      db: 0, match: 'l:*', dryRun: true, unlinkKeys: 500, listKeys: 100, signal: new AbortController().signal, onBatch: () => undefined,
    });
    expect(outcome.matched).toBe(5);
    // 256 KiB hold two names of 100 KiB, not three.
    expect(outcome.firstKeys).toHaveLength(2);
    await observer.flushdb();
  });

  it('counts keys gone between SCAN and UNLINK as skipped, never as deleted', async () => {
    await seed('g:', 5_000);
    let flushed: Promise<unknown> | null = null;
    const outcome = await walkBulkDelete(instance, {
      db: 0, match: 'g:*', dryRun: false, unlinkKeys: 500, listKeys: 10, signal: new AbortController().signal,
      // Paced, so the FLUSHDB sent after the first batch lands before the next batch's UNLINK
      // (whose names the SCAN already in flight has returned).
      paceAboveMs: -1,
      onBatch: () => {
        flushed ??= observer.flushdb();
      },
    });
    await flushed;
    expect(outcome.deleted).toBeGreaterThan(0);
    expect(outcome.skipped).toBeGreaterThan(0);
    expect(outcome.deleted + outcome.skipped).toBe(outcome.matched);
    expect(outcome.deleted).toBeLessThan(5_000);
    expect(outcome.errors).toBe(0);
  });

  it('UNLINKs in calls of at most the given size', async () => {
    await seed('u:', 3_000);
    const calls = async () => Number(/cmdstat_unlink:calls=(\d+)/.exec(await observer.info('commandstats'))?.[1] ?? 0);
    const before = await calls();
    const outcome = await walkBulkDelete(instance, {
      db: 0, match: 'u:*', dryRun: false, unlinkKeys: 100, listKeys: 10, signal: new AbortController().signal, onBatch: () => undefined,
    });
    expect(outcome).toMatchObject({ matched: 3_000, deleted: 3_000, skipped: 0, errors: 0 });
    expect(outcome.firstKeys).toHaveLength(10);
    expect((await calls()) - before).toBeGreaterThanOrEqual(30);
    expect(await observer.dbsize()).toBe(0);
  });
});
