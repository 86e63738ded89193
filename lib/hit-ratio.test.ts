import { describe, expect, it } from 'vitest';
import { hitRatio } from './hit-ratio';

describe('hitRatio', () => {
  it('is null before the first lookup', () => expect(hitRatio(0, 0)).toBeNull());
  it('is hits over lookups', () => expect(hitRatio(80, 20)).toBe(0.8));

  it('is null below the lookups it needs to say anything', () => {
    expect(hitRatio(50, 49, 100)).toBeNull();
    expect(hitRatio(50, 50, 100)).toBe(0.5);
    expect(hitRatio(0, 0, 0)).toBeNull();
  });
});
