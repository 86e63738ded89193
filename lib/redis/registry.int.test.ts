// The registry against a real redis-server: data, down, blocked, wrong password, recovery, coalescing.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launch, rawCommand, redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { ApiError } from '@/lib/api/errors';
import { fetchInfo } from './info';
import { Registry } from './registry';

async function failureOf(promise: Promise<unknown>): Promise<{ error: ApiError; ms: number }> {
  const started = Date.now();
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return { error: error as ApiError, ms: Date.now() - started };
  }
  throw new Error('expected the call to fail');
}

describe('registry against a real Redis', () => {
  let server: RedisServer;
  let registry: Registry;
  let seed: Redis;

  beforeAll(async () => {
    server = await startTestRedis();
    seed = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true });
    seed.on('error', () => undefined); // expected while the test stops Redis
    await seed.connect();
    for (const db of [0, 1, 2]) {
      await seed.select(db);
      const pipeline = seed.pipeline();
      for (let i = 0; i < 10 + db; i++) pipeline.set(`int:${db}:${i}`, 'v', 'EX', 600);
      pipeline.set(`int:${db}:forever`, 'v');
      await pipeline.exec();
    }
    registry = new Registry([{ id: 'a', name: 'A', url: redisUrl(server) }]);
  });

  afterAll(async () => {
    seed.disconnect();
    await registry?.close();
    await stopRedis(server, { removeDir: true });
  });

  const instance = () => registry.get('a')!;

  it('reads INFO with the keys of every db', async () => {
    const info = await fetchInfo(instance());
    expect(info.derived.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(info.derived.keyspace.map((db) => [db.db, db.keys, db.expires])).toEqual([
      [0, 11, 10],
      [1, 12, 11],
      [2, 13, 12],
    ]);
    expect(info.sections.server?.tcp_port).toBe(server.port);
    expect((await instance().summary()).status).toBe('up');
  });

  it('shares one INFO among 40 concurrent page requests', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // let the previous shared answer expire
    const calls = async () => {
      const stats = await seed.info('commandstats');
      return Number(/cmdstat_info:calls=(\d+)/.exec(stats)?.[1] ?? 0);
    };
    const before = await calls();
    await Promise.all(Array.from({ length: 40 }, () => fetchInfo(instance())));
    const after = await calls();
    // Our 40 share one INFO; the two `calls()` INFOs count themselves once (before sees its own).
    expect(after - before).toBe(2);
  });

  it('answers REDIS_TIMEOUT in under 3 s while Redis is blocked by DEBUG SLEEP', async () => {
    await instance().summary(); // connected and ready before Redis blocks
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const blocker = rawCommand(server.port, 'DEBUG SLEEP 4', 6000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { error, ms } = await failureOf(fetchInfo(instance()));
    expect(error.code).toBe('REDIS_TIMEOUT');
    expect(error.status).toBe(504);
    expect(ms).toBeLessThan(3000);
    await blocker;
    await eventually(async () => expect((await fetchInfo(instance())).derived.totalKeys).toBe(36));
  });

  it('answers REDIS_UNAVAILABLE in under 3 s while Redis is stopped, and recovers by itself', async () => {
    await stopRedis(server);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (let attempt = 0; attempt < 3; attempt++) {
      const { error, ms } = await failureOf(fetchInfo(instance()));
      expect(error.code).toBe('REDIS_UNAVAILABLE');
      expect(error.status).toBe(503);
      expect(ms).toBeLessThan(3000);
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
    const down = await instance().summary();
    expect(down.status).toBe('down');
    expect(down.error).toMatch(/unreachable|ECONNREFUSED|ready/i);

    await launch(server);
    const started = Date.now();
    await eventually(async () => expect((await instance().summary()).status).toBe('up'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await fetchInfo(instance())).derived.uptimeSeconds).toBeLessThan(60);
  });
});

describe('registry with a wrong password', () => {
  let server: RedisServer;
  let registry: Registry;

  beforeAll(async () => {
    server = await startTestRedis({ password: 'right-password' });
    registry = new Registry([{ id: 'p', name: 'P', url: redisUrl(server, 'wrong-password') }]);
  });

  afterAll(async () => {
    await registry?.close();
    await stopRedis(server, { removeDir: true });
  });

  it('answers REDIS_UNAVAILABLE naming the credentials, without the password', async () => {
    const { error, ms } = await failureOf(fetchInfo(registry.get('p')!));
    expect(error.code).toBe('REDIS_UNAVAILABLE');
    expect(error.message).toMatch(/WRONGPASS|credentials|NOAUTH/);
    expect(error.message).not.toContain('wrong-password');
    expect(ms).toBeLessThan(3000);
    const summary = await registry.get('p')!.summary();
    expect(summary.status).toBe('down');
    expect(JSON.stringify(summary)).not.toContain('wrong-password');
  });
});

describe('registry with an unreachable port', () => {
  it('answers REDIS_UNAVAILABLE fast when nothing listens', async () => {
    const server = await startTestRedis();
    await stopRedis(server, { removeDir: true });
    const registry = new Registry([{ id: 'x', name: 'X', url: redisUrl(server) }]);
    const { error, ms } = await failureOf(fetchInfo(registry.get('x')!));
    expect(error.code).toBe('REDIS_UNAVAILABLE');
    expect(ms).toBeLessThan(3000);
    await registry.close();
  });
});

describe('registry on a read-only replica', () => {
  let primary: RedisServer;
  let replica: RedisServer;
  let registry: Registry;

  beforeAll(async () => {
    primary = await startTestRedis();
    replica = await startTestRedis({ args: ['--replicaof', '127.0.0.1', String(primary.port)] });
    await rawCommand(primary.port, 'SET kept v');
    await eventually(async () => expect(await rawCommand(replica.port, 'GET kept')).toBe('$1'));
    registry = new Registry([{ id: 'r', name: 'R', url: redisUrl(replica) }]);
  });

  afterAll(async () => {
    await registry?.close();
    await stopRedis(replica, { removeDir: true });
    await stopRedis(primary, { removeDir: true });
  });

  it('answers 409 REDIS_READONLY to UNLINK, PEXPIRE and a MULTI write, and stays up', async () => {
    const replicaInstance = registry.get('r')!;
    const writes: Array<(client: Redis) => Promise<unknown>> = [
      (client) => client.unlink('kept'),
      (client) => client.pexpire('kept', 60_000),
      (client) => client.multi().unlink('kept').exec(),
    ];
    for (const write of writes) {
      const { error } = await failureOf(replicaInstance.run(write));
      expect(error.code).toBe('REDIS_READONLY');
      expect(error.status).toBe(409);
      expect(error.message).toMatch(/read-only replica: writes go to its primary/);
    }
    expect(await rawCommand(primary.port, 'EXISTS kept')).toBe(':1');
    expect((await replicaInstance.summary()).status).toBe('up');
  });
});

describe('registry with an ACL user that may not reset the slow log', () => {
  let server: RedisServer;
  let registry: Registry;

  beforeAll(async () => {
    server = await startTestRedis();
    const admin = new Redis({ port: server.port, host: '127.0.0.1' });
    await admin.call('ACL', 'SETUSER', 'limited', 'on', '>limited-pw', '~*', '&*', '+@all', '-slowlog|reset');
    admin.disconnect();
    registry = new Registry([{ id: 'l', name: 'L', url: `redis://limited:limited-pw@127.0.0.1:${server.port}` }]);
  });

  afterAll(async () => {
    await registry?.close();
    await stopRedis(server, { removeDir: true });
  });

  it('answers 502 REDIS_COMMAND_DENIED naming the refused command of MULTI / SLOWLOG RESET / EXEC', async () => {
    const limited = registry.get('l')!;
    const { error } = await failureOf(limited.run((client) => client.multi().slowlog('GET', 10).slowlog('RESET').exec()));
    expect(error.code).toBe('REDIS_COMMAND_DENIED');
    expect(error.status).toBe(502);
    expect(error.message).toContain("no permissions to run the 'slowlog|reset' command");
    expect((await limited.summary()).status).toBe('up');
  });
});

describe('registry with INFO and SLOWLOG renamed away', () => {
  let server: RedisServer;
  let registry: Registry;

  beforeAll(async () => {
    server = await startTestRedis({ args: ['--rename-command', 'INFO', '', '--rename-command', 'SLOWLOG', ''] });
    registry = new Registry([{ id: 'n', name: 'N', url: redisUrl(server) }]);
  });

  afterAll(async () => {
    await registry?.close();
    await stopRedis(server, { removeDir: true });
  });

  it('is up (PING answers) while INFO answers 502 saying INFO is renamed or disabled', async () => {
    const renamed = registry.get('n')!;
    const summary = await renamed.summary();
    expect(summary).toMatchObject({ status: 'up' });
    expect(summary.error).toBeUndefined();
    const { error, ms } = await failureOf(fetchInfo(renamed));
    expect(error.code).toBe('REDIS_COMMAND_DENIED');
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/INFO command: it is renamed or disabled/);
    expect(ms).toBeLessThan(1000);
    expect(await renamed.run((client) => client.ping())).toBe('PONG');
    expect((await renamed.summary()).status).toBe('up');
  });

  it('answers 502 naming SLOWLOG when a MULTI holds the renamed command', async () => {
    const { error } = await failureOf(registry.get('n')!.run((client) => client.multi().slowlog('GET', 10).slowlog('RESET').exec()));
    expect(error.code).toBe('REDIS_COMMAND_DENIED');
    expect(error.message).toMatch(/MULTI\/EXEC.*SLOWLOG command: it is renamed or disabled/);
  });
});

describe('registry while Redis loads its dataset', () => {
  let server: RedisServer;
  let registry: Registry;
  let seed: Redis;

  beforeAll(async () => {
    // Redis's own test suite slows loading this way: a pause per key, and client events served
    // every KiB loaded, so a small dataset loads for seconds at almost no CPU.
    server = await startTestRedis({ args: ['--loading-process-events-interval-bytes', '1024', '--key-load-delay', '400'] });
    seed = new Redis({ port: server.port, host: '127.0.0.1' });
    await seed.call('DEBUG', 'POPULATE', '12000', 'load', '64');
    registry = new Registry([{ id: 'd', name: 'D', url: redisUrl(server) }]);
  });

  afterAll(async () => {
    seed.disconnect();
    await registry?.close();
    await stopRedis(server, { removeDir: true });
  });

  it('answers 503 at once with the percent loaded, for a connected and a new client, and recovers', async () => {
    const connected = registry.get('d')!;
    expect((await connected.summary()).status).toBe('up');

    const reload = rawCommand(server.port, 'DEBUG RELOAD', 30_000);
    await eventually(async () => expect(await seed.info('persistence')).toMatch(/^loading:1/m), 5_000);

    const fresh = new Registry([{ id: 'd', name: 'D', url: redisUrl(server) }]);
    try {
      for (const instance of [connected, fresh.get('d')!]) {
        const { error, ms } = await failureOf(instance.run((client) => client.get('load:1')));
        expect(error.code).toBe('REDIS_UNAVAILABLE');
        expect(error.status).toBe(503);
        expect(error.message).toMatch(/^Redis is loading its dataset: \d+ %/);
        expect(ms).toBeLessThan(1000);
      }
      const down = await fresh.get('d')!.summary();
      expect(down.status).toBe('down');
      expect(down.error).toMatch(/loading its dataset: \d+ %/);
      // INFO is served while loading: the instance page still gets its figures.
      expect((await fetchInfo(fresh.get('d')!)).derived.persistence.loading).toBe(true);
    } finally {
      await fresh.close();
    }

    expect(await reload).toBe('+OK');
    await eventually(async () => expect((await connected.summary()).status).toBe('up'));
    expect(await connected.run((client) => client.exists('load:1'))).toBe(1);
  });
});
