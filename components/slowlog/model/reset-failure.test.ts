import { describe, expect, it } from 'vitest';
import { describeResetFailure } from './reset-failure';

describe('reset failures', () => {
  it("says from the server's typed redisReset which side failed, and when nobody knows", () => {
    const failed = 'The archive write failed after the reset.';
    expect(describeResetFailure('INTERNAL', failed, true).detail).toMatch(/WAS emptied/);
    expect(describeResetFailure('INTERNAL', failed, false).detail).toMatch(/Nothing was reset/);
    // Words alone decide nothing: a message mentioning "reset" without the field is unknown.
    expect(describeResetFailure('INTERNAL', 'the slow log was NOT reset').detail).toMatch(/cannot tell whether Redis was reset/);
    expect(describeResetFailure('INTERNAL', 'Redlens failed to answer this request').detail).toMatch(/cannot tell whether Redis was reset/);
  });

  it('says a timeout leaves the outcome unknown', () => {
    expect(describeResetFailure('REDIS_TIMEOUT', '').detail).toMatch(/cannot tell/);
  });

  it('keeps Redis words for a refused command', () => {
    expect(describeResetFailure('REDIS_COMMAND_DENIED', 'NOPERM this user has no permissions').detail).toMatch(
      /^NOPERM this user has no permissions\. Nothing was reset/,
    );
  });
});
