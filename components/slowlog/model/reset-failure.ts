// A failed slow log reset in words for the operator.
import { endSentence } from '@/lib/format';

export interface ResetFailure {
  title: string;
  detail: string;
}

/**
 * What a failed reset means for the operator. `redisReset` is the server's typed answer to "was
 * Redis's slow log emptied?" (lib/slowlog/reset-error.ts); undefined when the server could not say.
 */
export function describeResetFailure(code: string, message: string, redisReset?: boolean): ResetFailure {
  switch (code) {
    case 'FORBIDDEN':
      return {
        title: 'Not allowed',
        detail: 'Only an admin may reset the slow log, and not while Redlens is read-only. Nothing was reset.',
      };
    case 'REDIS_COMMAND_DENIED':
      return {
        title: 'Redis refused the reset',
        detail: `${endSentence(message)} Nothing was reset: SLOWLOG (or MULTI) is not allowed for Redlens' Redis user, or it is renamed.`,
      };
    case 'REDIS_UNAVAILABLE':
      return { title: 'Redis is unreachable', detail: 'Nothing was reset. Try again once Redis answers.' };
    case 'STORE_UNAVAILABLE':
      // The reset archives first and resets only once that write is on disk.
      return {
        title: "Redlens' data directory cannot be written",
        detail: `${endSentence(message)} Nothing was reset: free space or fix the permissions of the data directory, then try again.`,
      };
    case 'REDIS_TIMEOUT':
      return {
        title: 'Redis did not answer in time',
        detail: 'Redlens cannot tell whether the reset happened. Check the live entries and the archive before trying again.',
      };
    case 'INTERNAL':
      // The server says which side failed in `redisReset`; any other internal error says
      // neither, and then nobody knows.
      return {
        title: 'The reset failed on the Redlens server',
        detail: redisReset === true
          ? `${endSentence(message)} Redis's slow log WAS emptied; the entries Redlens could not archive are in its server log.`
          : redisReset === false
            ? `${endSentence(message)} Nothing was reset.`
            : `${endSentence(message)} Redlens cannot tell whether Redis was reset: check the live entries and the archive before trying again.`,
      };
    case 'NETWORK':
      return {
        title: 'The Redlens server is unreachable',
        detail: 'Redlens cannot tell whether the reset happened. Check the live entries once the server answers.',
      };
    default:
      return { title: 'The reset failed', detail: message };
  }
}
