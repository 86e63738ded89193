import { describe, expect, it } from 'vitest';
import { SeenNames } from './bulk-delete-walk';

const names = (...texts: Array<string | number[]>) => texts.map((text) => (typeof text === 'string' ? Buffer.from(text) : Buffer.from(text)));
const text = (buffers: Buffer[]) => buffers.map((buffer) => buffer.toString('latin1'));

describe('SeenNames', () => {
  it('passes each name once, within a batch and across batches', () => {
    const seen = new SeenNames(100);
    expect(text(seen.fresh(names('a', 'b', 'a')))).toEqual(['a', 'b']);
    expect(text(seen.fresh(names('b', 'c')))).toEqual(['c']);
    expect(seen.complete).toBe(true);
  });

  it('keeps binary names apart, byte by byte', () => {
    const seen = new SeenNames(100);
    // Both decode to U+FFFD as UTF-8: only the bytes tell them apart.
    expect(seen.fresh(names([0x74, 0xff], [0x74, 0xfe], [0x74, 0xff]))).toHaveLength(2);
  });

  it('remembers at most its capacity, and says so when more came', () => {
    const seen = new SeenNames(2);
    expect(text(seen.fresh(names('a', 'b', 'c')))).toEqual(['a', 'b', 'c']);
    expect(seen.complete).toBe(false);
    // The remembered ones are still told apart; the one past the cap is not.
    expect(text(seen.fresh(names('a', 'b', 'c')))).toEqual(['c']);
  });
});
