import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/http/errors';
import { redisErrorToApiError, RedisNotReadyError } from './errors';

describe('redisErrorToApiError', () => {
  it.each([
    ['connect ECONNREFUSED 127.0.0.1:6390', 'REDIS_UNAVAILABLE', 503],
    ["Stream isn't writeable and enableOfflineQueue options is false", 'REDIS_UNAVAILABLE', 503],
    ['Connection is closed.', 'REDIS_UNAVAILABLE', 503],
    ['Command timed out', 'REDIS_TIMEOUT', 504],
    ['BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.', 'REDIS_TIMEOUT', 504],
    ["NOPERM User redlens has no permissions to run the 'slowlog|reset' command", 'REDIS_COMMAND_DENIED', 502],
    ["ERR unknown command 'CONFIG', with args beginning with: 'GET' 'maxmemory'", 'REDIS_COMMAND_DENIED', 502],
    ['WRONGPASS invalid username-password pair or user is disabled.', 'REDIS_UNAVAILABLE', 503],
    ['NOAUTH Authentication required.', 'REDIS_UNAVAILABLE', 503],
    ['LOADING Redis is loading the dataset in memory', 'REDIS_UNAVAILABLE', 503],
  ] as const)('maps "%s" to %s', (message, code, status) => {
    const mapped = redisErrorToApiError(new Error(message));
    expect(mapped?.code).toBe(code);
    expect(mapped?.status).toBe(status);
  });

  it('maps a client that is not ready', () => {
    expect(redisErrorToApiError(new RedisNotReadyError('not ready'))?.code).toBe('REDIS_UNAVAILABLE');
  });

  it('passes ApiErrors through', () => {
    const error = new ApiError('NOT_FOUND', 'gone');
    expect(redisErrorToApiError(error)).toBe(error);
  });

  it('leaves errors that are not Redis failures to the caller', () => {
    expect(redisErrorToApiError(new TypeError('x is undefined'))).toBeNull();
    expect(redisErrorToApiError('a string')).toBeNull();
  });
});

describe('ApiError.is', () => {
  it('recognises an ApiError from another copy of the module (another bundle chunk)', () => {
    const foreign = Object.assign(new Error('down'), { code: 'REDIS_UNAVAILABLE', [Symbol.for('redlens.ApiError')]: true });
    expect(ApiError.is(foreign)).toBe(true);
    expect(ApiError.is(new Error('x'))).toBe(false);
    expect(ApiError.is(null)).toBe(false);
  });
});
