// The analysis walk's pacing on a real redis-server: with another client making Redis slow
// (DEBUG SLEEP), the walk sees the PING round trip and slows down; with Redis quiet again, it
// does not. Measured in time, so in the load project, alone on the machine: a busy host's own
// PING round trip above 2 ms would pace a walk on a quiet Redis too.
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { walkAll } from '@/test/walk';
import type { WalkOptions } from './analysis-walk';
import { Registry, type RedisInstance } from './registry';

let server: RedisServer;
let registry: Registry;
let instance: RedisInstance;

const MANY = 30_000;

beforeAll(async () => {
  server = await startTestRedis();
  const writer = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true });
  await writer.connect();
  for (let start = 0; start < MANY; start += 5000) {
    const batch = writer.pipeline();
    for (let i = start; i < start + 5000; i++) batch.set(`bulk:${i}`, 'x'.repeat(i % 50));
    await batch.exec();
  }
  writer.disconnect();
  registry = new Registry([{ id: 'walk', name: 'walk', url: redisUrl(server) }]);
  instance = registry.get('walk')!;
});

afterAll(async () => {
  await registry?.close();
  await stopRedis(server, { removeDir: true });
});

const walk = (options: Partial<WalkOptions> = {}) => walkAll(instance, options);

describe('the analysis walk', () => {
  it('slows down while the PING round trip is above 2 ms', async () => {
    // A client holding Redis 10 ms of every ~11 ms: every client's PING waits for it.
    const sleeper = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true });
    await sleeper.connect();
    let sleeping = true;
    const loop = (async () => {
      while (sleeping) {
        await sleeper.call('DEBUG', 'SLEEP', '0.01');
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    /** A whole walk, and its keys per second. */
    const timed = async (paceAboveMs?: number) => {
      const started = performance.now();
      const result = await walk(paceAboveMs !== undefined ? { paceAboveMs } : {});
      return { ...result, keysPerSec: result.keys.length / ((performance.now() - started) / 1000) };
    };
    try {
      const unpaced = await timed(Number.POSITIVE_INFINITY);
      const paced = await timed();
      console.log(`walk under DEBUG SLEEP: ${unpaced.keysPerSec.toFixed(0)} keys/s unpaced, ${paced.keysPerSec.toFixed(0)} keys/s paced; PING ${paced.progress.at(-1)?.pingMs?.toFixed(1)} ms`);
      expect(paced.keys).toHaveLength(unpaced.keys.length);
      expect(paced.progress.some((step) => step.paced)).toBe(true);
      expect(Math.max(...paced.progress.map((step) => step.pingMs ?? 0))).toBeGreaterThan(2);
      expect(paced.keysPerSec).toBeLessThan(unpaced.keysPerSec / 2);
    } finally {
      sleeping = false;
      await loop;
      sleeper.disconnect();
    }
    // Redis quiet again (and this process done with the walks above: their garbage collected,
    // the sleeper's socket closed): the walk is not paced.
    await sleep(1000);
    const quiet = await walk();
    console.log(`quiet walk: ${quiet.progress.filter((step) => step.paced).length} of ${quiet.progress.length} batches paced`);
    expect(quiet.progress.filter((step) => step.paced).length).toBeLessThan(quiet.progress.length / 10);
  });
});
