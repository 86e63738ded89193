// The sampler keeps up with a burst of slow commands, and records a Redis without INFO (renamed
// or denied) as up with INFO unavailable, not as down. Real redis-servers.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { samplerHarness } from '@/test/sampler-harness';
import { isInfoUnavailable } from './info-unavailable';

describe('a burst of slow commands between two samples', () => {
  let server: RedisServer;
  let redis: Redis;
  let harness: ReturnType<typeof samplerHarness>;
  beforeAll(async () => {
    server = await startTestRedis({ args: ['--slowlog-log-slower-than', '0', '--slowlog-max-len', '2048'] });
    redis = new Redis({ port: server.port, host: '127.0.0.1' }).on('error', () => undefined);
    harness = samplerHarness({ b: redisUrl(server) });
  });
  afterAll(async () => {
    redis.disconnect();
    await harness.close();
    await stopRedis(server, { removeDir: true });
  });

  it('archives all 1,000 while Redis still holds them: no gap', async () => {
    await harness.step('b');
    const burst = redis.pipeline();
    for (let i = 0; i < 1000; i++) burst.get(`burst:${i}`);
    await burst.exec();
    await harness.step('b');
    const archived = harness.db.prepare("SELECT count(*) FROM slowlog_archive WHERE instance = 'b' AND line LIKE 'get burst:%'").pluck().get();
    expect(archived).toBe(1000);
    expect(harness.db.prepare("SELECT count(*) FROM slowlog_gaps WHERE instance = 'b'").pluck().get()).toBe(0);
    // And the rollups count them for the charts.
    const rolled = harness.db.prepare("SELECT sum(count) FROM slowlog_rollup_1m WHERE instance = 'b' AND fingerprint = 'GET burst:{id}'").pluck().get();
    expect(rolled).toBe(1000);
  });

});

describe('a slow log that logs every command, the sampler\'s own reads included', () => {
  it("loses no entry on the first read: every id from Redis's first on", async () => {
    const server = await startTestRedis({ args: ['--slowlog-log-slower-than', '0', '--slowlog-max-len', '2048'] });
    const redis = new Redis({ port: server.port, host: '127.0.0.1' }).on('error', () => undefined);
    const harness = samplerHarness({ e: redisUrl(server) });
    try {
      const before = redis.pipeline();
      for (let i = 0; i < 300; i++) before.get(`before:${i}`);
      await before.exec();
      // The first sample reads 16 entries, then SLOWLOG LEN, then more: its own GET and LEN are
      // logged in between, so a read sized by LEN alone would push the oldest ones out.
      await harness.step('e');
      const ids = harness.db.prepare("SELECT count(*) AS count, min(id) AS min, max(id) AS max FROM slowlog_archive WHERE instance = 'e'").get() as { count: number; min: number; max: number };
      expect(ids.min).toBe(0);
      expect(ids.count).toBe(ids.max + 1);
      expect(harness.db.prepare("SELECT count(*) FROM slowlog_archive WHERE instance = 'e' AND line LIKE 'get before:%'").pluck().get()).toBe(300);
    } finally {
      redis.disconnect();
      await harness.close();
      await stopRedis(server, { removeDir: true });
    }
  });
});

describe('a Redis that answers PING but not INFO', () => {
  const servers: RedisServer[] = [];
  afterAll(async () => {
    for (const server of servers) await stopRedis(server, { removeDir: true });
  });

  async function sampleOnce(url: string) {
    const harness = samplerHarness({ x: url });
    try {
      const latest = await harness.step('x');
      return latest;
    } finally {
      await harness.close();
    }
  }

  function expectUpWithoutInfo(latest: Awaited<ReturnType<typeof sampleOnce>>) {
    expect(latest.row!.up).toBe(true);
    expect(latest.row!.values.pingP95Ms).toBeGreaterThan(0);
    expect(latest.row!.values.usedMemory).toBeNull();
    expect(latest.infoUnavailable).toBe(true);
    const ids = latest.health.findings.map((finding) => finding.id);
    expect(ids).toContain('info-unavailable');
    expect(ids).not.toContain('instance-down');
  }

  it('renamed away (rename-command INFO ""): up, INFO unavailable', async () => {
    const server = await startTestRedis({ args: ['--rename-command', 'INFO', '""'] });
    servers.push(server);
    const direct = new Redis({ port: server.port, host: '127.0.0.1', enableReadyCheck: false }).on('error', () => undefined);
    try {
      const error = await direct.info().catch((e: unknown) => e);
      expect(isInfoUnavailable(error)).toBe(true);
    } finally {
      direct.disconnect();
    }
    expectUpWithoutInfo(await sampleOnce(redisUrl(server)));
  });

  it('denied by ACL (NOPERM): up, INFO unavailable', async () => {
    const server = await startTestRedis();
    servers.push(server);
    const admin = new Redis({ port: server.port, host: '127.0.0.1' }).on('error', () => undefined);
    try {
      await admin.call('ACL', 'SETUSER', 'noinfo', 'on', '>noinfo-pass', '~*', '+@all', '-info');
    } finally {
      admin.disconnect();
    }
    const url = `redis://noinfo:noinfo-pass@127.0.0.1:${server.port}`;
    expectUpWithoutInfo(await sampleOnce(url));
  });

  it('is still down when Redis does not answer at all', async () => {
    const server = await startTestRedis();
    await stopRedis(server, { removeDir: true });
    const latest = await sampleOnce(redisUrl(server));
    expect(latest.row!.up).toBe(false);
    expect(latest.infoUnavailable).toBe(false);
    expect(latest.health.findings.map((finding) => finding.id)).toContain('instance-down');
  });
});
