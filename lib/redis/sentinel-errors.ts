// What ioredis's Sentinel connector reports, in words an operator can act on: no sentinel
// answered, or the sentinels answered but monitor no master of that name. Pure.
import { ApiError } from '@/lib/api/errors';

/** ioredis, after asking every sentinel in turn without getting a master's address. */
const ALL_SENTINELS_FAILED = /^All sentinels are unreachable/;
/**
 * A sentinel that monitors no such group: GET-MASTER-ADDR-BY-NAME answered nil (ioredis's
 * sentinelError), or its SENTINEL SENTINELS that follows failed with Redis's own words.
 */
const NO_SUCH_MASTER = /successfully, but got an invalid reply: null|No such master with that name/;

export function sentinelErrorToApiError(
  error: unknown,
  context: { masterName: string; sentinels: string[]; lastSentinelError: string | undefined },
): ApiError | null {
  if (!(error instanceof Error) || !ALL_SENTINELS_FAILED.test(error.message)) return null;
  const asked = context.sentinels.join(', ');
  if (NO_SUCH_MASTER.test(error.message) || (context.lastSentinelError && NO_SUCH_MASTER.test(context.lastSentinelError))) {
    return new ApiError(
      'REDIS_UNAVAILABLE',
      `The sentinels (${asked}) name no master "${context.masterName}": check masterName against "sentinel monitor" in their configuration.`,
    );
  }
  const last = /Last error: (.*)$/.exec(error.message)?.[1] ?? context.lastSentinelError ?? 'no answer';
  return new ApiError('REDIS_UNAVAILABLE', `No sentinel of "${context.masterName}" answered (${asked}): ${last}`);
}
