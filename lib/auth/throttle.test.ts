import { describe, expect, it } from 'vitest';
import { LoginThrottle, MAX_FAILURES_PER_ADDRESS, USERNAME_BACKOFF_CAP_MS, USERNAME_FREE_FAILURES } from './throttle';

describe('LoginThrottle', () => {
  it('locks a username and address out after 5 failures for the rest of the minute', () => {
    let clock = 1_000_000;
    const throttle = new LoginThrottle(() => clock);
    for (let i = 0; i < 4; i++) throttle.recordFailure('admin', '10.0.0.1');
    expect(throttle.retryAfterSeconds('admin', '10.0.0.1')).toBe(0);
    clock += 10_000;
    throttle.recordFailure('admin', '10.0.0.1');
    expect(throttle.retryAfterSeconds('admin', '10.0.0.1')).toBe(50);
    // Other pairs are not locked out.
    expect(throttle.retryAfterSeconds('admin', '10.0.0.2')).toBe(0);
    expect(throttle.retryAfterSeconds('viewer', '10.0.0.1')).toBe(0);
    clock += 49_999;
    expect(throttle.retryAfterSeconds('admin', '10.0.0.1')).toBe(1);
    clock += 1;
    expect(throttle.retryAfterSeconds('admin', '10.0.0.1')).toBe(0);
  });

  it('locks an address trying many usernames', () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) throttle.recordFailure(`user${i}`, '10.0.0.1');
    expect(throttle.check('someone-else', '10.0.0.1')).toMatchObject({ allowed: false, reason: 'address' });
    expect(throttle.check('someone-else', '10.0.0.2')).toEqual({ allowed: true });
  });

  it('slows a username guessed from many addresses with a capped exponential backoff, never a lock', () => {
    let clock = 0;
    const throttle = new LoginThrottle(() => clock);
    for (let i = 0; i < USERNAME_FREE_FAILURES; i++) throttle.recordFailure('admin', `10.0.${i}.1`);
    // The 10th failure: the next try from a new address waits 1 s, then 2, 4 ... up to the cap.
    expect(throttle.check('admin', '192.0.2.1')).toEqual({ allowed: false, retryAfterSeconds: 1, reason: 'username' });
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const verdict = throttle.check('admin', '192.0.2.1');
      const wait = verdict.allowed ? 0 : verdict.retryAfterSeconds;
      waits.push(wait);
      clock += wait * 1000;
      expect(throttle.check('admin', '192.0.2.1')).toEqual({ allowed: true });
      throttle.recordFailure('admin', `10.1.${i}.1`);
    }
    expect(waits.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 30]);
    expect(Math.max(...waits)).toBe(USERNAME_BACKOFF_CAP_MS / 1000);
  });

  it('lets the user in from an address they signed in from before, whatever other addresses did', () => {
    let clock = 0;
    const throttle = new LoginThrottle(() => clock);
    throttle.recordSuccess('admin', '192.0.2.1');
    for (let i = 0; i < 500; i++) {
      clock += 100;
      throttle.recordFailure('admin', `10.${i >> 8}.${i & 255}.1`);
    }
    expect(throttle.check('admin', '192.0.2.1')).toEqual({ allowed: true });
    expect(throttle.check('admin', '192.0.2.99')).toMatchObject({ allowed: false, reason: 'username' });
    // ... but the per-address limit still holds at the known address.
    for (let i = 0; i < 5; i++) throttle.recordFailure('admin', '192.0.2.1');
    expect(throttle.check('admin', '192.0.2.1')).toMatchObject({ allowed: false, reason: 'address' });
  });

  it('holds a bounded number of counters under a flood of distinct usernames and addresses', () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < 200_000; i++) throttle.recordFailure(`u${i}`, `a${i}`);
    const sizes = throttle as unknown as { windows: Map<string, unknown>; usernames: Map<string, unknown> };
    expect(sizes.windows.size + sizes.usernames.size).toBeLessThanOrEqual(50_000);
  });
});
