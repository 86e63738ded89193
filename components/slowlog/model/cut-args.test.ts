import { describe, expect, it } from 'vitest';
import { cutArg, cutArgs } from './cut-args';

describe('argument cutting', () => {
  it('keeps short arguments and cuts long ones with an ellipsis', () => {
    expect(cutArg('short', 10)).toBe('short');
    expect(cutArg('abcdefghijkl', 5)).toBe('abcde…');
  });

  it('never splits an escape or a surrogate pair', () => {
    expect(cutArg('ab\\x41\\x42', 4)).toBe('ab…');
    expect(cutArg('ab\\x41\\x42', 5)).toBe('ab…');
    expect(cutArg('ab\\x41\\x42', 6)).toBe('ab\\x41…');
    expect(cutArg('ab\\\\cd', 4)).toBe('ab\\\\…');
    expect(cutArg('ab\\\\cd', 3)).toBe('ab…');
    expect(cutArg('😀😀😀', 2)).toBe('😀😀…');
  });

  it('shows the first arguments and counts the rest', () => {
    const args = ['DEL', 'a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(cutArgs(args, 3)).toEqual({ shown: ['DEL', 'a', 'b'], hidden: 5, cut: true });
    expect(cutArgs(['GET', 'k'])).toEqual({ shown: ['GET', 'k'], hidden: 0, cut: false });
    expect(cutArgs(['SET', 'k', 'x'.repeat(100)], 6, 10).cut).toBe(true);
  });
});
