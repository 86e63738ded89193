// A Sentinel deployment for integration tests: a master, a replica of it and sentinels that
// monitor them, each a private redis-server on a free loopback port, stopped by pid.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { startRedis } from '../scripts/lib/redis-server.mjs';
import { eventually, redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';

export const MASTER_NAME = 'mymaster';

export interface SentinelSetup {
  master: RedisServer;
  replica: RedisServer;
  sentinels: RedisServer[];
  /** "127.0.0.1:port" of each sentinel, as a config lists them. */
  addresses: string[];
  /** A client of a sentinel (for SENTINEL FAILOVER and its view). */
  sentinelClient(index?: number): Redis;
  stop(): Promise<void>;
}

const SENTINEL_CONF = (masterPort: number, password: string | undefined, extra: string[]) => [
  `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${masterPort} 1`,
  `sentinel down-after-milliseconds ${MASTER_NAME} 1000`,
  `sentinel failover-timeout ${MASTER_NAME} 5000`,
  // Clients of the sentinels need the password; the sentinels use it with each other.
  ...(password ? [`requirepass ${password}`, `sentinel sentinel-pass ${password}`] : []),
  ...extra,
  '',
].join('\n');

/**
 * Starts the servers and waits until every sentinel knows the replica and the other sentinels.
 * With `sentinelPassword` the sentinels ask their clients for it (requirepass); `sentinelConf`
 * lines are added to each sentinel's config (an ACL `user` line).
 */
export async function startSentinelSetup(sentinelCount = 2, options: { sentinelPassword?: string; sentinelConf?: string[] } = {}): Promise<SentinelSetup> {
  const master = await startTestRedis();
  const replica = await startTestRedis({ args: ['--replicaof', '127.0.0.1', String(master.port)] });
  const started: RedisServer[] = [];
  const clients: Redis[] = [];
  const setup: SentinelSetup = {
    master, replica, sentinels: started, addresses: [],
    sentinelClient(index = 0) {
      const client = new Redis({ host: '127.0.0.1', port: started[index]!.port, lazyConnect: true, maxRetriesPerRequest: 1, password: options.sentinelPassword });
      clients.push(client);
      return client;
    },
    async stop() {
      for (const client of clients) client.disconnect();
      for (const server of [...started, replica, master]) await stopRedis(server, { removeDir: true });
    },
  };
  try {
    const link = new Redis(redisUrl(replica), { lazyConnect: true });
    await eventually(async () => {
      const info = await link.info('replication');
      if (!info.includes('master_link_status:up')) throw new Error('the replica is not linked yet');
    });
    link.disconnect();
    for (let i = 0; i < sentinelCount; i += 1) {
      // Sentinel rewrites its config file: it lives in a folder of its own, writable.
      const dir = mkdtempSync(path.join(tmpdir(), 'redlens-test-sentinel-'));
      const conf = path.join(dir, 'sentinel.conf');
      writeFileSync(conf, SENTINEL_CONF(master.port, options.sentinelPassword, options.sentinelConf ?? []));
      started.push(await startRedis({ dir, conf, args: ['--sentinel'] }));
    }
    setup.addresses = started.map((server) => `127.0.0.1:${server.port}`);
    for (let i = 0; i < sentinelCount; i += 1) {
      const client = setup.sentinelClient(i);
      await eventually(async () => {
        const replicas = (await client.call('SENTINEL', 'REPLICAS', MASTER_NAME)) as unknown[];
        const others = (await client.call('SENTINEL', 'SENTINELS', MASTER_NAME)) as unknown[];
        if (replicas.length !== 1 || others.length !== sentinelCount - 1) throw new Error(`sentinel ${i} knows ${replicas.length} replicas, ${others.length} sentinels`);
      }, 15_000);
    }
    return setup;
  } catch (error) {
    await setup.stop();
    throw error;
  }
}
