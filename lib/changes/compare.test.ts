import { describe, expect, it } from 'vitest';
import type { WindowSummary } from '@/lib/history/history-store';
import { METRICS, type MetricValues } from '@/lib/history/types';
import { compareWindows, windowHitRatio, type WindowFigures } from './compare';
import { CHANGE_FIGURE_IDS } from './types';

const empty = () => Object.fromEntries(METRICS.map((metric) => [metric, null])) as MetricValues;

function windowOf(
  parts: { samples?: number; average?: Partial<MetricValues>; latest?: Partial<MetricValues>; slowlogEntries?: number; minutes?: number } = {},
): WindowFigures {
  const summary: WindowSummary = {
    samples: parts.samples ?? 90,
    average: { ...empty(), ...parts.average },
    latest: { ...empty(), ...parts.latest },
  };
  return { summary, slowlogEntries: parts.slowlogEntries ?? 0, minutes: parts.minutes ?? 15 };
}

const byId = (figures: ReturnType<typeof compareWindows>) => new Map(figures.map((figure) => [figure.id, figure]));

describe('compareWindows', () => {
  it('lists every headline figure once, in the panel order', () => {
    expect(compareWindows(windowOf(), windowOf()).map((figure) => figure.id)).toEqual([...CHANGE_FIGURE_IDS]);
  });

  it('takes the latest value of gauges and the mean of rates', () => {
    const now = windowOf({
      latest: { usedMemory: 1_200_000, keys: 19, connectedClients: 4, fragmentationRatio: 1.9, opsPerSec: 999 },
      average: { usedMemory: 30_000_000, keys: 40_000, opsPerSec: 120, evictedPerSec: 0, pingP95Ms: 0.4 },
    });
    const before = windowOf({
      latest: { usedMemory: 64 * 1024 * 1024, keys: 56_012, connectedClients: 6, fragmentationRatio: 1.1 },
      average: { opsPerSec: 100, evictedPerSec: 2.5, pingP95Ms: 0.3 },
    });
    const figures = byId(compareWindows(now, before));
    expect(figures.get('keys')).toMatchObject({ measure: 'latest', unit: 'keys', now: 19, before: 56_012, delta: 19 - 56_012 });
    expect(figures.get('usedMemory')).toMatchObject({ measure: 'latest', unit: 'bytes', now: 1_200_000, delta: 1_200_000 - 64 * 1024 * 1024 });
    expect(figures.get('connectedClients')).toMatchObject({ now: 4, before: 6, delta: -2 });
    expect(figures.get('fragmentationRatio')?.delta).toBeCloseTo(0.8, 10);
    // A rate is the window's mean, not its latest sample.
    expect(figures.get('opsPerSec')).toMatchObject({ measure: 'average', unit: 'ops/s', now: 120, before: 100, delta: 20 });
    expect(figures.get('evictedPerSec')).toMatchObject({ unit: 'keys/s', now: 0, before: 2.5, delta: -2.5 });
    expect(figures.get('pingP95Ms')?.delta).toBeCloseTo(0.1, 10);
  });

  it('computes the hit ratio from the mean hits and misses (a busy sample weighs more)', () => {
    // Per-sample ratios of 1.0 (1 lookup) and 0.5 (1000 lookups) average to 0.75; the window's is ~0.5.
    const now = windowOf({ average: { hitsPerSec: (1 + 500) / 2, missesPerSec: (0 + 500) / 2, hitRatio: 0.75 } });
    const before = windowOf({ average: { hitsPerSec: 75, missesPerSec: 25 } });
    const figure = byId(compareWindows(now, before)).get('hitRatio')!;
    expect(figure.unit).toBe('ratio');
    expect(figure.now).toBeCloseTo(501 / 1001, 10);
    expect(figure.before).toBeCloseTo(0.75, 10);
    expect(figure.delta).toBeCloseTo(501 / 1001 - 0.75, 10);
  });

  it('has no hit ratio without lookups', () => {
    expect(windowHitRatio(windowOf({ average: { hitsPerSec: 0, missesPerSec: 0 } }).summary)).toBeNull();
    expect(windowHitRatio(windowOf().summary)).toBeNull();
  });

  it('gives slow log entries per minute, unknown when nothing was sampled', () => {
    const figures = byId(compareWindows(windowOf({ slowlogEntries: 30, minutes: 15 }), windowOf({ samples: 0, slowlogEntries: 0 })));
    expect(figures.get('slowlogPerMin')).toMatchObject({ unit: 'entries/min', now: 2, before: null, delta: null });
  });

  it('leaves the change unknown when either side is', () => {
    const figures = byId(compareWindows(windowOf({ latest: { usedMemory: 10 } }), windowOf()));
    expect(figures.get('usedMemory')).toMatchObject({ now: 10, before: null, delta: null });
    expect(figures.get('opsPerSec')).toMatchObject({ now: null, before: null, delta: null });
  });
});
