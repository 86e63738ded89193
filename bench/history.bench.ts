// bench/history: a year of 10 s samples for 20 instances written through the real rollup path
// (HistoryStore.record in hourly batches, pruning as it goes), then the 15m, 24h, 7d and 30d
// queries timed, against a naive query over raw samples where raw data exists.
// Run: npm run bench:history   (BENCH_DAYS, BENCH_INSTANCES to scale it down)
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import { DEFAULT_RETENTION } from '@/lib/config/schema';
import { HistoryStore } from '@/lib/history/history-store';
import { METRICS, type SampleRow } from '@/lib/history/types';
import type { HistoryRange as Range } from '@/lib/time-range';
import { downRow } from '@/lib/sampler/compute-sample';
import { openStore } from '@/lib/store/sqlite';

const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 20);
const STEP_MS = 10_000;
const HOUR = 3_600_000;

function sample(instance: string, ts: number, i: number): SampleRow {
  const row = downRow(instance, ts, METRICS);
  const wave = Math.sin(i / 360);
  row.up = i % 5000 !== 0; // an occasional outage
  row.runId = 'bench';
  if (!row.up) return row;
  Object.assign(row.values, {
    usedMemory: 2e9 + 1e8 * wave, usedMemoryRss: 2.2e9 + 1e8 * wave, maxmemory: 4e9, fragmentationRatio: 1.1 + 0.05 * wave,
    connectedClients: 30 + 10 * wave, blockedClients: 0, opsPerSec: 20_000 + 5_000 * wave, hitRatio: 0.9 + 0.05 * wave,
    hitsPerSec: 15_000, missesPerSec: 1_500, evictedPerSec: 5, expiredPerSec: 50, netInputBytesPerSec: 2e6,
    netOutputBytesPerSec: 8e6, pingP95Ms: 0.3 + 0.1 * wave,
  });
  return row;
}

function timeIt<T>(work: () => T, runs = 5): { ms: number; result: T } {
  let result = work();
  const started = performance.now();
  for (let i = 0; i < runs; i++) result = work();
  return { ms: (performance.now() - started) / runs, result };
}

function dirSize(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
}

it(`history: ${DAYS} days of 10 s samples for ${INSTANCES} instances`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'redlens-bench-history-'));
  const db = openStore(dir);
  const history = new HistoryStore(db, DEFAULT_RETENTION);
  const end = Math.floor(Date.now() / HOUR) * HOUR;
  const start = end - DAYS * 24 * HOUR;
  const instances = Array.from({ length: INSTANCES }, (_, i) => `redis-${i}`);

  const writeStarted = performance.now();
  let rows = 0;
  for (let hour = start; hour < end; hour += HOUR) {
    const batch: SampleRow[] = [];
    for (let ts = hour; ts < hour + HOUR; ts += STEP_MS) {
      const i = (ts - start) / STEP_MS;
      for (const instance of instances) batch.push(sample(instance, ts, i));
    }
    history.record(batch);
    rows += batch.length;
    if ((hour - start) % (24 * HOUR) === 0) history.prune(hour);
  }
  history.prune(end);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const writeSeconds = (performance.now() - writeStarted) / 1000;

  console.log(`\nwrote ${rows.toLocaleString('en-US')} samples in ${writeSeconds.toFixed(0)} s ` +
    `(${Math.round(rows / writeSeconds).toLocaleString('en-US')} samples/s, rollups and pruning included)`);
  console.log(`store on disk: ${(dirSize(dir) / 2 ** 20).toFixed(1)} MiB (target < 1024 MiB)`);

  // The reference: what a store without rollups would do, averaging raw samples per step.
  const naive = db.prepare(
    `SELECT ts - ts % @step AS bucket, ${METRICS.map((m) => `avg(${m.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)})`).join(', ')}
     FROM samples_raw WHERE instance = @instance AND ts >= @from GROUP BY bucket`,
  );
  console.log('\nrange   Redlens     points  naive raw scan   ratio   (target: every query < 100 ms)');
  for (const range of ['15m', '24h', '7d', '30d'] as Range[]) {
    const { ms, result } = timeIt(() => history.query('redis-7', range, end));
    const rangeMs = { '15m': 15 * 60_000, '24h': 24 * HOUR, '7d': 7 * 24 * HOUR, '30d': 30 * 24 * HOUR }[range as '15m'];
    const rawKept = rangeMs <= DEFAULT_RETENTION.rawHours * HOUR;
    const reference = rawKept
      ? timeIt(() => naive.all({ instance: 'redis-7', from: end - rangeMs, step: result.stepSeconds * 1000 })).ms
      : null;
    console.log(`${range.padEnd(6)} ${ms.toFixed(2).padStart(8)} ms ${String(result.series.usedMemory.length).padStart(8)}  ` +
      `${reference === null ? '   (raw pruned)' : `${reference.toFixed(2).padStart(11)} ms`}   ` +
      `${reference === null ? '     -' : `${(ms / reference).toFixed(2)}x`}`);
  }
  db.close();
}, 60 * 60_000);
