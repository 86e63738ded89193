import { describe, expect, it } from 'vitest';
import type { FindingEvent } from '@/lib/health/types';
import { findingBands } from './finding-bands';

const T0 = Date.UTC(2026, 10, 26, 14, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;

describe('findingBands', () => {
  const from = s(0);
  const to = s(3600);
  const finding = (startedAt: number, endedAt: number | null, extra: Partial<FindingEvent> = {}): FindingEvent => ({
    id: 'hit-ratio-low',
    severity: 'warning',
    title: 'Hit ratio low',
    startedAt,
    endedAt,
    ...extra,
  });

  it('clips to the range and runs an active finding to the end', () => {
    const bands = findingBands([finding(s(-600), s(600)), finding(s(1800), null)], from, to);
    expect(bands).toHaveLength(2);
    expect(bands[0]).toMatchObject({ x1: from, x2: s(600), startsInRange: false });
    expect(bands[1]).toMatchObject({ x1: s(1800), x2: to, startsInRange: true, endedAt: null });
  });

  it('drops findings wholly outside the range', () => {
    expect(findingBands([finding(s(-900), s(-600)), finding(s(4000), null)], from, to)).toEqual([]);
  });

  it('gives each firing of the same rule its own key, oldest first', () => {
    const bands = findingBands([finding(s(900), s(1000)), finding(s(100), s(200))], from, to);
    expect(bands.map((band) => band.startedAt)).toEqual([s(100), s(900)]);
    expect(new Set(bands.map((band) => band.key)).size).toBe(2);
  });
});
