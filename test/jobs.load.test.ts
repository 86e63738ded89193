// A job never blocks other requests (issue 12): while a job walks 100,000 keys of a real
// redis-server (SCAN COUNT 1000, then one write of TYPE + PTTL for the batch on a connection of its
// own, yielding between batches), other API requests stay within 2x their idle latency. Measured
// on GET /api/instances/{id}/info and GET .../keys (a key-browser page: SCAN + TYPE/PTTL on every
// call) through the routes as Next calls them, and a plain PING through the registry: medians of
// hundreds each, in alternating idle and busy windows (so the rest of the machine's load hits both
// alike), all printed.
// A walk at full speed is measured too, for the record: it keeps Redis (and this process) busy all
// the time, and a PING waits behind its batches (4-12x idle measured). The walk held to 2x rests
// between batches at the key browser's duty cycle (busy 1/5 of the time), as a job must.
import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobContext } from '@/lib/jobs/runner';
import { KEY_BROWSER_REDIS_DUTY_CYCLE } from '@/lib/keys/constants';
import { RespPipe } from '@/lib/redis/resp-pipe';
import type { RedisInstance } from '@/lib/redis/registry';
import { server as redlens } from '@/lib/server/root';
import { call, useAppEnv } from './app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';

const TOKEN = 'jobs-load-token-0123456789abcdef';
const KEYS = 100_000;
/** Idle and busy windows alternate this many times, each this long. */
const ROUNDS = 4;
const WINDOW_MS = 500;
const infoRoute = await import('@/app/api/instances/[id]/info/route');
const keysRoute = await import('@/app/api/instances/[id]/keys/route');
const asToken = { headers: { authorization: `Bearer ${TOKEN}` }, params: { id: 'j' } };

let redisServer: RedisServer;

beforeAll(async () => {
  redisServer = await startTestRedis();
  const seed = new Redis({ port: redisServer.port, lazyConnect: true });
  await seed.connect();
  for (let from = 0; from < KEYS; from += 10_000) {
    const pipeline = seed.pipeline();
    for (let i = from; i < from + 10_000; i += 1) {
      if (i % 3 === 0) pipeline.hset(`session:${i}`, 'user', String(i), 'agent', 'Mozilla/5.0', 'seen', '1700000000');
      else if (i % 2 === 0) pipeline.set(`user:${i}:name`, `name-${i}`, 'PX', 3_600_000);
      else pipeline.set(`user:${i}:name`, `name-${i}`);
    }
    await pipeline.exec();
  }
  expect(await seed.dbsize()).toBe(KEYS);
  seed.disconnect();
  useAppEnv({ instances: [{ id: 'j', url: redisUrl(redisServer) }], env: { REDLENS_API_TOKEN: TOKEN } });
}, 120_000);

afterAll(async () => {
  redlens().jobs.close();
  await redlens().registry.close();
  await stopRedis(redisServer, { removeDir: true });
});

/**
 * The shape of a keyspace walk: SCAN a batch, then its metadata in one write on a connection of
 * its own (counted as Redlens's own traffic), progress, then a rest of `restFactor` times what the
 * batch took (0: only a yield to the event loop); round and round the keyspace until cancelled.
 * Resolves with what it counted.
 */
function walkKeys(instance: RedisInstance, restFactor: number) {
  return async ({ signal, progress }: JobContext): Promise<{ scanned: number }> => {
    const pipe = new RespPipe({
      host: '127.0.0.1', port: redisServer.port, db: 0, connectionName: 'redlens-analysis',
      onReply: (command, reply) => instance.traffic.note(String(command[0]), command.slice(1), reply),
    });
    const started = performance.now();
    let scanned = 0;
    let cursor = '0';
    try {
      while (!signal.aborted) {
        const batchStarted = performance.now();
        const [reply] = await pipe.send([['SCAN', cursor, 'COUNT', '1000']]);
        const [next, keys] = reply as [Buffer, Buffer[]];
        cursor = next.toString();
        if (keys.length > 0) await pipe.send(keys.flatMap((key) => [['TYPE', key], ['PTTL', key]]));
        scanned += keys.length;
        progress({ done: scanned, total: null, perSecond: scanned / ((performance.now() - started) / 1000), etaSeconds: null });
        if (restFactor > 0) await sleep(restFactor * (performance.now() - batchStarted));
        else await yieldToEventLoop();
      }
    } finally {
      pipe.close();
    }
    return { scanned };
  };
}

type Requests = Record<'info' | 'keys' | 'ping', () => Promise<unknown>>;
type Latencies = Record<keyof Requests, number[]>;

/** Sends each request in turn for `ms`, each after a random pause of 0-4 ms (so they land anywhere in a job's batches). */
async function sampleLatencies(requests: Requests, ms: number, into: Latencies): Promise<void> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    for (const [name, request] of Object.entries(requests) as Array<[keyof Requests, () => Promise<unknown>]>) {
      await sleep(Math.random() * 4);
      const sent = performance.now();
      await request();
      into[name].push(performance.now() - sent);
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const empty = (): Latencies => ({ info: [], keys: [], ping: [] });

/**
 * Alternates idle windows with windows during a job walking with `restFactor` (each window its own
 * job, started then cancelled); the medians, the keys the jobs walked per second of busy window.
 */
async function measure(instance: RedisInstance, requests: Requests, restFactor: number) {
  const jobs = redlens().jobs;
  const idle = empty();
  const busy = empty();
  let walked = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    await sampleLatencies(requests, WINDOW_MS, idle);
    const job = jobs.start({ instance: instance.id, kind: 'analysis', params: { db: 0 }, actor: 'load-test', run: walkKeys(instance, restFactor) });
    await sleep(50); // under way
    const before = jobs.get(job.id)?.progress?.done ?? 0;
    await sampleLatencies(requests, WINDOW_MS, busy);
    const during = (jobs.get(job.id)?.progress?.done ?? 0) - before;
    jobs.cancel(job.id);
    await jobs.settled(job.id);
    const ended = jobs.get<unknown, { scanned: number }>(job.id)!;
    expect(ended.status).toBe('cancelled');
    expect(ended.result?.scanned).toBeGreaterThanOrEqual(before + during);
    walked += during;
  }
  const figures = (name: keyof Requests) => ({ idle: median(idle[name]), busy: median(busy[name]), samples: busy[name].length });
  return { info: figures('info'), keys: figures('keys'), ping: figures('ping'), keysPerSec: walked / ((ROUNDS * WINDOW_MS) / 1000) };
}

function report(label: string, figures: Awaited<ReturnType<typeof measure>>): string {
  const line = (name: 'info' | 'keys' | 'ping') => {
    const { idle, busy, samples } = figures[name];
    return `${name} ${idle.toFixed(3)} -> ${busy.toFixed(3)} ms (x${(busy / idle).toFixed(2)}, n=${samples})`;
  };
  return `${label}: ${Math.round(figures.keysPerSec)} keys/s; median idle -> during: ${line('info')}, ${line('keys')}, ${line('ping')}`;
}

describe('a job walking 100,000 keys', () => {
  it('keeps other API requests within 2x their idle latency when it rests between batches as the key browser does', async () => {
    const instance = redlens().registry.get('j')!;
    const requests: Requests = {
      info: async () => {
        const response = await call(infoRoute.GET, 'GET', '/api/instances/j/info', asToken);
        expect(response.status).toBe(200);
        await response.json();
      },
      keys: async () => {
        const response = await call(keysRoute.GET, 'GET', '/api/instances/j/keys?db=0&count=100', asToken);
        expect(response.status).toBe(200);
        await response.json();
      },
      ping: () => instance.run((client) => client.ping()),
    };
    // Warm up: connections made, route modules and auth built.
    for (let i = 0; i < 20; i += 1) await Promise.all(Object.values(requests).map((request) => request()));

    const fullSpeed = await measure(instance, requests, 0);
    console.log(report('job load, a walk at full speed (for the record)', fullSpeed));
    // The key browser's duty cycle: busy 1 part in 5, resting 4x what each batch took.
    const resting = await measure(instance, requests, 1 / KEY_BROWSER_REDIS_DUTY_CYCLE - 1);
    console.log(report(`job load, a walk resting ${1 / KEY_BROWSER_REDIS_DUTY_CYCLE - 1}x its batch time`, resting));

    // Both walks really worked while the requests were measured...
    expect(fullSpeed.keysPerSec).toBeGreaterThan(resting.keysPerSec);
    expect(resting.keysPerSec).toBeGreaterThan(20_000);
    // ...and beside the resting one, the requests hardly noticed.
    for (const name of ['info', 'keys', 'ping'] as const) {
      expect(resting[name].busy, name).toBeLessThanOrEqual(2 * resting[name].idle);
    }
  });
});
