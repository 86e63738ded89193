// Why INFO could not be read, in the server's words and code, and that polling goes on.
import type { ErrorCode } from '@/lib/api/error-codes';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { POLL_INFO_MS } from '@/lib/queries/poll';
import { formatClock } from '@/lib/format';
import { ErrorState } from '@/components/ui/error-state';

const TITLES: Partial<Record<ErrorCode | 'NETWORK', string>> = {
  REDIS_UNAVAILABLE: 'Redis is unreachable',
  REDIS_TIMEOUT: 'Redis did not answer in time',
  // PING still answers: the instance is up, only its figures are missing.
  REDIS_COMMAND_DENIED: 'Up, but INFO is unavailable',
  UNAUTHENTICATED: 'You are signed out',
  FORBIDDEN: 'You may not read this instance',
  NETWORK: 'The Redlens server is unreachable',
};

export function InfoErrorPanel({ error, staleSince }: { error: Error; staleSince?: string }) {
  const code = errorCodeOf(error);
  return (
    <ErrorState
      title={(code && TITLES[code]) ?? 'Cannot read INFO'}
      message={error.message}
      code={code}
      data-testid="info-error"
    >
      <p>
        Redlens retries automatically every {POLL_INFO_MS / 1000} s.
        {staleSince ? ` The figures below are stale since ${formatClock(staleSince)}.` : ''}
      </p>
    </ErrorState>
  );
}
