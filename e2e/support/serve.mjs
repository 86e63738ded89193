// Playwright's web server: two throwaway Redis servers and a Redis Cluster (3 masters, 3
// replicas) on loopback, and the built dashboard configured with all three. Their pids go to .e2e/state.json so specs can stop and restart them.
// A chat webhook stand-in takes the weekly report, due the hour the server starts.
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { startRedis, stopRedisSync } from '../../scripts/lib/redis-server.mjs';
import { startCluster } from '../../scripts/lib/redis-cluster.mjs';
import { root, startNext, stopNext } from '../../scripts/lib/next-server.mjs';

const e2eDir = path.join(root, '.e2e');
rmSync(e2eDir, { recursive: true, force: true });
mkdirSync(e2eDir, { recursive: true });

const main = await startRedis({ dir: path.join(e2eDir, 'redis-main') });
const second = await startRedis({ dir: path.join(e2eDir, 'redis-second') });
const cluster = await startCluster({ dir: path.join(e2eDir, 'redis-cluster') });
writeFileSync(path.join(e2eDir, 'state.json'), JSON.stringify({ main, second, cluster }, null, 2));

// The webhook's stand-in: each POST's body, one JSON line each, in .e2e/webhook.ndjson.
const webhook = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    appendFileSync(path.join(e2eDir, 'webhook.ndjson'), `${Buffer.concat(chunks).toString('utf8').replace(/\n/g, ' ')}\n`);
    response.writeHead(204).end();
  });
});
await new Promise((resolve) => webhook.listen(0, '127.0.0.1', resolve));
webhook.unref();
// Due from this hour of today (UTC): the server sends last week's report as it starts.
const started = new Date();

const configFile = path.join(e2eDir, 'redlens.json');
writeFileSync(configFile, JSON.stringify({
  // Sample every second so charts and findings fill within a test's time.
  sampleIntervalSeconds: 1,
  instances: [
    { id: 'e2e-main', name: 'E2E main', url: `redis://127.0.0.1:${main.port}` },
    // Markup in a name must show as text on every page (the stored-XSS spec checks).
    { id: 'e2e-second', name: 'E2E second <img src=x onerror=alert(1)>', url: `redis://127.0.0.1:${second.port}` },
    { id: 'e2e-cluster', name: 'E2E cluster', cluster: [`redis://127.0.0.1:${cluster.ports[0]}`] },
  ],
  reports: { weekday: ((started.getUTCDay() + 6) % 7) + 1, hour: started.getUTCHours(), webhook: `http://127.0.0.1:${webhook.address().port}/chat` },
}));

const next = startNext({
  // stderr is read here (and passed on) to catch unhandled rejections; see global-teardown.ts.
  stdio: ['ignore', 'inherit', 'pipe'],
  host: '127.0.0.1',
  port: Number(process.env.E2E_PORT ?? 3217),
  env: {
    REDLENS_CONFIG: configFile,
    REDLENS_DATA_DIR: path.join(e2eDir, 'data'),
    // Same values as e2e/support/fixtures.ts PASSWORDS.
    REDLENS_ADMIN_PASSWORD: 'e2e-admin-password',
    REDLENS_VIEWER_PASSWORD: 'e2e-viewer-password',
    REDLENS_API_TOKEN: 'e2e-api-token',
  },
});

// The server tags each unhandled rejection (scripts/lib/redlens-server.mjs); any one fails the run.
next.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  if (chunk.toString().includes('[redlens] unhandled rejection')) appendFileSync(path.join(e2eDir, 'unhandled-rejections.log'), chunk);
});

function stopAll() {
  stopNext(next);
  // Read the pids again: a spec may have restarted a Redis under a new pid.
  for (const server of [main, second, ...cluster.nodes]) stopRedisSync(server);
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
next.on('exit', (code) => process.exit(code ?? 1));
