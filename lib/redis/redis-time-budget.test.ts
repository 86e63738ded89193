import { describe, expect, it } from 'vitest';
import { RedisTimeBudget } from './redis-time-budget';

function budgetAt(clock: { now: number }) {
  return new RedisTimeBudget({ dutyCycle: 0.2, burstMs: 10, targetCallMs: 2, maxCount: 1000, now: () => clock.now });
}

describe('RedisTimeBudget', () => {
  it('lets a burst through, then makes callers wait so Redis time stays at the duty cycle', () => {
    const clock = { now: 0 };
    const budget = budgetAt(clock);
    expect(budget.waitMs()).toBe(0);
    budget.charge(14); // 10 of credit, 4 in debt
    expect(budget.waitMs()).toBeCloseTo(20); // 4 ms of debt at 0.2 ms per ms
    clock.now = 20;
    expect(budget.waitMs()).toBe(0);
    clock.now = 10_000;
    budget.charge(0);
    expect(budget.waitMs()).toBe(0); // credit never grows past the burst
    budget.charge(11);
    expect(budget.waitMs()).toBeCloseTo(5);
  });

  it('refuses to wait past a deadline', async () => {
    const clock = { now: 0 };
    const budget = budgetAt(clock);
    budget.charge(60); // 50 in debt: 250 ms to wait
    expect(await budget.pace(100)).toBe(false);
  });

  it('shrinks COUNT so one call takes about the target, and grows it back while calls are cheap', () => {
    const budget = budgetAt({ now: 0 });
    expect(budget.count(1000)).toBe(1000);
    budget.record(1000, 20);
    expect(budget.count(1000)).toBe(100);
    expect(budget.count(30)).toBe(30);
    budget.record(100, 0.5);
    expect(budget.count(1000)).toBe(200);
    budget.record(30, 0.1); // not limited by the cap: no growth
    expect(budget.count(1000)).toBe(200);
    budget.record(200, 500);
    expect(budget.count(1000)).toBe(1);
  });
});
