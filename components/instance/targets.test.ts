// The target notes judge by the thresholds they are given, and read as before with the defaults.
import { describe, expect, it } from 'vitest';
import type { DerivedInfo } from '@/lib/api/types';
import { TARGETS, type Thresholds } from '@/lib/health-targets';
import { fragmentationNote, judgeClients, judgeFragmentation, judgeHitRatio, judgeMemory } from './targets';

const defaults: Thresholds = { ...TARGETS };
const custom: Thresholds = { ...TARGETS, hitRatioMin: 0.5, clientsMax: 7, memoryUsedRatioMax: 0.95, fragmentationRatioMax: 3 };
const stats = (hitRatio: number) => ({ hitRatio, keyspaceHits: 600, keyspaceMisses: 400 }) as DerivedInfo['stats'];
const memory = (fragmentationRatio: number) =>
  ({ fragmentationRatio, fragmentationBytes: 64 * 1024 * 1024 }) as DerivedInfo['memory'];

describe('target notes', () => {
  it('read as before with the default thresholds', () => {
    expect(judgeHitRatio(stats(0.6), defaults)).toEqual({ text: '> 80 %', verdict: 'warn' });
    expect(judgeClients(8, defaults)).toEqual({ text: '< 50', verdict: 'ok' });
    expect(judgeMemory(0.9, defaults)).toEqual({ text: '< 80 % of maxmemory', verdict: 'warn' });
    // The memory-near-limit finding's scale: above 95 % it is critical, never a mere warning.
    expect(judgeMemory(0.95, defaults).verdict).toBe('warn');
    expect(judgeMemory(0.96, defaults).verdict).toBe('critical');
    expect(judgeMemory(1, defaults).verdict).toBe('critical');
    expect(judgeFragmentation(memory(2), defaults)).toEqual({ text: '< 1.5', verdict: 'warn' });
  });

  it('judge by the thresholds in force', () => {
    expect(judgeHitRatio(stats(0.6), custom)).toEqual({ text: '> 50 %', verdict: 'ok' });
    expect(judgeClients(8, custom)).toEqual({ text: '< 7', verdict: 'warn' });
    expect(judgeMemory(0.9, custom)).toEqual({ text: '< 95 % of maxmemory', verdict: 'ok' });
    expect(judgeFragmentation(memory(2), custom)).toEqual({ text: '< 3', verdict: 'ok' });
    expect(judgeHitRatio(stats(0.6), { ...custom, hitRatioMinLookups: 5000 }).verdict).toBe('unknown');
    expect(fragmentationNote({ fragmentationRatio: 2, fragmentationBytes: 1024 } as DerivedInfo['memory'], custom)).toBe('1 KiB fragmented');
  });
});
