import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { isLoadingError, loadingError, loadingProgress, redisErrorToApiError, RedisNotReadyError } from './errors';

// Replies captured from redis-server 7.0.15 (Debian 12) by running each command against it.
const REDIS_7_0 = {
  readonly: "READONLY You can't write against a read only replica.",
  nopermInMulti: "NOPERM this user has no permissions to run the 'slowlog|reset' command",
  execAbort: 'EXECABORT Transaction discarded because of previous errors.',
  renamedInfo: "ERR unknown command 'info', with args beginning with: 'everything' ",
  renamedInMulti: "ERR unknown command 'INFO', with args beginning with: 'persistence' ",
  loading: 'LOADING Redis is loading the dataset in memory',
  wrongType: 'WRONGTYPE Operation against a key holding the wrong kind of value',
  oom: "OOM command not allowed when used memory > 'maxmemory'.",
  // INFO persistence during DEBUG RELOAD (key-load-delay 500, 10,000 keys), trimmed.
  loadingPersistence: [
    '# Persistence', 'loading:1', 'async_loading:0', 'rdb_last_load_keys_expired:0', 'rdb_last_load_keys_loaded:1819',
    'loading_start_time:1795649374', 'loading_total_bytes:297875', 'loading_rdb_used_mem:2750624',
    'loading_loaded_bytes:54260', 'loading_loaded_perc:18.22', 'loading_eta_seconds:4', 'rdb_changes_since_last_save:0', '',
  ].join('\r\n'),
  idlePersistence: ['# Persistence', 'loading:0', 'async_loading:0', 'rdb_changes_since_last_save:0', ''].join('\r\n'),
};

/** What ioredis rejects EXEC with: the EXECABORT reply, the queued commands' refusals attached. */
function execAbortWith(...previous: string[]): Error {
  return Object.assign(new Error(REDIS_7_0.execAbort), { previousErrors: previous.map((message) => new Error(message)) });
}

describe('redisErrorToApiError', () => {
  it.each([
    ['connect ECONNREFUSED 127.0.0.1:6390', 'REDIS_UNAVAILABLE', 503],
    ["Stream isn't writeable and enableOfflineQueue options is false", 'REDIS_UNAVAILABLE', 503],
    ['Connection is closed.', 'REDIS_UNAVAILABLE', 503],
    ['Command timed out', 'REDIS_TIMEOUT', 504],
    ['BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.', 'REDIS_TIMEOUT', 504],
    ["NOPERM User redlens has no permissions to run the 'slowlog|reset' command", 'REDIS_COMMAND_DENIED', 502],
    ["ERR unknown command 'CONFIG', with args beginning with: 'GET' 'maxmemory'", 'REDIS_COMMAND_DENIED', 502],
    // Redis 6.2 quotes the command with backticks.
    ['ERR unknown command `INFO`, with args beginning with: `everything`, ', 'REDIS_COMMAND_DENIED', 502],
    ['WRONGPASS invalid username-password pair or user is disabled.', 'REDIS_UNAVAILABLE', 503],
    ['NOAUTH Authentication required.', 'REDIS_UNAVAILABLE', 503],
    ['LOADING Redis is loading the dataset in memory', 'REDIS_UNAVAILABLE', 503],
    [REDIS_7_0.readonly, 'REDIS_READONLY', 409],
    [REDIS_7_0.nopermInMulti, 'REDIS_COMMAND_DENIED', 502],
    [REDIS_7_0.renamedInfo, 'REDIS_COMMAND_DENIED', 502],
    [REDIS_7_0.execAbort, 'REDIS_COMMAND_DENIED', 502],
    [REDIS_7_0.wrongType, 'CONFLICT', 409],
    [REDIS_7_0.oom, 'CONFLICT', 409],
  ] as const)('maps "%s" to %s', (message, code, status) => {
    const mapped = redisErrorToApiError(new Error(message));
    expect(mapped?.code).toBe(code);
    expect(mapped?.status).toBe(status);
  });

  it('says a write went to a read-only replica', () => {
    expect(redisErrorToApiError(new Error(REDIS_7_0.readonly))?.message).toMatch(/read-only replica: writes go to its primary/);
  });

  it('names the inner refusal of an aborted MULTI (ACL NOPERM)', () => {
    const mapped = redisErrorToApiError(execAbortWith(REDIS_7_0.nopermInMulti));
    expect(mapped?.code).toBe('REDIS_COMMAND_DENIED');
    expect(mapped?.status).toBe(502);
    expect(mapped?.message).toContain("no permissions to run the 'slowlog|reset' command");
    expect(mapped?.message).toMatch(/MULTI\/EXEC/);
  });

  it('names a renamed command inside an aborted MULTI', () => {
    const mapped = redisErrorToApiError(execAbortWith(REDIS_7_0.renamedInMulti));
    expect(mapped?.code).toBe('REDIS_COMMAND_DENIED');
    expect(mapped?.message).toMatch(/INFO command: it is renamed or disabled/);
  });

  it('keeps a replica refusal inside an aborted MULTI a 409', () => {
    expect(redisErrorToApiError(execAbortWith(REDIS_7_0.readonly))?.code).toBe('REDIS_READONLY');
  });

  it('says which command is renamed or disabled, in capitals', () => {
    expect(redisErrorToApiError(new Error(REDIS_7_0.renamedInfo))?.message).toBe(
      'Redis does not offer the INFO command: it is renamed or disabled (rename-command in redis.conf), or this Redis version lacks it.',
    );
  });

  it('says how far a load got, from INFO persistence', () => {
    expect(isLoadingError(new Error(REDIS_7_0.loading))).toBe(true);
    expect(isLoadingError(new Error(REDIS_7_0.readonly))).toBe(false);
    const progress = loadingProgress(REDIS_7_0.loadingPersistence);
    expect(progress).toEqual({ percent: 18.22, etaSeconds: 4 });
    const error = loadingError(progress);
    expect(error.code).toBe('REDIS_UNAVAILABLE');
    expect(error.message).toBe('Redis is loading its dataset: 18 %, about 4 s left. It answers again when loading ends.');
    expect(loadingProgress(REDIS_7_0.idlePersistence)).toBeUndefined();
    expect(loadingError(undefined).message).toMatch(/loading its dataset/);
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
