import { describe, expect, it } from 'vitest';
import type { KeyRow } from '@/lib/keys/types';
import { keysToMeasure, MeasuredKeys, scanAllView, StreamedNames } from './scan-all';

const name = (key: string) => ({ key, keyB64: Buffer.from(key).toString('base64') });
const row = (key: string, ttlMs: number, memoryBytes?: number): KeyRow => ({ ...name(key), type: 'string', ttlMs, ...(memoryBytes !== undefined && { memoryBytes }) });
const keysOf = (view: ReturnType<typeof scanAllView>) => Array.from({ length: view.count }, (_, i) => view.at(i).key);

function setup() {
  const names = new StreamedNames();
  names.add(['a', 'b', 'c', 'd', 'e'].map(name));
  const measured = new MeasuredKeys();
  measured.merge({ keys: [row('b', -1, 100), row('d', 5_000, 900), row('e', 60_000, 50)], missing: [] });
  return { names, measured };
}

describe('StreamedNames', () => {
  it('keeps each name once, in arrival order', () => {
    const names = new StreamedNames();
    expect(names.add([name('a'), name('b'), name('a')])).toBe(2);
    expect(names.add([name('b'), name('c')])).toBe(1);
    expect(names.names.map((entry) => entry.key)).toEqual(['a', 'b', 'c']);
  });
});

describe('scanAllView', () => {
  it('shows every name in scan order, with metadata where measured', () => {
    const { names, measured } = setup();
    const view = scanAllView(names.names, measured, 'scan', false);
    expect(keysOf(view)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(view.at(0)).toEqual(name('a'));
    expect(view.at(3)).toMatchObject({ type: 'string', ttlMs: 5_000, memoryBytes: 900 });
    expect(view.measured).toBeNull();
  });

  it('sorts the measured keys by memory, largest first, then the rest in scan order', () => {
    const { names, measured } = setup();
    const view = scanAllView(names.names, measured, 'memory', false);
    expect(keysOf(view)).toEqual(['d', 'b', 'e', 'a', 'c']);
    expect(view.measured).toBe(3);
  });

  it('sorts by TTL, soonest first and no TTL last among the measured', () => {
    const { names, measured } = setup();
    expect(keysOf(scanAllView(names.names, measured, 'ttl', false))).toEqual(['d', 'e', 'b', 'a', 'c']);
  });

  it('keeps only measured keys without a TTL when asked', () => {
    const { names, measured } = setup();
    const view = scanAllView(names.names, measured, 'scan', true);
    expect(keysOf(view)).toEqual(['b']);
    expect(view.measured).toBe(3);
  });

  it('leaves out keys found gone, and keeps scan order around them', () => {
    const { names, measured } = setup();
    measured.merge({ keys: [], missing: [name('c').keyB64] });
    expect(keysOf(scanAllView(names.names, measured, 'scan', false))).toEqual(['a', 'b', 'd', 'e']);
    expect(keysOf(scanAllView(names.names, measured, 'memory', false))).toEqual(['d', 'b', 'e', 'a']);
    expect(measured.gone).toBe(1);
    measured.merge({ keys: [row('c', -1, 1)], missing: [] });
    expect(measured.gone).toBe(0);
  });

  it('handles a million names in scan order without copying them', () => {
    const names = new StreamedNames();
    names.add(Array.from({ length: 1_000_000 }, (_, i) => ({ key: `k:${i}`, keyB64: String(i) })));
    const measured = new MeasuredKeys();
    const started = performance.now();
    const view = scanAllView(names.names, measured, 'scan', false);
    expect(view.count).toBe(1_000_000);
    expect(view.at(999_999).key).toBe('k:999999');
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('keysToMeasure', () => {
  it('asks for the visible rows not measured yet, at most 200 and within a byte budget', () => {
    const { names, measured } = setup();
    const view = scanAllView(names.names, measured, 'scan', false);
    expect(keysToMeasure(view, 0, 5, measured, 60_000)).toEqual([name('a').keyB64, name('c').keyB64]);
    expect(keysToMeasure(view, 1, 2, measured, 60_000)).toEqual([]);
    const many = new StreamedNames();
    many.add(Array.from({ length: 500 }, (_, i) => name(`key:${i}`)));
    const manyView = scanAllView(many.names, new MeasuredKeys(), 'scan', false);
    expect(keysToMeasure(manyView, 0, 500, new MeasuredKeys(), 60_000)).toHaveLength(200);
    // 11 bytes each in the body ("a2V5OjA=" and its quotes and comma): 4 fit in 50.
    expect(keysToMeasure(manyView, 0, 500, new MeasuredKeys(), 50)).toHaveLength(4);
  });
});
