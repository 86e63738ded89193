#!/usr/bin/env node
// bench/keys: how the key browser's listing compares with the cheapest possible walk of a
// 1,000,000-key keyspace. Run by hand (`npm run bench:keys`, a few minutes; never in npm test):
//   1. seeds a private redis-server with 1M keys of every type (70 % strings, half with a TTL)
//      through redis-cli --pipe;
//   2. walks it with a names-only ioredis SCAN COUNT 1000 loop and with `redis-cli --scan`;
//   3. lists it through the dashboard's API (GET /keys?count=1000, with type and TTL; then again
//      with MEMORY USAGE as the UI asks), checking that every key comes back exactly once;
//   4. "scan all" as the UI does it: the NDJSON stream of GET /keys/export, parsed as it
//      arrives, plus one POST /keys/meta for a visible window of 50 rows every 10,000 names;
//   5. prints the ratios, the first page's latency, the time to the first streamed rows and to
//      their metadata, the dashboard's peak RSS and Redis' CPU (INFO cpu before and after).
// Options: --keys N (default 1000000), --port P (dashboard port, default a free one).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { arg, fmt, measure } from './lib/measure.mjs';
import { rssSampler, startStage } from './lib/stage.mjs';

const KEYS = arg('keys', 1_000_000);
const TOKEN = 'bench-keys-token-0123456789abcdef';
const TARGETS = { listingRatio: 3, firstPageMs: 100, rssMiB: 300, cpuRatio: 2, scanAllRatio: 1.5, scanAllCpuRatio: 1.2, firstRowsMs: 100 };
/** The UI asks metadata for the rows on screen: a window of this many, every WINDOW_EVERY names. */
const WINDOW_ROWS = 50;
const WINDOW_EVERY = 10_000;
const YIELD_EVERY_MS = 8;

const log = (...parts) => console.log(...parts);

// Seeding: bench/lib/keys-dataset.mjs (shared with bench/analysis).

// ---------------------------------------------------------------------------------------------
// Measurements

async function namesOnlyScan(redis) {
  let cursor = '0';
  let keys = 0;
  do {
    const [next, batch] = await redis.scanBuffer(cursor, 'COUNT', 1000);
    cursor = next.toString();
    keys += batch.length;
  } while (cursor !== '0');
  return { keys };
}

async function redisCliScan(port) {
  const child = spawn('redis-cli', ['-p', String(port), '--scan'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let lines = 0;
  child.stdout.on('data', (chunk) => {
    for (let i = 0; i < chunk.length; i += 1) if (chunk[i] === 10) lines += 1;
  });
  await once(child, 'exit');
  return { keys: lines };
}

async function apiListing(base, { memory, gzip = true }) {
  const seen = new Set();
  let cursor = '0';
  let pages = 0;
  let returned = 0;
  for (;;) {
    const response = await fetch(`${base}/api/instances/bench/keys?count=1000&memory=${memory ? 1 : 0}&cursor=${cursor}`, {
      headers: { authorization: `Bearer ${TOKEN}`, ...(!gzip && { 'accept-encoding': 'identity' }) },
    });
    if (!response.ok) throw new Error(`GET keys answered ${response.status}: ${await response.text()}`);
    const page = await response.json();
    pages += 1;
    returned += page.keys.length;
    for (const key of page.keys) seen.add(key.keyB64);
    cursor = page.cursor;
    if (page.done) break;
  }
  return { keys: seen.size, returned, pages };
}

/**
 * "Scan all" as the key browser does it (components/keys/model/scan-all.ts): one GET
 * /keys/export read as a stream, its lines kept as the text they came in with an index of where
 * each starts (a line is parsed only when its row is shown), the last line parsed; and, while it
 * streams, a POST /keys/meta for a window of WINDOW_ROWS names every WINDOW_EVERY names (the
 * first as soon as the first window has arrived), their lines parsed for their keyB64.
 */
async function scanAllAsUi(base) {
  const started = performance.now();
  const auth = { authorization: `Bearer ${TOKEN}` };
  const response = await fetch(`${base}/api/instances/bench/keys/export`, { headers: auth });
  if (!response.ok) throw new Error(`GET keys/export answered ${response.status}: ${await response.text()}`);
  if (response.headers.get('content-encoding')) throw new Error(`the export came ${response.headers.get('content-encoding')}-encoded: its batches would wait in a zlib buffer`);
  const chunks = [];
  let chunkOf = new Int32Array(1 << 20);
  let startOf = new Int32Array(1 << 20);
  let endOf = new Int32Array(1 << 20);
  let size = 0;
  const lineAt = (index) => JSON.parse(chunks[chunkOf[index]].slice(startOf[index], endOf[index]));
  const windows = [];
  let firstRowsMs = null;
  let firstMetaMs = null;
  let nextWindowAt = WINDOW_ROWS;
  let last = null;
  let rest = '';
  let yielded = performance.now();
  const decoder = new TextDecoder();
  const askWindow = (keysB64) => {
    const asked = fetch(`${base}/api/instances/bench/keys/meta`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ db: 0, keysB64 }),
    }).then(async (reply) => {
      if (!reply.ok) throw new Error(`POST keys/meta answered ${reply.status}: ${await reply.text()}`);
      const body = await reply.json();
      firstMetaMs ??= performance.now() - started;
      return body.keys.length + body.missing.length;
    });
    windows.push(asked);
  };
  const take = (text) => {
    const chunk = chunks.length;
    chunks.push(text);
    for (let start = 0; start < text.length;) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (text.startsWith('{"key":', start)) {
        if (size === chunkOf.length) {
          const grow = (array) => { const bigger = new Int32Array(array.length * 2); bigger.set(array); return bigger; };
          chunkOf = grow(chunkOf); startOf = grow(startOf); endOf = grow(endOf);
        }
        chunkOf[size] = chunk; startOf[size] = start; endOf[size] = end; size += 1;
      } else if (end > start) {
        const line = JSON.parse(text.slice(start, end));
        if (line.error) throw new Error(`the export failed: ${line.error.code} ${line.error.message}`);
        if (line.done) last = line;
      }
      start = end + 1;
    }
  };
  for await (const bytes of response.body) {
    const text = rest + decoder.decode(bytes, { stream: true });
    const end = text.lastIndexOf('\n');
    rest = text.slice(end + 1);
    if (end < 0) continue;
    take(text.slice(0, end + 1));
    if (size > 0) firstRowsMs ??= performance.now() - started;
    // As the UI's reader does (lib/queries/key-export.ts): buffered chunks are read without
    // leaving the task, so it yields to a task of its own every YIELD_EVERY_MS.
    if (performance.now() - yielded > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      yielded = performance.now();
    }
    while (size >= nextWindowAt) {
      const keysB64 = [];
      for (let index = nextWindowAt - WINDOW_ROWS; index < nextWindowAt; index += 1) keysB64.push(lineAt(index).keyB64);
      askWindow(keysB64);
      nextWindowAt += nextWindowAt === WINDOW_ROWS ? WINDOW_EVERY - WINDOW_ROWS : WINDOW_EVERY;
    }
  }
  if (rest.trim() !== '') take(`${rest}\n`);
  const measured = (await Promise.all(windows)).reduce((sum, n) => sum + n, 0);
  if (!last) throw new Error('the export ended without its done line');
  // Exactness is checked after the clock stops (the UI never builds this set).
  const distinct = () => {
    const seen = new Set();
    for (let index = 0; index < size; index += 1) seen.add(lineAt(index).keyB64);
    return seen.size;
  };
  return { keys: size, distinct, sent: last.keys, windows: windows.length, measured, firstRowsMs, firstMetaMs };
}

/** The export alone: its bytes read and counted, nothing parsed (what the server's side costs). */
async function exportBytesOnly(base) {
  const response = await fetch(`${base}/api/instances/bench/keys/export`, { headers: { authorization: `Bearer ${TOKEN}` } });
  if (!response.ok) throw new Error(`GET keys/export answered ${response.status}`);
  let lines = 0;
  for await (const chunk of response.body) for (let i = 0; i < chunk.length; i += 1) if (chunk[i] === 10) lines += 1;
  return { keys: lines - 1 };
}

async function warmUpScanAll(base) {
  const auth = { authorization: `Bearer ${TOKEN}` };
  const response = await fetch(`${base}/api/instances/bench/keys/export`, { headers: auth });
  const reader = response.body.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  const first = JSON.parse(new TextDecoder().decode(value).split('\n')[0]);
  // As many calls as the first page's latency is measured over: the route's code is warm (its
  // first calls, still being compiled, took 50-120 ms where a warm one takes 12-17 ms).
  for (let i = 0; i < 7; i += 1) {
    const meta = await fetch(`${base}/api/instances/bench/keys/meta`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ db: 0, keysB64: [first.keyB64] }),
    });
    if (!meta.ok) throw new Error(`POST keys/meta answered ${meta.status}: ${await meta.text()}`);
    await meta.json();
  }
}

/** What Next costs per request before any of our work: the median of GET /api/healthz. */
async function requestOverhead(base) {
  const times = [];
  for (let i = 0; i < 200; i += 1) {
    const started = performance.now();
    await (await fetch(`${base}/api/healthz`)).text();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[100];
}

async function firstPageLatency(base) {
  const times = [];
  for (let i = 0; i < 7; i += 1) {
    const started = performance.now();
    const response = await fetch(`${base}/api/instances/bench/keys?count=500`, { headers: { authorization: `Bearer ${TOKEN}` } });
    await response.json();
    times.push(performance.now() - started);
  }
  return { cold: times[0], median: [...times].sort((a, b) => a - b)[3] };
}


// ---------------------------------------------------------------------------------------------

const stage = await startStage({ name: 'keys', keys: KEYS, token: TOKEN, log });
try {
  const { server, redis, next, base, dbSize } = stage;
  const rss = rssSampler((_pid, pgid) => pgid === next.pid);
  // Warm up the routes (first load of each handler, connections) before timing anything: the
  // export is read for one chunk and cancelled (which also shows it stops), one window measured.
  await firstPageLatency(base);
  await warmUpScanAll(base);
  const idleRss = rss.reset();

  const names = await measure(redis, () => namesOnlyScan(redis));
  rss.reset();
  const scanAll = await measure(redis, () => scanAllAsUi(base));
  const scanAllRss = rss.peak();
  const scanAllDistinct = scanAll.distinct();
  const exportOnly = await measure(redis, () => exportBytesOnly(base));
  const cli = await measure(redis, () => redisCliScan(server.port));
  rss.reset();
  const api = await measure(redis, () => apiListing(base, { memory: false }));
  const apiMemory = await measure(redis, () => apiListing(base, { memory: true }));
  const apiPlain = await measure(redis, () => apiListing(base, { memory: false, gzip: false }));
  const overheadMs = await requestOverhead(base);
  const latency = await firstPageLatency(base);
  const peakRss = rss.peak();
  rss.stop();

  const row = (label, m) =>
    log(`  ${label.padEnd(44)} ${fmt(m.ms).padStart(7)} ms  ${fmt(m.cpu, 2).padStart(6)} s CPU  ${fmt(m.keys).padStart(9)} keys  ${fmt(m.ms / names.ms, 2).padStart(5)}x time  ${fmt(m.cpu / names.cpu, 2).padStart(5)}x CPU`);
  log('');
  log(`Full listing of ${fmt(dbSize)} keys (Redis CPU from INFO cpu, ratios against the names-only loop):`);
  row('ioredis SCAN COUNT 1000, names only', names);
  row('redis-cli --scan (COUNT 10), names only', cli);
  row(`scan all as the UI does it (NDJSON + ${scanAll.windows} windows)`, scanAll);
  row('the export alone, bytes read, nothing parsed', exportOnly);
  row(`API keys?count=1000, type + TTL (${api.pages} pages)`, api);
  row(`API keys?count=1000, type + TTL + MEMORY USAGE`, apiMemory);
  row(`API keys?count=1000, type + TTL, no gzip`, apiPlain);
  log('');
  log(`Next's own cost per request (GET /api/healthz, median of 200): ${fmt(overheadMs, 2)} ms, i.e. ${fmt(overheadMs * api.pages / 1000, 1)} s of the listing's ${api.pages} pages`);
  log(`First page (count=500 with MEMORY USAGE, as the UI asks): median ${fmt(latency.median, 1)} ms over 7, first ${fmt(latency.cold, 1)} ms`);
  log(`Dashboard RSS: ${fmt(idleRss / 2 ** 20)} MiB idle, peak ${fmt(peakRss / 2 ** 20)} MiB during the listings (process group, sampled every 50 ms)`);
  log(`Scan all: first rows after ${fmt(scanAll.firstRowsMs, 1)} ms, the first window's type, TTL and memory after ${fmt(scanAll.firstMetaMs, 1)} ms; ${scanAll.windows} windows of ${WINDOW_ROWS} (${fmt(scanAll.measured)} keys measured); dashboard peak RSS ${fmt(scanAllRss / 2 ** 20)} MiB during it`);
  log(`Exactness: the export sent ${fmt(scanAll.sent)} names, ${fmt(scanAll.keys)} listed, ${fmt(scanAllDistinct)} distinct, of ${fmt(dbSize)}`);
  log(`Exactness: the API returned ${fmt(api.keys)} distinct keys of ${fmt(dbSize)} (${fmt(api.returned - api.keys)} repeats), with memory ${fmt(apiMemory.keys)}`);
  log('');
  const verdicts = [
    ['listing within 3x of names-only', api.ms / names.ms <= TARGETS.listingRatio, `${fmt(api.ms / names.ms, 2)}x`],
    ['first page under 100 ms', latency.median < TARGETS.firstPageMs, `${fmt(latency.median, 1)} ms`],
    ['dashboard RSS under 300 MB', peakRss / 2 ** 20 < TARGETS.rssMiB, `${fmt(peakRss / 2 ** 20)} MiB`],
    ['Redis CPU under 2x names-only', api.cpu / names.cpu < TARGETS.cpuRatio, `${fmt(api.cpu / names.cpu, 2)}x`],
    ['every key exactly once', api.keys === dbSize, `${fmt(api.keys)} / ${fmt(dbSize)}`],
    ['scan all within 1.5x of names-only', scanAll.ms / names.ms <= TARGETS.scanAllRatio, `${fmt(scanAll.ms / names.ms, 2)}x`],
    ['scan all Redis CPU within 1.2x of names-only', scanAll.cpu / names.cpu <= TARGETS.scanAllCpuRatio, `${fmt(scanAll.cpu / names.cpu, 2)}x`],
    ['scan all first rows under 100 ms', scanAll.firstRowsMs < TARGETS.firstRowsMs, `${fmt(scanAll.firstRowsMs, 1)} ms`],
    ['scan all first window metadata under 100 ms', scanAll.firstMetaMs < TARGETS.firstRowsMs, `${fmt(scanAll.firstMetaMs, 1)} ms`],
    ['dashboard RSS under 300 MB during scan all', scanAllRss / 2 ** 20 < TARGETS.rssMiB, `${fmt(scanAllRss / 2 ** 20)} MiB`],
    ['scan all: every key exactly once', scanAll.keys === dbSize && scanAllDistinct === dbSize, `${fmt(scanAll.keys)} listed, ${fmt(scanAllDistinct)} distinct / ${fmt(dbSize)}`],
  ];
  for (const [label, ok, figure] of verdicts) log(`  ${ok ? 'met   ' : 'MISSED'} ${label}: ${figure}`);
  process.exitCode = api.keys === dbSize && scanAllDistinct === dbSize ? 0 : 1;
} finally {
  await stage.teardown();
}
