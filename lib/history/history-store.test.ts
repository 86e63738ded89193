import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SampleRow } from './types';
import { downRow } from '@/lib/sampler/compute-sample';
import { openStore } from '@/lib/store/sqlite';
import { DEFAULT_RETENTION } from '@/lib/config/schema';
import { HistoryStore } from './history-store';
import { METRICS } from './types';

const T0 = Date.UTC(2026, 10, 1, 0, 0, 0);

function row(ts: number, usedMemory: number, instance = 'a'): SampleRow {
  const base = downRow(instance, ts, METRICS);
  return { ...base, up: true, runId: 'r', values: { ...base.values, usedMemory, opsPerSec: usedMemory / 10 } };
}

function freshStore(dir = mkdtempSync(path.join(tmpdir(), 'redlens-history-'))) {
  const db = openStore(dir);
  return { dir, db, history: new HistoryStore(db, DEFAULT_RETENTION) };
}

describe('HistoryStore', () => {
  it('rolls samples up into minutes and hours with min, avg and max', () => {
    const { db, history } = freshStore();
    history.record([row(T0, 100), row(T0 + 10_000, 200), row(T0 + 20_000, 600)]);
    history.record([row(T0 + 60_000, 1000)]);
    const minutes = db.prepare('SELECT ts, samples, used_memory_min AS lo, used_memory_avg AS mid, used_memory_max AS hi FROM rollup_1m ORDER BY ts').all();
    expect(minutes).toEqual([
      { ts: T0, samples: 3, lo: 100, mid: 300, hi: 600 },
      { ts: T0 + 60_000, samples: 1, lo: 1000, mid: 1000, hi: 1000 },
    ]);
    const hour = db.prepare('SELECT ts, samples, up_samples AS up, used_memory_min AS lo, used_memory_max AS hi FROM rollup_1h').get();
    expect(hour).toEqual({ ts: T0, samples: 4, up: 4, lo: 100, hi: 1000 });
  });

  it('keeps gaps as null: a down sample and time without samples', () => {
    const { history } = freshStore();
    history.record([row(T0, 100), downRow('a', T0 + 10_000, METRICS), row(T0 + 40_000, 300)]);
    const { series, stepSeconds } = history.query('a', '15m', T0 + 45_000);
    expect(stepSeconds).toBe(10);
    const tail = series.usedMemory.filter(([ts]) => ts >= T0);
    expect(tail).toEqual([[T0, 100], [T0 + 10_000, null], [T0 + 20_000, null], [T0 + 30_000, null], [T0 + 40_000, 300]]);
  });

  it('answers every range with at most 1000 points a series, from the right resolution', () => {
    const { history } = freshStore();
    const rows: SampleRow[] = [];
    for (let ts = T0; ts < T0 + 2 * 60 * 60_000; ts += 10_000) rows.push(row(ts, ts - T0));
    history.record(rows);
    const now = T0 + 2 * 60 * 60_000;
    for (const range of ['15m', '1h', '6h', '24h', '7d', '30d'] as const) {
      const { series, stepSeconds } = history.query('a', range, now);
      expect(series.usedMemory.length, range).toBeLessThanOrEqual(1000);
      expect(series.usedMemory.some(([, value]) => value !== null), range).toBe(true);
      expect(Object.keys(series)).toEqual([...METRICS]);
      expect(stepSeconds).toBeGreaterThanOrEqual(10);
    }
    // 24h reads minute rollups: one point per 2 minutes holds the average of 12 samples.
    const day = history.query('a', '24h', now).series.usedMemory.filter(([, v]) => v !== null);
    expect(day[0]).toEqual([T0, 55_000]);
  });

  it('keeps instances apart', () => {
    const { history } = freshStore();
    history.record([row(T0, 1, 'a'), row(T0, 2, 'b')]);
    expect(history.query('b', '15m', T0 + 1000).series.usedMemory.find(([ts]) => ts === T0)?.[1]).toBe(2);
  });

  it('prunes raw after 48 h, minutes after 30 d and hours after a year', () => {
    const { db, history } = freshStore();
    history.record([row(T0, 1)]);
    expect(history.prune(T0 + 47 * 3600_000)).toEqual({ raw: 0, minute: 0, hour: 0 });
    expect(history.prune(T0 + 49 * 3600_000)).toEqual({ raw: 1, minute: 0, hour: 0 });
    expect(history.prune(T0 + 31 * 86_400_000)).toEqual({ raw: 0, minute: 1, hour: 0 });
    expect(history.prune(T0 + 366 * 86_400_000)).toEqual({ raw: 0, minute: 0, hour: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM rollup_1h').get()).toEqual({ n: 0 });
  });

  it('keeps what was written across a reopen of the store', () => {
    const { dir, db, history } = freshStore();
    history.record([row(T0, 123)]);
    db.close();
    const reopened = new HistoryStore(openStore(dir), DEFAULT_RETENTION);
    expect(reopened.query('a', '15m', T0 + 1000).series.usedMemory.find(([ts]) => ts === T0)?.[1]).toBe(123);
  });
});
