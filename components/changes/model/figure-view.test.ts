import { describe, expect, it } from 'vitest';
import type { ChangeFigure } from '@/lib/changes/types';
import { anyFigureMoved, directionOf, figureView, formatFigureDelta, formatFigureValue } from './figure-view';

const figure = (id: ChangeFigure['id'], unit: string, now: number | null, before: number | null): ChangeFigure => ({
  id, name: id, unit, measure: 'latest', now, before, delta: now === null || before === null ? null : now - before,
});

describe('figureView', () => {
  it('calls a key count that collapsed a worse change, in words and tone', () => {
    const view = figureView(figure('keys', 'keys', 19, 56_012));
    expect(view).toMatchObject({ now: '19 keys', before: '56,012 keys', delta: '-55,993 keys', direction: 'down', arrow: '▼', words: 'down (worse)', tone: 'bad' });
  });

  it('calls a higher hit ratio better, in points', () => {
    const view = figureView(figure('hitRatio', 'ratio', 0.94, 0.68));
    expect(view).toMatchObject({ now: '94 %', before: '68 %', delta: '+26 points', direction: 'up', tone: 'ok', words: 'up (better)' });
  });

  it('does not judge memory or clients, only says which way they went', () => {
    expect(figureView(figure('usedMemory', 'bytes', 2 * 1024 * 1024, 1024 * 1024))).toMatchObject({ delta: '+1 MiB', direction: 'up', tone: 'neutral', words: 'up' });
  });

  it('treats a change under the noise as about the same', () => {
    expect(directionOf(figure('opsPerSec', 'ops/s', 104, 100))).toBe('same');
    expect(directionOf(figure('hitRatio', 'ratio', 0.81, 0.8))).toBe('same');
    expect(anyFigureMoved([figure('opsPerSec', 'ops/s', 104, 100), figure('keys', 'keys', 1000, 1000)])).toBe(false);
  });

  it('counts any growth from zero: evictions that started', () => {
    const view = figureView(figure('evictedPerSec', 'keys/s', 0.5, 0));
    expect(view).toMatchObject({ direction: 'up', tone: 'bad', delta: '+0.5 keys/s' });
    expect(anyFigureMoved([figure('evictedPerSec', 'keys/s', 0.5, 0)])).toBe(true);
  });

  it('has no comparison without a before', () => {
    expect(figureView(figure('pingP95Ms', 'ms', 0.3, null))).toMatchObject({ before: '—', delta: '—', direction: 'unknown', arrow: '?', tone: 'neutral' });
  });

  it('formats each unit', () => {
    expect(formatFigureValue({ unit: '' }, 1.456)).toBe('1.46');
    expect(formatFigureValue({ unit: 'entries/min' }, 0.2)).toBe('0.2 entries/min');
    expect(formatFigureValue({ unit: 'ops/s' }, 12_345.6)).toBe('12,346 ops/s');
    expect(formatFigureDelta(figure('connectedClients', 'clients', 6, 6))).toBe('±0');
  });
});
