import { describe, expect, it } from 'vitest';
import { RecentNames } from './recent-names';

const name = (text: string) => new TextEncoder().encode(text);

describe('RecentNames', () => {
  it('drops a repeat within the window and keeps every distinct name', () => {
    const recent = new RecentNames(1000);
    const kept = ['a', 'b', 'a', 'c', 'b', 'a'].filter((text) => recent.add(name(text)));
    expect(kept).toEqual(['a', 'b', 'c']);
  });

  it('tells apart names one byte apart, and names whose hashes meet', () => {
    const recent = new RecentNames(100);
    expect(recent.add(Uint8Array.of(0x74, 0xff))).toBe(true);
    expect(recent.add(Uint8Array.of(0x74, 0xfe))).toBe(true);
    expect(recent.add(Uint8Array.of(0x74, 0xff))).toBe(false);
    expect(recent.add(new Uint8Array(0))).toBe(true);
    expect(recent.add(new Uint8Array(0))).toBe(false);
    // A window of 2 slots' table: every name shares a probe run with the others.
    const tiny = new RecentNames(2);
    expect(tiny.add(name('x'))).toBe(true);
    expect(tiny.add(name('x'))).toBe(false);
  });

  it('keeps 100,000 distinct names apart in a window that size', () => {
    const recent = new RecentNames(100_000);
    let kept = 0;
    for (let i = 0; i < 100_000; i += 1) if (recent.add(name(`key:${i}`))) kept += 1;
    expect(kept).toBe(100_000);
    // Everything from the last half window is still known.
    for (let i = 50_000; i < 100_000; i += 1) expect(recent.add(name(`key:${i}`))).toBe(false);
  });

  it('forgets names older than the window: memory stays bounded', () => {
    const recent = new RecentNames(10);
    for (let i = 0; i < 100; i += 1) recent.add(name(`key:${i}`));
    expect(recent.add(name('key:0'))).toBe(true);
    expect(recent.add(name('key:99'))).toBe(false);
  });
});
