import { describe, expect, it } from 'vitest';
import { TopN } from './top-n';

describe('TopN', () => {
  it('keeps the highest scores, ties in the order they came', () => {
    const top = new TopN<string>(3);
    for (const [score, item] of [[5, 'a'], [1, 'b'], [9, 'c'], [7, 'd'], [7, 'e'], [3, 'f']] as const) top.offer(score, () => item);
    expect(top.sorted()).toEqual(['c', 'd', 'e']);
  });

  it('keeps the earlier of equal scores when full, and builds only what it keeps', () => {
    const top = new TopN<string>(2);
    const built: string[] = [];
    for (const item of ['a', 'b', 'c']) top.offer(5, () => (built.push(item), item));
    expect(top.sorted()).toEqual(['a', 'b']);
    expect(built).toEqual(['a', 'b']);
    expect(top.wouldKeep(5)).toBe(false);
    expect(top.wouldKeep(6)).toBe(true);
  });

  it('keeps nothing with capacity 0', () => {
    const top = new TopN<number>(0);
    top.offer(1, () => 1);
    expect(top.sorted()).toEqual([]);
  });

  it('agrees with sorting everything', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 1000);
    const scores = Array.from({ length: 10_000 }, random);
    const top = new TopN<number>(100);
    scores.forEach((score, index) => top.offer(score, () => index));
    const expected = scores
      .map((score, index) => ({ score, index }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, 100)
      .map((entry) => entry.index);
    expect(top.size).toBe(100);
    expect(top.sorted()).toEqual(expected);
  });
});
