// A private Redis Cluster on loopback for the demo, tests and benches: masters and replicas, each a
// daemonized redis-server with --cluster-enabled (stopped by its pid), joined by
// `redis-cli --cluster create`. Cluster bus ports are the data port + 10000, so ports are chosen
// where both are free.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { freePort, startRedis, stopRedis } from './redis-server.mjs';

/** Cluster node timeout: short, so a stopped master is marked failed within seconds in tests. */
const NODE_TIMEOUT_MS = 2000;

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A free port whose cluster bus port (port + 10000) is free too. */
async function freeClusterPort(taken) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await freePort();
    if (port > 55_535 || taken.has(port)) continue;
    try {
      if ((await freePort(port + 10_000)) === port + 10_000) return port;
    } catch {
      // the bus port is taken: try another
    }
  }
  throw new Error('no free port pair (port and port + 10000) for a cluster node');
}

/**
 * Starts `masters` masters with `replicas` replicas each and waits until every node says
 * cluster_state:ok.
 * @param {{ dir: string, masters?: number, replicas?: number, password?: string, args?: string[] }} options
 * @returns {Promise<{ nodes: Array<Awaited<ReturnType<typeof startRedis>>>, ports: number[] }>}
 */
export async function startCluster({ dir, masters = 3, replicas = 1, password, args = [] }) {
  const count = masters * (1 + replicas);
  const taken = new Set();
  const nodes = [];
  try {
    for (let index = 0; index < count; index++) {
      const port = await freeClusterPort(taken);
      taken.add(port);
      nodes.push(
        await startRedis({
          dir: path.join(dir, `node-${port}`),
          port,
          password,
          args: [
            '--cluster-enabled', 'yes',
            '--cluster-config-file', `nodes-${port}.conf`,
            '--cluster-node-timeout', String(NODE_TIMEOUT_MS),
            ...(password ? ['--masterauth', password] : []),
            ...args,
          ],
        }),
      );
    }
    const created = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...nodes.map((node) => `127.0.0.1:${node.port}`), '--cluster-replicas', String(replicas), '--cluster-yes', ...(password ? ['-a', password, '--no-auth-warning'] : [])],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stderr || created.stdout}`);
    await waitForClusterOk(nodes.map((node) => node.port), password, { replicas: masters * replicas });
    return { nodes, ports: nodes.map((node) => node.port) };
  } catch (error) {
    for (const node of nodes) await stopRedis(node, { removeDir: true });
    throw error;
  }
}

/**
 * Resolves when every port answers CLUSTER INFO with cluster_state:ok (all slots ok) and, with
 * `replicas`, every node's CLUSTER NODES lists that many replicas (a new replica shows as a
 * master until it has met its master).
 */
export async function waitForClusterOk(ports, password, { replicas = 0, timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(ports.map((port) => clusterCommand(port, password, 'INFO').catch(() => '')));
    const nodes = await Promise.all(ports.map((port) => clusterCommand(port, password, 'NODES').catch(() => '')));
    const replicasSeen = nodes.map((text) => text.split('\n').filter((line) => / (slave|replica)[ ,]/.test(line) || /,(slave|replica) /.test(line)).length);
    if (states.every((info) => info.includes('cluster_state:ok') && info.includes('cluster_slots_ok:16384')) && replicasSeen.every((count) => count >= replicas)) return;
    if (Date.now() > deadline) throw new Error(`the cluster did not reach cluster_state:ok within ${timeoutMs} ms`);
    await sleep(200);
  }
}

function clusterCommand(port, password, subcommand) {
  const result = spawnSync('redis-cli', ['-p', String(port), ...(password ? ['-a', password, '--no-auth-warning'] : []), 'CLUSTER', subcommand], { encoding: 'utf8', timeout: 2000 });
  if (result.status !== 0) return Promise.reject(new Error(result.stderr));
  return Promise.resolve(result.stdout);
}

/** Stops every node by its pid. */
export async function stopCluster(cluster, { removeDir = false } = {}) {
  for (const node of cluster.nodes) await stopRedis(node, { removeDir });
}

