// A Redis Cluster for integration tests: 3 masters and 3 replicas on free loopback ports, made by
// scripts/lib/redis-cluster.mjs (redis-cli --cluster create), stopped by pid.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Cluster } from 'ioredis';
import { startCluster, stopCluster, type RedisCluster } from '../scripts/lib/redis-cluster.mjs';

export interface TestCluster extends RedisCluster {
  /** redis://127.0.0.1:port of each node, as a config lists seeds. */
  urls: string[];
  /** An ioredis Cluster client of the test's own (follows MOVED itself). */
  client(): Cluster;
  stop(): Promise<void>;
}

export async function startTestCluster(options: { password?: string } = {}): Promise<TestCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'redlens-test-cluster-'));
  const cluster = await startCluster({ dir, ...options });
  const clients: Cluster[] = [];
  return {
    ...cluster,
    urls: cluster.ports.map((port) => `redis://${options.password ? `:${encodeURIComponent(options.password)}@` : ''}127.0.0.1:${port}`),
    client() {
      const client = new Cluster(cluster.ports.map((port) => ({ host: '127.0.0.1', port })), {
        redisOptions: { password: options.password, maxRetriesPerRequest: 1 },
        lazyConnect: true,
      });
      clients.push(client);
      return client;
    },
    async stop() {
      for (const client of clients) client.disconnect();
      await stopCluster(cluster, { removeDir: true });
    },
  };
}
