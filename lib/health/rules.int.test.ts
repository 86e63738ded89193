// Every health rule fires on a real Redis driven past its threshold and clears when driven
// back. Where a real Redis cannot be pushed there on demand (fragmentation), the threshold is
// moved instead, and that is said next to the test. Findings open and close on the first sample
// here (this file tests each rule's condition); holding them is findings-hold.int.test.ts's.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, rawCommand, redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { samplerHarness } from '@/test/sampler-harness';

let server: RedisServer;
let redis: Redis;
let harness: ReturnType<typeof samplerHarness>;
const AT_ONCE = { findingOpenSamples: 1, findingCloseSamples: 1 };
const client = () => new Redis({ port: server.port, host: '127.0.0.1', maxRetriesPerRequest: 1 }).on('error', () => undefined);

async function expectFinding(id: string, present: boolean) {
  await harness.step('r');
  if (present) expect(harness.findingIds('r')).toContain(id);
  else expect(harness.findingIds('r')).not.toContain(id);
  return harness.sampler.health('r').findings.find((finding) => finding.id === id);
}

beforeAll(async () => {
  // Protected configs on, so the test may point `dir` somewhere unwritable.
  server = await startTestRedis({ args: ['--enable-protected-configs', 'yes', '--maxmemory', '1gb'] });
  redis = client();
  harness = samplerHarness({ r: redisUrl(server) }, AT_ONCE);
  await harness.step('r');
});
afterAll(async () => {
  redis.disconnect();
  await harness.close();
  await stopRedis(server, { removeDir: true });
});

describe('health rules on a real Redis', () => {
  it('hit-ratio-low', async () => {
    const misses = redis.pipeline();
    for (let i = 0; i < 150; i++) misses.get(`missing:${i}`);
    await misses.exec();
    const finding = await expectFinding('hit-ratio-low', true);
    expect(finding).toMatchObject({ severity: 'warning', value: 0, threshold: 0.8 });
    expect(finding!.remediation.length).toBeGreaterThan(20);
    await redis.set('hot', 'v');
    const hits = redis.pipeline();
    for (let i = 0; i < 150; i++) hits.get('hot');
    await hits.exec();
    await expectFinding('hit-ratio-low', false);
  });

  it('clients-high', async () => {
    const extra = Array.from({ length: 55 }, client);
    await Promise.all(extra.map((c) => c.ping()));
    expect((await expectFinding('clients-high', true))!.detail).toMatch(/\d+ connected clients/);
    extra.forEach((c) => c.disconnect());
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expectFinding('clients-high', false);
  });

  it('memory-near-limit and maxmemory-unset', async () => {
    const used = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
    await redis.config('SET', 'maxmemory', String(Math.round(used * 1.12)));
    await expectFinding('memory-near-limit', true);
    await redis.config('SET', 'maxmemory', '1gb');
    await expectFinding('memory-near-limit', false);

    await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
    await redis.config('SET', 'maxmemory', '0');
    expect((await expectFinding('maxmemory-unset', true))!.detail).toContain('maxmemory is 0');
    await redis.config('SET', 'maxmemory', '1gb');
    await expectFinding('maxmemory-unset', false);
  });

  it('evictions-high', async () => {
    const used = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
    await redis.config('SET', 'maxmemory', String(used + 256 * 1024));
    await harness.step('r');
    const writes = redis.pipeline();
    for (let i = 0; i < 4000; i++) writes.set(`evict:${i}`, 'x'.repeat(1024));
    await writes.exec();
    await expectFinding('evictions-high', true);
    // At its limit Redis goes on evicting a few keys after the writes return (the sampler's own
    // replies push it over), and over a short window a few keys are a high rate. So the limit is
    // raised first, a sample 1 s later closes what was evicted until then, and the window of the
    // next sample (a rule window on) starts there: it must hold no eviction at all. The 1 s keeps
    // the test clock where the slow-commands test below expects it (less than its 15-minute
    // window ahead of Redis's own clock).
    await redis.config('SET', 'maxmemory', '1gb');
    await harness.step('r', 1_000);
    await expectFinding('evictions-high', false);
    expect(harness.sampler.recentRates('r')?.evictedPerSec).toBe(0);
  });

  it('slow-commands', async () => {
    await redis.config('SET', 'slowlog-log-slower-than', '0');
    await redis.keys('*');
    await redis.config('SET', 'slowlog-log-slower-than', '10000');
    const finding = await expectFinding('slow-commands', true);
    expect(finding!.detail).toContain('KEYS');
    expect(finding!.remediation).toContain('SCAN');
    // Past the 15-minute window the entry no longer counts.
    await expectFinding('slow-commands', true);
    harness.clock.now += 16 * 60_000;
    await expectFinding('slow-commands', false);
  });

  it('latency-high', async () => {
    const blocker = client();
    let running = true;
    const loop = (async () => {
      while (running) await blocker.call('DEBUG', 'SLEEP', '0.004');
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const finding = await expectFinding('latency-high', true);
    expect(Number(finding!.value)).toBeGreaterThan(1);
    running = false;
    await loop;
    blocker.disconnect();
    // Cleared once a window's PINGs are fast again. On an idle host a PING now and then takes
    // 1-2 ms (Node's own pauses; seen in about 1 window in 6 here, more on a busy CI host), and
    // one is enough to make a window's p95: the finding must clear within 10 windows.
    const windowsToClear = await (async () => {
      for (let window = 1; window <= 10; window++) {
        await harness.step('r');
        if (!harness.findingIds('r').includes('latency-high')) return window;
      }
      return null;
    })();
    expect(windowsToClear).not.toBeNull();
  });

  it('blocked-clients after three samples in a row', async () => {
    const waiter = client();
    const blocked = waiter.blpop('jobs', 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expectFinding('blocked-clients', false);
    await expectFinding('blocked-clients', false);
    await expectFinding('blocked-clients', true);
    await redis.rpush('jobs', 'one');
    await blocked;
    waiter.disconnect();
    await expectFinding('blocked-clients', false);
  });

  it('persistence-failing', async () => {
    const dir = String((await redis.config('GET', 'dir'))[1]);
    await redis.config('SET', 'dir', '/proc');
    await redis.bgsave();
    await waitFor(async () => /rdb_bgsave_in_progress:0/.test(await redis.info('persistence')));
    expect((await expectFinding('persistence-failing', true))!.severity).toBe('critical');
    await redis.config('SET', 'dir', dir);
    await redis.bgsave();
    await waitFor(async () => /rdb_last_bgsave_status:ok/.test(await redis.info('persistence')));
    await expectFinding('persistence-failing', false);
  });

  it('oom-errors: writes refused at maxmemory under noeviction', async () => {
    const used = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
    await redis.config('SET', 'maxmemory-policy', 'noeviction');
    await redis.config('SET', 'maxmemory', String(used + 128 * 1024));
    await harness.step('r');
    let refused = 0;
    for (let i = 0; i < 400 && refused < 5; i++) {
      await redis.set(`oom:${i}`, 'x'.repeat(4096)).catch((error: Error) => {
        if (/^OOM /.test(error.message)) refused++;
      });
    }
    expect(refused).toBe(5);
    const finding = await expectFinding('oom-errors', true);
    expect(finding).toMatchObject({ severity: 'critical', value: 5, threshold: 0 });
    expect(finding!.detail).toContain('5 command(s) refused with OOM');
    await redis.config('SET', 'maxmemory', '1gb');
    await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
    await expectFinding('oom-errors', false);
  });

  it('rejected-connections: maxclients reached', async () => {
    const connected = Number(/connected_clients:(\d+)/.exec(await redis.info('clients'))![1]);
    await redis.config('SET', 'maxclients', String(connected));
    // Raw sockets: Redis answers the refused one with the error line before closing it.
    const replies = await Promise.all([1, 2, 3].map(() => rawCommand(server.port, 'PING')));
    await redis.config('SET', 'maxclients', '10000');
    expect(replies, JSON.stringify(replies)).toEqual(replies.map(() => expect.stringMatching(/max number of clients/)));
    const finding = await expectFinding('rejected-connections', true);
    expect(finding).toMatchObject({ severity: 'critical', threshold: 0 });
    expect(Number(finding!.value)).toBeGreaterThanOrEqual(3);
    await expectFinding('rejected-connections', false);
  });

  it('fragmentation-high (threshold moved: a fresh Redis cannot be fragmented on demand)', async () => {
    harness.config.thresholds.fragmentationRatioMax = 0.1;
    harness.config.thresholds.fragmentationBytesMin = 0;
    await expectFinding('fragmentation-high', true);
    harness.config.thresholds.fragmentationRatioMax = 1000;
    await expectFinding('fragmentation-high', false);
  });
});

describe('replication-broken on a real replica', () => {
  it('fires when the primary goes away and clears when it is back', async () => {
    const replica = await startTestRedis({ args: ['--replicaof', '127.0.0.1', String(server.port)] });
    const replicaHarness = samplerHarness({ rep: redisUrl(replica) }, AT_ONCE);
    try {
      await waitFor(async () => (await rawCommand(replica.port, 'INFO replication')).length > 0 &&
        /master_link_status:up/.test(await replicaInfo(replica.port)));
      await replicaHarness.step('rep');
      expect(replicaHarness.findingIds('rep')).not.toContain('replication-broken');
      await stopRedis(server);
      await waitFor(async () => /master_link_status:down/.test(await replicaInfo(replica.port)));
      await replicaHarness.step('rep');
      expect(replicaHarness.findingIds('rep')).toContain('replication-broken');
      await launch(server);
      await waitFor(async () => /master_link_status:up/.test(await replicaInfo(replica.port)), 20_000);
      await replicaHarness.step('rep');
      expect(replicaHarness.findingIds('rep')).not.toContain('replication-broken');
    } finally {
      await replicaHarness.close();
      await stopRedis(replica, { removeDir: true });
    }
  });
});

async function replicaInfo(port: number): Promise<string> {
  const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true });
  try {
    await probe.connect();
    return await probe.info('replication');
  } finally {
    probe.disconnect();
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
