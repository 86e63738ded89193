import { describe, expect, it } from 'vitest';
import { sentinelErrorToApiError } from './sentinel-errors';

const context = { masterName: 'mymaster', sentinels: ['127.0.0.1:26379', '127.0.0.1:26380'], lastSentinelError: undefined };

describe('sentinelErrorToApiError', () => {
  // The messages ioredis 6's SentinelConnector emits.
  it('says no sentinel answered, with the last reason', () => {
    const error = new Error('All sentinels are unreachable. Retrying from scratch after 200ms. Last error: connect ECONNREFUSED 127.0.0.1:26380');
    expect(sentinelErrorToApiError(error, context)).toMatchObject({
      code: 'REDIS_UNAVAILABLE',
      message: 'No sentinel of "mymaster" answered (127.0.0.1:26379, 127.0.0.1:26380): connect ECONNREFUSED 127.0.0.1:26380',
    });
  });

  it('says the sentinels know no such master when they answered nil', () => {
    const error = new Error('All sentinels are unreachable. Retrying from scratch after 200ms.');
    const lastSentinelError = 'connected to sentinel 127.0.0.1:26380 successfully, but got an invalid reply: null';
    expect(sentinelErrorToApiError(error, { ...context, lastSentinelError })?.message).toBe(
      'The sentinels (127.0.0.1:26379, 127.0.0.1:26380) name no master "mymaster": check masterName against "sentinel monitor" in their configuration.',
    );
  });

  it('reads Redis\'s "No such master" the same way', () => {
    const error = new Error('All sentinels are unreachable. Retrying from scratch after 100ms. Last error: ERR No such master with that name');
    expect(sentinelErrorToApiError(error, context)?.message).toContain('name no master "mymaster"');
  });

  it('leaves every other error to the usual mapping', () => {
    expect(sentinelErrorToApiError(new Error('connect ECONNREFUSED 127.0.0.1:6379'), context)).toBeNull();
    expect(sentinelErrorToApiError('All sentinels are unreachable', context)).toBeNull();
  });
});
