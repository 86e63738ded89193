// Issue 11's first test (SPEC section 8): Redlens browsing a real Redis does not move the figures
// it reports. A child process plays the application (3 GETs of existing keys to 1 of a missing
// key, at a steady rate); during one sample window Redlens lists every key (as the keys route
// does) and opens 50 of them. The sampled hit ratio stays at the application's 0.75 and ops/s at
// the application's GET rate (INFO commandstats: Redlens sends no GET), while the raw INFO series
// are far off. With every command in the slow log, Redlens's own entries never fire slow-commands.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InfoSections } from '@/lib/api/types';
import { KeyQuery, KeysQuery } from '@/lib/keys/schemas';
import { prometheusText } from '@/lib/metrics/prometheus';
import { scanKeys } from '@/lib/redis/keys';
import { getSlowlog } from '@/lib/redis/slowlog';
import { readKey } from '@/lib/redis/values';
import { isOwnClientName } from '@/lib/own-client-name';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';
import { samplerHarness } from './sampler-harness';

const KEYS = 3000;
const OPENED = 50;
/** The application's loop: 4 GETs each, so 800 GETs a second. */
const ITERATIONS_PER_SECOND = 200;
const STEP_MS = 10_000;
const WORKLOAD = path.join(import.meta.dirname, 'children/app-workload.mjs');

let server: RedisServer;
let seed: Redis;
let workload: ChildProcess;
let harness: ReturnType<typeof samplerHarness>;

function startWorkload(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKLOAD, String(port), String(ITERATIONS_PER_SECOND)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('error', reject);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  // Every command in the slow log, and room for all of a window's.
  server = await startTestRedis({ args: ['--slowlog-log-slower-than', '0', '--slowlog-max-len', '50000'] });
  seed = new Redis({ port: server.port, host: '127.0.0.1', connectionName: 'seed' });
  const pipeline = seed.pipeline();
  pipeline.mset('app:hit:0', 'a', 'app:hit:1', 'b', 'app:hit:2', 'c');
  for (let i = 0; i < KEYS; i++) {
    const key = `data:${i}`;
    switch (i % 5) {
      case 0: pipeline.set(key, `value ${i}`); break;
      case 1: pipeline.hset(key, 'f', 'v', 'g', 'w'); break;
      case 2: pipeline.rpush(key, 'a', 'b', 'c'); break;
      case 3: pipeline.sadd(key, 'a', 'b'); break;
      default: pipeline.zadd(key, 1, 'a', 2, 'b');
    }
  }
  await pipeline.exec();
  workload = await startWorkload(server.port);
  harness = samplerHarness({ r: redisUrl(server) });
});

afterAll(async () => {
  workload?.kill('SIGTERM');
  seed?.disconnect();
  await harness?.close();
  await stopRedis(server, { removeDir: true });
});

/** The application's GETs per second between two INFO replies, from commandstats and server time. */
function appGetsPerSecond(before: InfoSections, after: InfoSections): number {
  const calls = (s: InfoSections) => Number((s.commandstats?.cmdstat_get as Record<string, number> | undefined)?.calls ?? 0);
  const micros = (s: InfoSections) => Number(s.server?.server_time_usec);
  return (calls(after) - calls(before)) / ((micros(after) - micros(before)) / 1e6);
}

/** The history's value of `metric` at the last sample. */
function recorded(metric: 'hitRatio' | 'hitRatio_raw' | 'opsPerSec' | 'opsPerSec_raw'): number {
  const ts = harness.sampler.latest('r').row!.ts;
  // Up to the row's own ts: the sampler stamps it on the 10 s grid, which may be past the clock.
  const point = harness.history.query('r', '15m', ts).series[metric].find(([at]) => at === ts);
  expect(point?.[1], `${metric} recorded at the last sample`).toEqual(expect.any(Number));
  return point![1]!;
}

describe("Redlens's own traffic taken out of what it reports", () => {
  it('keeps the hit ratio and ops/s of the application while Redlens lists every key and opens 50', async () => {
    await sleep(500); // the workload up to speed
    await harness.step('r', STEP_MS);
    const before = harness.sampler.latest('r').sections!;

    const started = Date.now();
    const listed: string[] = [];
    let cursor = '0';
    do {
      const page = await scanKeys(harness.registry.get('r')!, KeysQuery.parse({ db: '0', cursor, count: '1000' }));
      listed.push(...page.keys.map((key) => key.keyB64));
      cursor = page.cursor;
    } while (cursor !== '0');
    expect(listed.length).toBe(KEYS + 3);
    for (const keyB64 of listed.filter((id) => Buffer.from(id, 'base64').toString().startsWith('data:')).slice(0, OPENED)) {
      const detail = await readKey(harness.registry.get('r')!, Buffer.from(keyB64, 'base64'), KeyQuery.parse({ db: '0', keyB64 }));
      expect(detail.value.kind).not.toBe('unsupported');
    }
    await sleep(Math.max(0, 3000 - (Date.now() - started))); // a window of at least 3 s
    await harness.step('r', STEP_MS);
    const after = harness.sampler.latest('r').sections!;

    const appOps = appGetsPerSecond(before, after);
    expect(appOps).toBeGreaterThan(ITERATIONS_PER_SECOND * 4 * 0.8); // the workload kept its pace
    const hitRatio = recorded('hitRatio');
    const opsPerSec = recorded('opsPerSec');
    const rawHitRatio = recorded('hitRatio_raw');
    const rawOps = recorded('opsPerSec_raw');
    console.log(`app GETs/s ${appOps.toFixed(1)}; reported ${opsPerSec.toFixed(1)} ops/s, hit ratio ${hitRatio.toFixed(4)}; raw ${rawOps.toFixed(1)} ops/s, hit ratio ${rawHitRatio.toFixed(4)}`);

    expect(Math.abs(hitRatio - 0.75)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(opsPerSec / appOps - 1)).toBeLessThanOrEqual(0.05);
    // What INFO alone says: the listing's TYPE and PTTL hits and its commands swamp the application's.
    expect(rawHitRatio).toBeGreaterThan(0.85);
    expect(rawOps).toBeGreaterThan(2 * appOps);
    // The cards' figure (the rule window, about the last minute) agrees.
    const recent = harness.sampler.recentRates('r')!;
    expect(Math.abs(recent.hitRatio! - 0.75)).toBeLessThanOrEqual(0.02);
    // Prometheus: the application's counters keep its ratio; INFO's raw ones do not.
    const { body } = await prometheusText([{ id: 'r', ...harness.sampler.latest('r') }]);
    const value = (name: string) => Number(new RegExp(`^${name}\\{redis="r"\\} (\\S+)$`, 'm').exec(body)?.[1]);
    const appHits = value('redlens_redis_app_keyspace_hits_total');
    const appMisses = value('redlens_redis_app_keyspace_misses_total');
    expect(appHits + appMisses).toBeGreaterThan(1000);
    expect(Math.abs(appHits / (appHits + appMisses) - 0.75)).toBeLessThanOrEqual(0.02);
    expect(value('redlens_redis_keyspace_hits_total')).toBeGreaterThan(appHits + 2 * KEYS);
  });

  it("never fires slow-commands for Redlens's own slow log entries", async () => {
    // Every command is slow at slowlog-log-slower-than 0: the listing's SCANs are in the slow log.
    const entries = await getSlowlog(seed, 50_000);
    const ownScans = entries.filter((entry) => isOwnClientName(entry.clientName) && entry.args[0]?.toUpperCase() === 'SCAN');
    expect(ownScans.length).toBeGreaterThan(0);
    // SCAN is not a command the guide warns about; one that is, sent on a connection named as
    // Redlens names its own, must not fire either.
    const own = new Redis({ port: server.port, host: '127.0.0.1', connectionName: 'redlens-analysis' });
    await own.hgetall('data:1');
    await own.lrange('data:2', 0, -1);
    own.disconnect();
    for (let i = 0; i < 3; i++) await harness.step('r', STEP_MS);
    expect(harness.findingIds('r')).not.toContain('slow-commands');
    // The same command from the application's side does.
    const app = new Redis({ port: server.port, host: '127.0.0.1', connectionName: 'app-report' });
    await app.hgetall('data:1');
    app.disconnect();
    for (let i = 0; i < 3; i++) await harness.step('r', STEP_MS);
    expect(harness.findingIds('r')).toContain('slow-commands');
  });
});
