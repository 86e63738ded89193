// Maps what ioredis and Redis throw to the API's error codes, in words an operator can act on.
import { ApiError } from '@/lib/http/errors';

/** Raised by the registry when a client is not ready within the time we allow. */
export class RedisNotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisNotReadyError';
  }
}

const UNAVAILABLE_NETWORK = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EPIPE|Connection is closed|Stream isn't writeable|connect ETIMEDOUT|Reached the max retries|MaxRetriesPerRequest/i;

function firstWord(message: string): string {
  return message.split(/\s/, 1)[0] ?? '';
}

/** Returns the ApiError for a Redis-side failure, or null when the error is not Redis's. */
export function redisErrorToApiError(error: unknown): ApiError | null {
  if (ApiError.is(error)) return error;
  if (!(error instanceof Error)) return null;
  const message = error.message;

  if (error.name === 'RedisNotReadyError') return new ApiError('REDIS_UNAVAILABLE', message);
  if (/Command timed out/i.test(message)) {
    return new ApiError('REDIS_TIMEOUT', 'Redis did not answer within the command timeout (it may be blocked by a slow command).');
  }
  switch (firstWord(message)) {
    case 'NOPERM':
      return new ApiError('REDIS_COMMAND_DENIED', `The Redis ACL user may not run this command: ${message}`);
    case 'WRONGPASS':
    case 'NOAUTH':
      return new ApiError('REDIS_UNAVAILABLE', `Redis refused the credentials: ${message}`);
    case 'LOADING':
      return new ApiError('REDIS_UNAVAILABLE', 'Redis is loading its dataset into memory; it answers again when loading ends.');
    case 'BUSY':
      return new ApiError('REDIS_TIMEOUT', 'Redis is busy running a script.');
    case 'MASTERDOWN':
      return new ApiError('REDIS_UNAVAILABLE', `The replica has lost its primary: ${message}`);
  }
  // A command renamed or disabled in redis.conf answers "unknown command".
  if (/^ERR unknown command/i.test(message)) {
    return new ApiError('REDIS_COMMAND_DENIED', `Redis does not offer this command (renamed or disabled?): ${message}`);
  }
  if (UNAVAILABLE_NETWORK.test(message)) {
    return new ApiError('REDIS_UNAVAILABLE', `Redis is unreachable: ${message}`);
  }
  return null;
}
