import { describe, expect, it } from 'vitest';
import type { KeyRow } from '@/lib/keys/types';
import { keysToMeasure, MeasuredKeys, scanAllView, StreamedNames } from './scan-all';

const name = (key: string) => ({ key, keyB64: Buffer.from(key).toString('base64') });
const row = (key: string, ttlMs: number, memoryBytes?: number): KeyRow => ({ ...name(key), type: 'string', ttlMs, ...(memoryBytes !== undefined && { memoryBytes }) });
const keysOf = (view: ReturnType<typeof scanAllView>) => Array.from({ length: view.count }, (_, i) => view.at(i).key);
const indexes = (names: StreamedNames) => new Map(Array.from({ length: names.size }, (_, i) => [names.at(i).keyB64, i]));

function setup() {
  const names = new StreamedNames();
  names.add(['a', 'b', 'c', 'd', 'e'].map(name));
  const measured = new MeasuredKeys();
  measured.merge({ keys: [row('b', -1, 100), row('d', 5_000, 900), row('e', 60_000, 50)], missing: [] }, indexes(names));
  return { names, measured };
}

describe('StreamedNames', () => {
  it('indexes the name lines of NDJSON text and parses a line when it is asked for', () => {
    const names = new StreamedNames();
    expect(names.addText('{"key":"a","keyB64":"YQ=="}\n{"key":"b\\\\x00","keyB64":"YgA="}\n')).toBe(2);
    // Only name lines: the last line of a stream is not one.
    expect(names.addText('{"key":"c","keyB64":"Yw=="}\n{"done":true,"scanned":3,"keys":3}\n')).toBe(1);
    expect(names.size).toBe(3);
    expect(names.at(1)).toEqual({ key: 'b\\x00', keyB64: 'YgA=' });
    expect(names.at(2)).toEqual({ key: 'c', keyB64: 'Yw==' });
  });

  it('holds a million names as text and grows its index as they come', () => {
    const names = new StreamedNames();
    for (let chunk = 0; chunk < 1_000; chunk += 1) {
      let text = '';
      for (let i = chunk * 1_000; i < (chunk + 1) * 1_000; i += 1) text += `{"key":"k:${i}","keyB64":"${i}"}\n`;
      names.addText(text);
    }
    expect(names.size).toBe(1_000_000);
    expect(names.at(0).key).toBe('k:0');
    expect(names.at(999_999)).toEqual({ key: 'k:999999', keyB64: '999999' });
  });
});

describe('scanAllView', () => {
  it('shows every name in scan order, with metadata where measured', () => {
    const { names, measured } = setup();
    const view = scanAllView(names, measured, 'scan', false);
    expect(keysOf(view)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(view.at(0)).toEqual(name('a'));
    expect(view.at(3)).toMatchObject({ type: 'string', ttlMs: 5_000, memoryBytes: 900 });
    expect(view.measured).toBeNull();
  });

  it('sorts the measured keys by memory, largest first, then the rest in scan order', () => {
    const { names, measured } = setup();
    const view = scanAllView(names, measured, 'memory', false);
    expect(keysOf(view)).toEqual(['d', 'b', 'e', 'a', 'c']);
    expect(view.measured).toBe(3);
    expect(view.nameIndex(0)).toBe(3);
  });

  it('sorts by TTL, soonest first and no TTL last among the measured', () => {
    const { names, measured } = setup();
    expect(keysOf(scanAllView(names, measured, 'ttl', false))).toEqual(['d', 'e', 'b', 'a', 'c']);
  });

  it('keeps only measured keys without a TTL when asked, in either order', () => {
    const { names, measured } = setup();
    const view = scanAllView(names, measured, 'scan', true);
    expect(keysOf(view)).toEqual(['b']);
    expect(view.measured).toBe(3);
    expect(keysOf(scanAllView(names, measured, 'memory', true))).toEqual(['b']);
  });

  it('leaves out keys found gone, and keeps scan order around them', () => {
    const { names, measured } = setup();
    measured.merge({ keys: [], missing: [name('c').keyB64] }, indexes(names));
    expect(keysOf(scanAllView(names, measured, 'scan', false))).toEqual(['a', 'b', 'd', 'e']);
    expect(keysOf(scanAllView(names, measured, 'memory', false))).toEqual(['d', 'b', 'e', 'a']);
    expect(measured.gone).toBe(1);
    measured.merge({ keys: [row('c', -1, 1)], missing: [] }, indexes(names));
    expect(measured.gone).toBe(0);
  });

  it('handles a million names without parsing them, sorted or not', () => {
    const names = new StreamedNames();
    let text = '';
    for (let i = 0; i < 1_000_000; i += 1) text += `{"key":"k:${i}","keyB64":"${i}"}\n`;
    names.addText(text);
    const measured = new MeasuredKeys();
    measured.merge({ keys: [{ key: 'k:500000', keyB64: '500000', type: 'hash', ttlMs: -1, memoryBytes: 10 }], missing: [] }, new Map([['500000', 500_000]]));
    const started = performance.now();
    const plain = scanAllView(names, measured, 'scan', false);
    const sorted = scanAllView(names, measured, 'memory', false);
    expect(performance.now() - started).toBeLessThan(200);
    expect(plain.count).toBe(1_000_000);
    expect(plain.at(999_999).key).toBe('k:999999');
    expect(sorted.at(0)).toMatchObject({ key: 'k:500000', memoryBytes: 10 });
    expect(sorted.at(1).key).toBe('k:0');
  });
});

describe('keysToMeasure', () => {
  it('asks for the visible rows not measured yet, at most 200 and within a byte budget', () => {
    const { names, measured } = setup();
    const view = scanAllView(names, measured, 'scan', false);
    expect([...keysToMeasure(view, 0, 5, measured, 60_000)]).toEqual([[name('a').keyB64, 0], [name('c').keyB64, 2]]);
    expect(keysToMeasure(view, 1, 2, measured, 60_000).size).toBe(0);
    const many = new StreamedNames();
    many.add(Array.from({ length: 500 }, (_, i) => name(`key:${i}`)));
    const manyView = scanAllView(many, new MeasuredKeys(), 'scan', false);
    expect(keysToMeasure(manyView, 0, 500, new MeasuredKeys(), 60_000).size).toBe(200);
    // 11 bytes each in the body ("a2V5OjA=" and its quotes and comma): 4 fit in 50.
    expect(keysToMeasure(manyView, 0, 500, new MeasuredKeys(), 50).size).toBe(4);
  });
});
