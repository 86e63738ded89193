import { describe, expect, it } from 'vitest';
import { LoginThrottle, MAX_FAILURES_PER_USERNAME } from './throttle';

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

  it('caps failures per username across addresses', () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++) throttle.recordFailure('admin', `10.0.${i}.1`);
    expect(throttle.retryAfterSeconds('admin', '192.0.2.1')).toBe(60);
  });
});
