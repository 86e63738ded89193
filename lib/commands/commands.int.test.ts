// The commands page's rates against a real Redis: a known workload comes out at its counts
// within 5 %, with Redlens's own calls (the sampler's INFO and PINGs, its own GETs) taken out.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLatencyMonitor } from '@/lib/redis/latency';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { samplerHarness } from '@/test/sampler-harness';

let server: RedisServer;
let app: Redis;
let harness: ReturnType<typeof samplerHarness>;

beforeAll(async () => {
  server = await startTestRedis();
  app = new Redis({ port: server.port, host: '127.0.0.1' });
  app.on('error', () => undefined);
  // ioredis's ready check sends an INFO of the application's: let it land before the first
  // sample, or a slow machine puts it in the window as the application's one INFO call.
  await app.ping();
  harness = samplerHarness({ a: redisUrl(server) });
});
afterAll(async () => {
  app.disconnect();
  await harness.close();
  await stopRedis(server, { removeDir: true });
});

/** Calls of `command` in the window: its rate times the window's length. */
const callsIn = (rates: ReturnType<typeof harness.sampler.commandRates>, command: string) =>
  (rates.commands.find((row) => row.command === command)?.callsPerSec ?? 0) * rates.windowSeconds!;

const within5Percent = (actual: number, expected: number) => expect(Math.abs(actual - expected) / expected).toBeLessThan(0.05);

describe('commandRates over the sampler window', () => {
  it('has no window before two samples', async () => {
    await harness.step('a');
    expect(harness.sampler.commandRates('a').windowSeconds).toBeNull();
  });

  it('matches a known workload, with Redlens own calls out', async () => {
    const instance = harness.registry.get('a')!;
    const workload = app.pipeline();
    for (let i = 0; i < 2000; i++) workload.set(`k:${i}`, 'v');
    for (let i = 0; i < 1000; i++) workload.get(`k:${i}`);
    workload.hset('h', 'f', 'v');
    for (let i = 0; i < 20; i++) workload.hgetall('h');
    for (let i = 0; i < 7; i++) workload.get('h'); // WRONGTYPE: failed calls and errors
    await workload.exec();
    // Redlens's own GETs (on its client, counted in its traffic) and a LATENCY reading.
    await instance.run(async (client) => {
      for (let i = 0; i < 600; i++) await client.get(`k:${i}`);
      await readLatencyMonitor(client);
    });
    await harness.step('a');
    const rates = harness.sampler.commandRates('a');

    expect(rates.windowSeconds).toBeGreaterThan(0);
    within5Percent(callsIn(rates, 'set'), 2000);
    // 1007 GETs of the application; 1607 in Redis's count.
    within5Percent(callsIn(rates, 'get'), 1007);
    within5Percent(callsIn(rates, 'hgetall'), 20);
    const get = rates.commands.find((row) => row.command === 'get')!;
    within5Percent(get.failedPerSec * rates.windowSeconds!, 7);
    expect(rates.errors).toEqual([{ type: 'WRONGTYPE', count: 7, perSec: 7 / rates.windowSeconds! }]);
    // The sampler's INFO, PINGs, SLOWLOG and CONFIG GET, and the LATENCY reads are Redlens's.
    for (const own of ['info', 'ping', 'slowlog|get', 'slowlog|len', 'config|get', 'latency|latest', 'latency|doctor']) {
      expect(rates.commands.map((row) => row.command)).not.toContain(own);
    }
    expect(rates.ownCalls).toBeGreaterThanOrEqual(602);
    expect(rates.commands.find((row) => row.command === 'hgetall')?.warning?.pattern).toBe('HGETALL');
    expect(rates.commands.find((row) => row.command === 'set')?.warning).toBeNull();
    // Redis 7: percentiles per command; shares add up to all of the application's time.
    expect(get.percentiles).toHaveProperty('p99.9');
    expect(rates.commands.reduce((sum, row) => sum + row.timeShare, 0)).toBeCloseTo(1, 9);
    // Most time first.
    const perSec = rates.commands.map((row) => row.usecPerSec);
    expect(perSec).toEqual([...perSec].sort((a, b) => b - a));
  });
});
