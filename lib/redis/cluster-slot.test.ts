import { describe, expect, it } from 'vitest';
import { keySlot } from './cluster-slot';

describe('keySlot', () => {
  // Each pair as CLUSTER KEYSLOT answered on redis-server 7.0.15.
  it.each([
    ['foo', 12182],
    ['bar', 5061],
    ['{user1000}.following', 3443],
    ['{user1000}.followers', 3443],
    ['a{}b', 13694],
    ['{}', 15257],
    ['{a', 10276],
    ['x{b}y{c}', 3300],
    ['123456789', 12739],
    ['user:42', 15880],
  ])('%s is in slot %i, as Redis says', (key, slot) => {
    expect(keySlot(Buffer.from(key))).toBe(slot);
  });

  it('hashes binary keys byte for byte', () => {
    // `redis-cli -x CLUSTER KEYSLOT` with the bytes ff 00 3a 80 on its stdin.
    expect(keySlot(Buffer.from([0xff, 0x00, 0x3a, 0x80]))).toBe(12405);
  });
});
