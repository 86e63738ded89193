// Findings that hold (SPEC section 2), on a real Redis with the sampler: a finding keeps its
// `since` across a frozen Redis (SIGSTOP), the frozen samples count neither towards opening nor
// closing, and a condition that toggles every sample never opens or closes a finding.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { redisUrl } from '@/test/redis';
import { samplerHarness } from '@/test/sampler-harness';

const STEP_MS = 10_000;

let server: RedisServer;
let redis: Redis;
let harness: ReturnType<typeof samplerHarness>;

/** One sample 10 s after the last (the sampler's interval); the findings active after it. */
async function sample() {
  await harness.step('r', STEP_MS);
  return harness.sampler.health('r').findings;
}
/** When the last sample was taken (the sampler stamps samples on its 10 s grid). */
const lastAt = () => harness.sampler.health('r').evaluatedAt!;
const active = (findings: Awaited<ReturnType<typeof sample>>, id: string) => findings.find((finding) => finding.id === id);
/** Every stored firing of a rule, open or ended. */
const firings = (id: string) => harness.findings.events('r', 0, harness.clock.now + 1000).filter((event) => event.id === id);
const connectedClients = async () => Number(/connected_clients:(\d+)/.exec(await redis.info('clients'))![1]);

beforeAll(async () => {
  server = await startTestRedis({ args: ['--maxmemory', '1gb'] });
  redis = new Redis({ port: server.port, host: '127.0.0.1' }).on('error', () => undefined);
  // The defaults: open after 2 samples, close after 3.
  harness = samplerHarness({ r: redisUrl(server) });
  await sample();
});
afterAll(async () => {
  redis.disconnect();
  await harness.close();
  await stopRedis(server, { removeDir: true });
});

describe('a finding across a frozen Redis (SIGSTOP)', () => {
  it('stays open with the same since, and the frozen samples do not count towards closing it', async () => {
    const used = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
    await redis.config('SET', 'maxmemory', String(Math.round(used * 1.12)));
    expect(active(await sample(), 'memory-near-limit')).toBeUndefined();
    const firstHeldAt = lastAt();
    const opened = active(await sample(), 'memory-near-limit');
    expect(opened?.since).toBe(firstHeldAt);

    // Redis frozen for 20 s of the sampler's clock (two samples; each waits out the 2 s timeout).
    process.kill(server.pid, 'SIGSTOP');
    try {
      for (let i = 0; i < 2; i++) {
        const findings = await sample();
        expect(active(findings, 'instance-down')).toBeDefined();
        expect(active(findings, 'memory-near-limit')).toMatchObject({ since: firstHeldAt, detail: opened!.detail });
      }
    } finally {
      process.kill(server.pid, 'SIGCONT');
    }
    await eventually(async () => expect((await harness.registry.get('r')!.summary()).status).toBe('up'));

    const back = await sample();
    expect(active(back, 'instance-down')).toBeUndefined();
    const latest = active(back, 'memory-near-limit');
    expect(latest?.since).toBe(firstHeldAt);

    // Clear now: had the two frozen samples counted as clear, this first clear one would close it.
    // In its closing period it shows the last result it fired with.
    await redis.config('SET', 'maxmemory', '1gb');
    expect(active(await sample(), 'memory-near-limit')).toEqual(latest);
    const firstClearAt = lastAt();
    expect(active(await sample(), 'memory-near-limit')?.since).toBe(firstHeldAt);
    expect(active(await sample(), 'memory-near-limit')).toBeUndefined();
    // One firing, from the first held sample to the first clear one.
    expect(firings('memory-near-limit')).toEqual([
      { id: 'memory-near-limit', severity: 'warning', title: 'Memory is near its limit', startedAt: firstHeldAt, endedAt: firstClearAt },
    ]);
    // instance-down opened on the first frozen sample and closed on the first that answered.
    expect(firings('instance-down')).toHaveLength(1);
  }, 30_000);
});

describe('a condition that toggles every sample', () => {
  const extra: Redis[] = [];
  /** Opens or closes 5 connections beyond the baseline, and waits until INFO counts them. */
  async function crowd(on: boolean, baseline: number) {
    if (on) {
      extra.push(...Array.from({ length: 5 }, () => new Redis({ port: server.port, host: '127.0.0.1' }).on('error', () => undefined)));
      await Promise.all(extra.map((c) => c.ping()));
    } else {
      extra.splice(0).forEach((c) => c.disconnect());
    }
    await eventually(async () => expect(await connectedClients()).toBe(baseline + (on ? 5 : 0)));
  }

  it('neither opens a finding nor, once open, closes it each time', async () => {
    const baseline = await connectedClients();
    harness.config.thresholds.clientsMax = baseline + 2;
    try {
      for (let i = 0; i < 8; i++) {
        await crowd(i % 2 === 0, baseline);
        expect(active(await sample(), 'clients-high')).toBeUndefined();
      }
      expect(firings('clients-high')).toEqual([]);

      // Held two samples in a row: it opens (so the loop above could have opened it).
      await crowd(true, baseline);
      await sample();
      const since = active(await sample(), 'clients-high')?.since;
      expect(since).toBeDefined();

      // Toggling while open: never three clear samples in a row, so it stays open with its since.
      for (let i = 0; i < 8; i++) {
        await crowd(i % 2 === 1, baseline);
        expect(active(await sample(), 'clients-high')?.since).toBe(since);
      }
      expect(firings('clients-high')).toHaveLength(1);
    } finally {
      extra.splice(0).forEach((c) => c.disconnect());
    }
  });
});
