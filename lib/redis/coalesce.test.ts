import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalesce';

describe('Coalescer', () => {
  it('shares one in-flight call among concurrent callers', async () => {
    const coalescer = new Coalescer(1000);
    let calls = 0;
    const load = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return calls;
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => coalescer.run('info:a', load)));
    expect(calls).toBe(1);
    expect(new Set(results)).toEqual(new Set([1]));
  });

  it('keeps a result for the ttl, then loads again', async () => {
    let clock = 0;
    const coalescer = new Coalescer(1000, () => clock);
    let calls = 0;
    const load = async () => ++calls;
    expect(await coalescer.run('k', load)).toBe(1);
    clock = 999;
    expect(await coalescer.run('k', load)).toBe(1);
    clock = 1000;
    expect(await coalescer.run('k', load)).toBe(2);
  });

  it('does not keep failures after they settle', async () => {
    const coalescer = new Coalescer(1000);
    await expect(coalescer.run('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await coalescer.run('k', async () => 'up')).toBe('up');
  });

  it('keeps keys apart', async () => {
    const coalescer = new Coalescer(1000);
    expect(await coalescer.run('a', async () => 'a')).toBe('a');
    expect(await coalescer.run('b', async () => 'b')).toBe('b');
  });
});
