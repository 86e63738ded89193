import { describe, expect, it, vi } from 'vitest';
import { ConcurrencyGate, isRefusal, type Release } from './scan-gate';

describe('ConcurrencyGate', () => {
  it('gives two slots at once and hands a released slot to the next in line', async () => {
    const gate = new ConcurrencyGate(2, 1000, 8);
    const first = await gate.acquire();
    const second = await gate.acquire();
    expect(isRefusal(first) || isRefusal(second)).toBe(false);
    let third: Release | null = null;
    const waiting = gate.acquire().then((slot) => {
      if (!isRefusal(slot)) third = slot;
    });
    expect(gate.load).toEqual({ active: 2, waiting: 1 });
    (first as Release)();
    (first as Release)(); // twice: no effect
    await waiting;
    expect(third).not.toBeNull();
    expect(gate.load).toEqual({ active: 2, waiting: 0 });
    (second as Release)();
    third!();
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses after the wait, and at once when the line is full', async () => {
    vi.useFakeTimers();
    try {
      const gate = new ConcurrencyGate(1, 1000, 1);
      await gate.acquire();
      const inLine = gate.acquire();
      expect(await gate.acquire()).toEqual({ retryAfterMs: 1000 });
      vi.advanceTimersByTime(1000);
      expect(await inLine).toEqual({ retryAfterMs: 1000 });
      expect(gate.load).toEqual({ active: 1, waiting: 0 });
    } finally {
      vi.useRealTimers();
    }
  });
});
