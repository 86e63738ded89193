// A chosen window of the history (`?from=&to=`): read from the resolution that still holds it,
// at most 1000 points, only the window's points.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downRow } from '@/lib/sampler/compute-sample';
import { openStore } from '@/lib/store/sqlite';
import { DEFAULT_RETENTION } from '@/lib/config/schema';
import { CUSTOM_WINDOW_MAX_MS } from '@/lib/time-range';
import { HistoryStore } from './history-store';
import { METRICS, type SampleRow } from './types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 10, 1, 0, 0, 0);

function row(ts: number, usedMemory: number): SampleRow {
  const base = downRow('a', ts, METRICS);
  return { ...base, up: true, runId: 'r', values: { ...base.values, usedMemory } };
}

const history = () => new HistoryStore(openStore(mkdtempSync(path.join(tmpdir(), 'redlens-window-'))), DEFAULT_RETENTION);

describe('HistoryStore.queryWindow', () => {
  it('reads a recent window from the raw samples, only its points', () => {
    const store = history();
    store.record([row(T0, 100), row(T0 + 10_000, 200), row(T0 + 20 * MIN, 300), row(T0 + 40 * MIN, 400)]);
    const now = T0 + 45 * MIN;
    const answer = store.queryWindow('a', { from: T0 + 15 * MIN, to: T0 + 30 * MIN }, now, 10);
    expect(answer.stepSeconds).toBe(10);
    expect(answer.from).toBe(T0 + 15 * MIN);
    expect(answer.to).toBe(T0 + 30 * MIN);
    const values = answer.series.usedMemory.filter(([, value]) => value !== null);
    expect(values).toEqual([[T0 + 20 * MIN, 300]]);
    expect(answer.series.usedMemory.every(([t]) => t >= T0 + 15 * MIN && t <= T0 + 30 * MIN)).toBe(true);
  });

  it('reads an old window from the rollups, whose points are at least a minute apart', () => {
    const store = history();
    store.record([row(T0, 100), row(T0 + 10_000, 300), row(T0 + MIN, 500)]);
    // Three days later the raw samples may be gone: a week's range reads the minute rollups.
    const now = T0 + 3 * 24 * HOUR;
    const answer = store.queryWindow('a', { from: T0, to: T0 + 10 * MIN }, now, 10);
    expect(answer.stepSeconds).toBe(60);
    expect(answer.series.usedMemory.filter(([, value]) => value !== null)).toEqual([
      [T0, 200],
      [T0 + MIN, 500],
    ]);
  });

  it('keeps the longest window under 1000 points a series', () => {
    const answer = history().queryWindow('a', { from: T0, to: T0 + CUSTOM_WINDOW_MAX_MS }, T0 + CUSTOM_WINDOW_MAX_MS, 10);
    expect(answer.series.usedMemory.length).toBeLessThanOrEqual(1000);
    expect(answer.series.usedMemory.length).toBeGreaterThan(100);
  });
});
