// Maps what ioredis and Redis throw to the API's error codes, in words an operator can act on.
import { ApiError } from '@/lib/api/errors';
import type { InfoSection } from '@/lib/api/types';
import { parseInfo } from './parse/parse-info';

/** Raised by the registry when a client is not ready within the time we allow. */
export class RedisNotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisNotReadyError';
  }
}

const UNAVAILABLE_NETWORK = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EPIPE|Connection is closed|Stream isn't writeable|connect ETIMEDOUT|Reached the max retries|MaxRetriesPerRequest/i;

// Redis answers a renamed or disabled command (rename-command X "") as if it did not exist.
// Redis 7 quotes the name 'INFO', Redis 6 `INFO`.
const UNKNOWN_COMMAND = /^ERR unknown command [`']([^`']*)[`']/i;

function firstWord(message: string): string {
  return message.split(/\s/, 1)[0] ?? '';
}

/** True for Redis's "-LOADING" reply: the caller may ask INFO persistence how far it got. */
export function isLoadingError(error: unknown): boolean {
  return error instanceof Error && firstWord(error.message) === 'LOADING';
}

/**
 * The answer while Redis loads its dataset, with how far it got when INFO persistence could be
 * read (INFO is one of the few commands Redis serves while loading).
 */
export function loadingError(progress?: { percent: number; etaSeconds?: number }): ApiError {
  if (!progress) {
    return new ApiError('REDIS_UNAVAILABLE', 'Redis is loading its dataset into memory; it answers again when loading ends.');
  }
  const percent = `${Math.floor(progress.percent)} %`;
  const eta = progress.etaSeconds !== undefined && progress.etaSeconds > 0 ? `, about ${progress.etaSeconds} s left` : '';
  return new ApiError('REDIS_UNAVAILABLE', `Redis is loading its dataset: ${percent}${eta}. It answers again when loading ends.`);
}

/** Reads `loading_loaded_perc` and `loading_eta_seconds` from an INFO persistence reply. */
export function loadingProgress(infoPersistence: string): { percent: number; etaSeconds?: number } | undefined {
  let persistence: InfoSection | undefined;
  try {
    persistence = parseInfo(infoPersistence).persistence;
  } catch {
    return undefined; // not INFO: the answer goes without the figure
  }
  const percent = persistence?.loading_loaded_perc;
  if (typeof percent !== 'number' || !Number.isFinite(percent)) return undefined;
  const etaSeconds = persistence?.loading_eta_seconds;
  return { percent, ...(typeof etaSeconds === 'number' && { etaSeconds }) };
}

/**
 * EXEC of a MULTI in which Redis refused a queued command (ACL NOPERM, a renamed command, a
 * write on a replica) fails with EXECABORT; ioredis keeps the refusals in `previousErrors`.
 * The inner refusal is what an operator can act on, so the answer names it.
 */
function execAbortToApiError(error: Error): ApiError {
  const previous = (error as Error & { previousErrors?: unknown }).previousErrors;
  const inner = Array.isArray(previous) ? previous.find((item): item is Error => item instanceof Error) : undefined;
  if (!inner) {
    return new ApiError('REDIS_COMMAND_DENIED', `Redis discarded the transaction (MULTI/EXEC) because it refused one of its commands: ${error.message}`);
  }
  const mapped = redisErrorToApiError(inner);
  if (mapped?.code === 'REDIS_READONLY') return mapped;
  return new ApiError(
    'REDIS_COMMAND_DENIED',
    `Redis discarded the transaction (MULTI/EXEC) because it refused a command in it: ${mapped?.message ?? inner.message}`,
  );
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
    case 'EXECABORT':
      return execAbortToApiError(error);
    case 'READONLY':
      return new ApiError('REDIS_READONLY', 'This instance is a read-only replica: writes go to its primary. Nothing was changed.');
    case 'WRONGPASS':
    case 'NOAUTH':
      return new ApiError('REDIS_UNAVAILABLE', `Redis refused the credentials: ${message}`);
    case 'LOADING':
      return loadingError();
    case 'BUSY':
      return new ApiError('REDIS_TIMEOUT', 'Redis is busy running a script.');
    case 'MASTERDOWN':
      return new ApiError('REDIS_UNAVAILABLE', `The replica has lost its primary: ${message}`);
    case 'WRONGTYPE':
      // Between two calls of one request the key was replaced by one of another type.
      return new ApiError('CONFLICT', 'The key changed type while Redlens was working on it; reload it and try again.');
    case 'OOM':
      return new ApiError('CONFLICT', 'Redis refused the write: it is at its maxmemory limit and its policy evicts nothing. Nothing was changed.');
    case 'MISCONF':
      return new ApiError('CONFLICT', `Redis refuses writes because it cannot save to disk: ${message}`);
  }
  const unknown = UNKNOWN_COMMAND.exec(message);
  if (unknown) {
    const command = unknown[1]!.toUpperCase();
    return new ApiError(
      'REDIS_COMMAND_DENIED',
      `Redis does not offer the ${command} command: it is renamed or disabled (rename-command in redis.conf), or this Redis version lacks it.`,
    );
  }
  if (UNAVAILABLE_NETWORK.test(message)) {
    return new ApiError('REDIS_UNAVAILABLE', `Redis is unreachable: ${message}`);
  }
  return null;
}
