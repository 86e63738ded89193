// The stage every dashboard bench sets up the same way: a private redis-server seeded with
// bench/keys' dataset, the dashboard built if stale and served against it, a sampler of peak RSS,
// and the teardown of all of it.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { freePort, startRedis, stopRedis } from '../../scripts/lib/redis-server.mjs';
import { buildIfStale, startNext, stopNext, waitForHttp } from '../../scripts/lib/next-server.mjs';
import { seed } from './keys-dataset.mjs';
import { arg, fmt } from './measure.mjs';

/** RSS in bytes of every process `match(pid, pgid)` accepts (a process group, or one pid). */
function rssOf(match) {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (!match(Number(entry), Number(fields[2]))) continue; // field 5 of stat: the process group
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      total += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // the process ended between readdir and read
    }
  }
  return total;
}

/** Peak RSS of what `match(pid, pgid)` accepts, sampled every 50 ms; reset() answers the RSS now. */
export function rssSampler(match) {
  let peak = 0;
  const sample = () => {
    const total = rssOf(match);
    peak = Math.max(peak, total);
    return total;
  };
  const timer = setInterval(sample, 50);
  return { peak: () => peak, reset: () => (peak = sample()), stop: () => clearInterval(timer) };
}

/**
 * Starts Redis with `keys` keys of the dataset and the dashboard on it (instance id `bench`,
 * `token` as its API token), logs what it did, and answers the pieces and `teardown()`.
 */
export async function startStage({ name, keys, token, log }) {
  const dir = mkdtempSync(path.join(tmpdir(), `redlens-bench-${name}-`));
  const stage = { dir, server: null, redis: null, next: null, base: null, dbSize: 0 };
  stage.teardown = async () => {
    stage.redis?.disconnect();
    stopNext(stage.next);
    if (stage.server) await stopRedis(stage.server);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    stage.server = await startRedis({ dir: path.join(dir, 'redis') });
    stage.redis = new Redis({ port: stage.server.port, lazyConnect: true });
    await stage.redis.connect();
    const version = (await stage.redis.info('server')).match(/redis_version:(\S+)/)[1];
    log(`bench/${name}: redis-server ${version} on 127.0.0.1:${stage.server.port}, ${fmt(keys)} keys`);
    const started = performance.now();
    await seed(stage.server.port, keys);
    stage.dbSize = await stage.redis.dbsize();
    const usedMemory = (await stage.redis.info('memory')).match(/used_memory_human:(\S+)/)[1];
    log(`seeded ${fmt(stage.dbSize)} keys in ${fmt((performance.now() - started) / 1000, 1)} s (used_memory ${usedMemory})`);

    buildIfStale({ log });
    const port = arg('port', 0) || (await freePort());
    const configFile = path.join(dir, 'redlens.json');
    writeFileSync(configFile, JSON.stringify({ instances: [{ id: 'bench', name: 'bench', url: `redis://127.0.0.1:${stage.server.port}` }] }));
    stage.next = startNext({
      host: '127.0.0.1', port, stdio: 'ignore',
      env: { REDLENS_CONFIG: configFile, REDLENS_DATA_DIR: path.join(dir, 'data'), REDLENS_API_TOKEN: token, REDLENS_ADMIN_PASSWORD: 'bench-admin' },
    });
    stage.base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${stage.base}/api/healthz`);
    return stage;
  } catch (error) {
    await stage.teardown();
    throw error;
  }
}
