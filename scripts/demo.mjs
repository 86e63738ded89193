// `npm run demo`: without REDIS_URL / REDLENS_CONFIG, starts a private Redis on loopback, seeds the
// FitnessMealPlanner dataset, runs a light workload; then builds and serves the dashboard and prints
// its URL. `npm run demo -- --cluster` starts a private Redis Cluster (3 masters, 3 replicas) with
// the same dataset instead. With REDIS_URL or REDLENS_CONFIG set it serves against that Redis and
// writes nothing. Ctrl-C stops everything it started.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { seedDemoData } from './demo-data/seed.mjs';
import { startWorkload } from './demo-data/workload.mjs';
import { freePort, startRedis, stopRedis, stopRedisSync } from './lib/redis-server.mjs';
import { startCluster, stopCluster } from './lib/redis-cluster.mjs';
import { demoClusterClient } from './demo-data/cluster-client.mjs';
import { buildIfStale, root, startNext, stopNext, waitForHttp } from './lib/next-server.mjs';

const log = (message) => console.log(`[demo] ${message}`);
const dataDir = path.resolve(root, process.env.REDLENS_DATA_DIR || '.redlens');
const host = process.env.REDLENS_HOST || '127.0.0.1';
const usesOwnRedis = !(process.env.REDIS_URL || process.env.REDLENS_REDIS_URL || process.env.REDLENS_CONFIG);
const asCluster = process.argv.includes('--cluster');

// maxmemory just under the seeded data: expiring search results free memory faster than the
// workload writes new ones, so any headroom would mean no evictions at all. Below it, Redis
// evicts a burst at once and then a few keys a second, which the dashboard should show.
const MAXMEMORY_BELOW_SEED_BYTES = 1024 * 1024;

const started = { redis: null, cluster: null, next: null, workload: null, clients: [] };

async function stopAll() {
  await started.workload?.stop().catch(() => undefined);
  for (const client of started.clients) client.disconnect();
  stopNext(started.next);
  if (started.redis) await stopRedis(started.redis);
  if (started.cluster) await stopCluster(started.cluster);
}

/** The slow log, the eviction policy and the latency monitor as the single demo Redis has them. */
const DEMO_REDIS_ARGS = ['--slowlog-log-slower-than', '1000', '--maxmemory-policy', 'allkeys-lru', '--latency-monitor-threshold', '5'];

async function startPrivateRedis() {
  const redis = await startRedis({
    dir: path.join(dataDir, 'demo-redis'),
    args: DEMO_REDIS_ARGS,
  });
  started.redis = redis;
  process.on('exit', () => stopRedisSync(redis));
  log(`private redis-server ${redis.port} (pid ${redis.pid}) under ${path.relative(root, redis.dir)}`);

  const seedClient = new Redis({ host: '127.0.0.1', port: redis.port, lazyConnect: true });
  await seedClient.connect();
  const startedAt = Date.now();
  const { keysWritten } = await seedDemoData(seedClient, { log });
  const usedMemory = Number(/used_memory:(\d+)/.exec(await seedClient.info('memory'))?.[1]);
  const maxmemory = usedMemory - MAXMEMORY_BELOW_SEED_BYTES;
  await seedClient.config('SET', 'maxmemory', String(maxmemory));
  // Seeding itself lands in the slow log (big SADDs, rehashing); the demo's slow log should
  // show what the workload does.
  await seedClient.slowlog('RESET');
  seedClient.disconnect();
  log(`seeded ${keysWritten.toLocaleString('en-US')} keys in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; ` +
    `maxmemory ${(maxmemory / 2 ** 20).toFixed(1)} MiB (allkeys-lru)`);

  const workloadClient = new Redis({ host: '127.0.0.1', port: redis.port, connectionName: 'demo-workload' });
  workloadClient.on('error', () => undefined); // the workload reports its own errors
  started.clients.push(workloadClient);
  started.workload = startWorkload(workloadClient, { log });
  return { url: `redis://127.0.0.1:${redis.port}`, cli: `redis-cli -p ${redis.port}` };
}

/** The same dataset and workload on a private 3-master, 3-replica cluster (no maxmemory: each master holds a third). */
async function startPrivateCluster() {
  const cluster = await startCluster({ dir: path.join(dataDir, 'demo-cluster'), args: DEMO_REDIS_ARGS });
  started.cluster = cluster;
  process.on('exit', () => cluster.nodes.forEach(stopRedisSync));
  log(`private Redis Cluster on ports ${cluster.ports.join(', ')} under ${path.relative(root, path.join(dataDir, 'demo-cluster'))}`);
  const nodes = cluster.ports.map((port) => ({ host: '127.0.0.1', port }));
  const seedClient = new Redis.Cluster(nodes, { enableAutoPipelining: true, lazyConnect: true });
  await seedClient.connect();
  const startedAt = Date.now();
  const { keysWritten } = await seedDemoData(demoClusterClient(seedClient, 'demo-seed'), { log });
  await Promise.all(seedClient.nodes('all').map((node) => node.slowlog('RESET')));
  seedClient.disconnect();
  log(`seeded ${keysWritten.toLocaleString('en-US')} keys in ${((Date.now() - startedAt) / 1000).toFixed(1)} s across 3 masters`);

  const workloadClient = new Redis.Cluster(nodes, { enableAutoPipelining: true, redisOptions: { connectionName: 'demo-workload' } });
  workloadClient.on('error', () => undefined); // the workload reports its own errors
  started.clients.push(workloadClient);
  started.workload = startWorkload(demoClusterClient(workloadClient, 'demo-workload'), { log });
  return { seeds: cluster.ports.slice(0, 3).map((port) => `redis://127.0.0.1:${port}`), cli: `redis-cli -c -p ${cluster.ports[0]}` };
}

// The demo signs people in with passwords made for this run (unless set), printed with the URL.
function demoLogins() {
  return {
    REDLENS_ADMIN_PASSWORD: process.env.REDLENS_ADMIN_PASSWORD || randomBytes(12).toString('base64url'),
    REDLENS_VIEWER_PASSWORD: process.env.REDLENS_VIEWER_PASSWORD || randomBytes(12).toString('base64url'),
  };
}

async function main() {
  const logins = demoLogins();
  const env = { REDLENS_DATA_DIR: dataDir, ...logins };
  let redisLine = '';
  if (usesOwnRedis) {
    // A config file rather than REDIS_URL, so the card says what this Redis is.
    const configFile = path.join(dataDir, 'demo-redlens.json');
    if (asCluster) {
      const { seeds, cli } = await startPrivateCluster();
      writeFileSync(configFile, JSON.stringify({ instances: [{ id: 'default', name: 'FitnessMealPlanner demo (cluster)', cluster: seeds }] }));
      redisLine = `  Redis Cluster: ${seeds.join(' ')}   (${cli})\n`;
    } else {
      const { url, cli } = await startPrivateRedis();
      writeFileSync(configFile, JSON.stringify({ instances: [{ id: 'default', name: 'FitnessMealPlanner demo', url }] }));
      redisLine = `  Redis: ${url}   (${cli})\n`;
    }
    env.REDLENS_CONFIG = configFile;
  }
  else log('serving against the configured Redis; the demo writes nothing to it');

  buildIfStale({ log });
  const port = process.env.PORT ? Number(process.env.PORT) : await freePort(3000);
  started.next = startNext({ host, port, env });
  started.next.on('exit', (code) => {
    if (!stopping) {
      log(`the dashboard server stopped (exit ${code}); stopping the demo`);
      shutdown(1);
    }
  });
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  await waitForHttp(`${url}/api/healthz`);
  console.log(`\n  Redlens is running: ${url}\n` +
    redisLine +
    `  Sign in as  admin / ${logins.REDLENS_ADMIN_PASSWORD}   (may change Redis)\n` +
    `         or  viewer / ${logins.REDLENS_VIEWER_PASSWORD}   (reads only)\n` +
    `  Press Ctrl-C to stop everything the demo started.\n`);
}

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('stopping...');
  await stopAll();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

main().catch(async (error) => {
  console.error(`[demo] ${error.message}`);
  await shutdown(1);
});
