import { describe, expect, it } from 'vitest';
import { TARGETS } from '@/lib/health-targets';
import type { RecentRates } from '@/lib/api/types';
import { judgePingP95, judgeRecentHitRatio, memoryUsedRatio, windowLabel } from './recent-figures';

const recent = (hitRatio: number | null, lookups: number, windowSeconds = 60): RecentRates => ({
  windowSeconds, hitRatio, lookups, opsPerSec: 10, evictedPerSec: 0,
});

describe('windowLabel', () => {
  it('names the window in whole seconds, or what it waits for', () => {
    expect(windowLabel(recent(0.9, 500))).toBe('last 60 s');
    expect(windowLabel(recent(0.9, 500, 69.6))).toBe('last 70 s');
    expect(windowLabel(null)).toBe('waiting for a second sample');
  });
});

describe('judgeRecentHitRatio', () => {
  it('judges against the threshold in force', () => {
    expect(judgeRecentHitRatio(recent(0.69, 500), TARGETS)).toEqual({ text: '> 80 %', verdict: 'warn' });
    expect(judgeRecentHitRatio(recent(0.8, 500), TARGETS).verdict).toBe('ok');
    expect(judgeRecentHitRatio(recent(0.69, 500), { ...TARGETS, hitRatioMin: 0.6 })).toEqual({ text: '> 60 %', verdict: 'ok' });
  });

  it('does not judge a window with fewer lookups than the rule needs, or no window', () => {
    expect(judgeRecentHitRatio(recent(0.1, 99), TARGETS).verdict).toBe('unknown');
    expect(judgeRecentHitRatio(recent(0.1, 5), { ...TARGETS, hitRatioMinLookups: 5 }).verdict).toBe('warn');
    expect(judgeRecentHitRatio(recent(null, 0), TARGETS).verdict).toBe('unknown');
    expect(judgeRecentHitRatio(null, TARGETS).verdict).toBe('unknown');
  });
});

describe('judgePingP95', () => {
  it('is ok up to the target and unknown without pings', () => {
    expect(judgePingP95(1, TARGETS)).toEqual({ text: '< 1 ms', verdict: 'ok' });
    expect(judgePingP95(1.2, TARGETS).verdict).toBe('warn');
    expect(judgePingP95(null, TARGETS).verdict).toBe('unknown');
  });
});

describe('memoryUsedRatio', () => {
  it('is used / maxmemory, and null without a limit', () => {
    expect(memoryUsedRatio(50, 200)).toBe(0.25);
    expect(memoryUsedRatio(50, null)).toBeNull();
    expect(memoryUsedRatio(null, 200)).toBeNull();
  });
});
