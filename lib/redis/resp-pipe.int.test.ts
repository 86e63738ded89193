// The raw metadata connection against a real redis-server: AUTH and SELECT, replies in order
// under concurrency, a reconnect after Redis drops it, and fail-fast errors.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, stopRedis, type RedisServer } from '../../test/redis';
import { freePort } from '../../scripts/lib/redis-server.mjs';
import { RespError } from './parse/resp';
import { isReplyTooLarge, RespPipe } from './resp-pipe';

let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startTestRedis({ password: 'pipe-secret' });
  redis = new Redis({ port: server.port, password: 'pipe-secret', lazyConnect: true });
  await redis.connect();
  await redis.select(2);
  await redis.set(Buffer.from([0x6b, 0xff]), 'v', 'PX', 60_000);
  await redis.hset('h', 'f', 'v');
  await redis.select(0);
});

afterAll(async () => {
  redis.disconnect();
  await stopRedis(server, { removeDir: true });
});

const pipeOn = (db: number, password = 'pipe-secret', port = server.port) =>
  new RespPipe({ host: '127.0.0.1', port, password, db, connectionName: 'redlens-keys-test' });

describe('RespPipe', () => {
  it('authenticates, selects the db and answers binary keys in order', async () => {
    const pipe = pipeOn(2);
    const replies = await pipe.send([['TYPE', Buffer.from([0x6b, 0xff])], ['PTTL', Buffer.from([0x6b, 0xff])], ['TYPE', 'h'], ['TYPE', 'nope']]);
    expect(replies[0]).toBe('string');
    expect(replies[1]).toBeGreaterThan(50_000);
    expect(replies.slice(2)).toEqual(['hash', 'none']);
    const clients = await redis.client('LIST');
    expect(String(clients)).toContain('name=redlens-keys-test');
    pipe.close();
  });

  it('keeps concurrent batches apart', async () => {
    const pipe = pipeOn(2);
    const batches = await Promise.all(Array.from({ length: 20 }, (_, i) => pipe.send(Array.from({ length: 50 + i }, () => ['TYPE', 'h']))));
    batches.forEach((replies, i) => expect(replies).toEqual(Array(50 + i).fill('hash')));
    pipe.close();
  });

  it('reconnects once when Redis dropped an idle connection', async () => {
    const pipe = pipeOn(2);
    await pipe.send([['TYPE', 'h']]);
    await redis.call('CLIENT', 'KILL', 'SKIPME', 'yes', 'TYPE', 'normal');
    expect(await pipe.send([['TYPE', 'h']])).toEqual(['hash']);
    pipe.close();
  });

  it('does not reconnect after close(), not even for a batch that was in flight', async () => {
    const pipe = pipeOn(2);
    await pipe.send([['TYPE', 'h']]);
    const inFlight = pipe.send([['DEBUG', 'SLEEP', '0.2'], ['TYPE', 'h']]);
    inFlight.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50)); // written, Redis sleeping on it
    pipe.close();
    await expect(inFlight).rejects.toThrow(/closed by Redlens/);
    await expect(pipe.send([['TYPE', 'h']])).rejects.toThrow(/closed by Redlens/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(String(await redis.client('LIST'))).not.toContain('name=redlens-keys-test');
  });

  it('returns error replies in place and fails on refused credentials', async () => {
    const pipe = pipeOn(0);
    const [reply] = await pipe.send([['NOSUCHCOMMAND']]);
    expect(reply).toBeInstanceOf(RespError);
    pipe.close();
    await expect(pipeOn(0, 'wrong').send([['PING']])).rejects.toThrow(/WRONGPASS|invalid/i);
  });

  it('drops a reply past its byte cap unread, and keeps working on a fresh connection', async () => {
    await redis.select(2);
    await redis.set('huge', Buffer.alloc(10 * 1024 * 1024, 'x'));
    await redis.select(0);
    const pipe = new RespPipe({ host: '127.0.0.1', port: server.port, password: 'pipe-secret', db: 2, connectionName: 'redlens-cap-test', maxReplyBytes: 1024 * 1024 });
    expect(await pipe.send([['STRLEN', 'huge']])).toEqual([10 * 1024 * 1024]);
    const started = performance.now();
    const [capped, behind] = await Promise.allSettled([pipe.send([['GET', 'huge']]), pipe.send([['TYPE', 'h']])]);
    expect(capped.status === 'rejected' && isReplyTooLarge(capped.reason)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    // The batch queued behind the dropped one is sent again on a fresh connection.
    expect(behind.status === 'fulfilled' && behind.value).toEqual(['hash']);
    expect(await pipe.send([['GETRANGE', 'huge', '0', '3']])).toEqual([Buffer.from('xxxx')]);
    pipe.close();
  });

  it('fails fast when nothing listens', async () => {
    const port = await freePort();
    await expect(pipeOn(0, 'x', port).send([['PING']])).rejects.toThrow(/ECONNREFUSED/);
  });
});
