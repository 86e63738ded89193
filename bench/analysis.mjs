#!/usr/bin/env node
// bench/analysis: the keyspace analysis (SPEC section 10) against what an operator would run by
// hand, on bench/keys' 1,000,000-key dataset. Run by hand (`npm run bench:analysis`, a few
// minutes; never in npm test):
//   1. seeds a private redis-server with bench/keys' dataset (bench/lib/keys-dataset.mjs);
//   2. a full analysis through the API (POST .../analysis, polled to the end) while another client
//      times GET .../keys?count=50 and GET .../info, against the same requests idle;
//   3. `redis-cli --keystats --count 1000` (path from REDIS_CLI_KEYSTATS, e.g.
//      ../shared/bin/redis-cli-keystats; skipped, saying so, when unset) and Debian's
//      `redis-cli --memkeys` on the same db;
//   4. prints wall time, Redis CPU (INFO cpu before and after), peak RSS (the dashboard's process
//      group; each redis-cli's own), other requests' latency, and the ratios against the targets.
// Options: --keys N (default 1000000), --port P (dashboard port, default a free one).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { arg, fmt, measure } from './lib/measure.mjs';
import { rssSampler, startStage } from './lib/stage.mjs';

const KEYS = arg('keys', 1_000_000);
const TOKEN = 'bench-analysis-token-0123456789abcdef';
const KEYSTATS = process.env.REDIS_CLI_KEYSTATS ? path.resolve(process.env.REDIS_CLI_KEYSTATS) : null;
/** Issue 12's targets. */
const TARGETS = { wallRatio: 1.0, cpuRatio: 1.3, rssMiB: 300, latencyRatio: 2 };

const log = (...parts) => console.log(...parts);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? NaN;

const api = (base) => async (pathname, init = {}) => {
  const response = await fetch(`${base}${pathname}`, {
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...init.headers },
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${pathname} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
};

/** Other requests, one after another, until `stop()`: each one's latency in ms. */
function otherRequests(call, paths) {
  const times = Object.fromEntries(paths.map((p) => [p, []]));
  let running = true;
  const loop = (async () => {
    while (running) {
      for (const p of paths) {
        const started = performance.now();
        await call(p);
        times[p].push(performance.now() - started);
      }
      await sleep(20);
    }
  })();
  return { stop: async () => ((running = false), await loop, times) };
}

const OTHER = ['/api/instances/bench/keys?count=50', '/api/instances/bench/info'];

async function idleLatency(call) {
  const other = otherRequests(call, OTHER);
  await sleep(3000);
  return other.stop();
}

async function apiAnalysis(call) {
  const { id } = await call('/api/instances/bench/analysis', { method: 'POST', body: JSON.stringify({ db: 0, mode: 'full' }) });
  let run;
  for (;;) {
    await sleep(200);
    run = await call(`/api/instances/bench/analysis/${id}`);
    if (run.status !== 'running') break;
  }
  if (run.status !== 'done') throw new Error(`the analysis ended ${run.status}: ${run.error}`);
  return { keys: run.result.totals.keys, run };
}

/** A redis-cli run, its output kept, its own peak RSS sampled. */
async function redisCli(binary, args) {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const rss = rssSampler((pid) => pid === child.pid);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'exit');
  rss.stop();
  if (code !== 0) throw new Error(`${binary} ${args.join(' ')} exited ${code}: ${output.slice(-500)}`);
  // --keystats says "Keys sampled: N", --memkeys "Sampled N keys in the keyspace!".
  const keys = Number((/Keys sampled:\s*(\d+)/.exec(output) ?? /Sampled (\d+) keys/.exec(output))?.[1] ?? NaN);
  return { keys, rss: rss.peak(), output };
}

// ---------------------------------------------------------------------------------------------

const stage = await startStage({ name: 'analysis', keys: KEYS, token: TOKEN, log });
try {
  const { server, redis, next, base, dbSize } = stage;
  const call = api(base);
  const dashboardRss = rssSampler((_pid, pgid) => pgid === next.pid);
  // Warm up the routes (first compile of each handler, connections) before timing anything.
  for (const p of [...OTHER, '/api/instances/bench/analysis']) await call(p);
  const idle = await idleLatency(call);
  const idleRss = dashboardRss.reset();

  const other = otherRequests(call, OTHER);
  const redlens = await measure(redis, () => apiAnalysis(call));
  const during = await other.stop();
  const peakRss = dashboardRss.peak();
  dashboardRss.stop();

  let keystats = null;
  if (KEYSTATS) keystats = await measure(redis, () => redisCli(KEYSTATS, ['-p', String(server.port), '-n', '0', '--keystats', '--count', '1000']));
  const memkeys = await measure(redis, () => redisCli('redis-cli', ['-p', String(server.port), '-n', '0', '--memkeys']));

  const { run } = redlens;
  const progress = run.progress ?? {};
  log('');
  log(`Full keyspace analysis of ${fmt(dbSize)} keys (Redis CPU from INFO cpu before and after):`);
  const row = (label, m, rss) =>
    log(`  ${label.padEnd(46)} ${fmt(m.ms).padStart(7)} ms  ${fmt(m.cpu, 2).padStart(6)} s Redis CPU  peak RSS ${fmt(rss / 2 ** 20).padStart(4)} MiB`);
  row('Redlens API (POST .../analysis, polled)', redlens, peakRss);
  if (keystats) row(`redis-cli --keystats --count 1000 (${fmt(keystats.keys)} keys)`, keystats, keystats.rss);
  else log('  redis-cli --keystats --count 1000: skipped (set REDIS_CLI_KEYSTATS to a redis-cli that has --keystats, e.g. ../shared/bin/redis-cli-keystats)');
  row(`redis-cli --memkeys (Debian 7.0, COUNT 10; ${fmt(memkeys.keys)} keys)`, memkeys, memkeys.rss);
  log(`  Redlens: ${fmt(run.result.totals.keys)} keys counted, ${fmt(run.result.totals.memoryBytes / 2 ** 20, 1)} MiB by MEMORY USAGE, ${run.result.namespaces.length} namespaces, ${run.result.encodingFindings.length} encoding findings; job ${fmt((run.finishedAt - run.startedAt) / 1000, 2)} s; last progress ${fmt(progress.keysPerSec ?? 0)} keys/s, PING ${fmt(progress.pingMs ?? 0, 2)} ms${progress.paced ? ' (paced)' : ''}`);
  log('');
  log('Other API requests (sequential, one client), median / p95 ms:');
  const ratios = [];
  for (const p of OTHER) {
    const ratio = median(during[p]) / median(idle[p]);
    ratios.push(ratio);
    log(`  ${p.padEnd(42)} idle ${fmt(median(idle[p]), 2)} / ${fmt(p95(idle[p]), 2)}   during the analysis ${fmt(median(during[p]), 2)} / ${fmt(p95(during[p]), 2)}   ${fmt(ratio, 2)}x (${during[p].length} requests)`);
  }
  log(`Dashboard RSS: ${fmt(idleRss / 2 ** 20)} MiB idle, peak ${fmt(peakRss / 2 ** 20)} MiB during the analysis (process group, sampled every 50 ms)`);
  log('');
  const reference = keystats ?? null;
  const verdicts = [
    ...(reference
      ? [
          ['wall time <= 1.0x redis-cli --keystats --count 1000', redlens.ms / reference.ms <= TARGETS.wallRatio, `${fmt(redlens.ms / reference.ms, 2)}x`],
          ['Redis CPU <= 1.3x redis-cli --keystats', redlens.cpu / reference.cpu <= TARGETS.cpuRatio, `${fmt(redlens.cpu / reference.cpu, 2)}x`],
        ]
      : []),
    ['wall time vs redis-cli --memkeys', true, `${fmt(redlens.ms / memkeys.ms, 2)}x (information only)`],
    ['Redis CPU vs redis-cli --memkeys', true, `${fmt(redlens.cpu / memkeys.cpu, 2)}x (information only)`],
    ['dashboard peak RSS < 300 MB', peakRss / 2 ** 20 < TARGETS.rssMiB, `${fmt(peakRss / 2 ** 20)} MiB`],
    ['other requests within 2x of idle (median)', Math.max(...ratios) <= TARGETS.latencyRatio, ratios.map((r) => `${fmt(r, 2)}x`).join(', ')],
    ['every key counted (DBSIZE)', run.result.totals.keys === dbSize, `${fmt(run.result.totals.keys)} / ${fmt(dbSize)}`],
  ];
  for (const [label, ok, figure] of verdicts) log(`  ${ok ? 'met   ' : 'MISSED'} ${label}: ${figure}`);
  process.exitCode = run.result.totals.keys === dbSize ? 0 : 1;
} finally {
  await stage.teardown();
}
