import { describe, expect, it } from 'vitest';
import { SeenNames, unlinkCommands } from './bulk-delete-walk';
import { keySlot } from './cluster-slot';

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

describe('unlinkCommands', () => {
  const many = Array.from({ length: 7 }, (_, i) => Buffer.from(`{tag}:${i}`));
  const spread = names('user:1', 'user:2', 'user:3', 'cart:9', '{tag}:x');

  it('sends at most perCall keys a call, in order', () => {
    expect(unlinkCommands(many, 3).map((command) => command.length - 1)).toEqual([3, 3, 1]);
  });

  it('on a cluster node keeps each call to one hash slot (UNLINK across slots is CROSSSLOT)', () => {
    const commands = unlinkCommands([...spread, ...many], 3, true);
    for (const [, ...keys] of commands) {
      expect(keys.length).toBeLessThanOrEqual(3);
      expect(new Set(keys.map((key) => keySlot(key as Buffer))).size).toBe(1);
    }
    const sent = commands.flatMap(([, ...keys]) => keys.map((key) => (key as Buffer).toString()));
    expect(sent.sort()).toEqual([...spread, ...many].map((key) => key.toString()).sort());
    // The eight names of one hash tag share a slot: 3 + 3 + 2 calls, beside one call per other slot.
    expect(commands.filter(([, first]) => (first as Buffer).toString().startsWith('{tag}')).map((command) => command.length - 1)).toEqual([3, 3, 2]);
  });
});
