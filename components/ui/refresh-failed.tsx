// A poll that failed while the last answer stays on screen: what failed, the server's words and
// code, and when what is shown was read. Not role="alert": the one global alert is the down banner.
import { endSentence, formatClock } from '@/lib/format';
import { errorCodeOf } from '@/lib/queries/fetch-json';

interface RefreshFailedProps {
  /** What failed: "Could not refresh the archive". */
  title: string;
  error: Error;
  /** The query's dataUpdatedAt: when what is shown was read. */
  updatedAt: number;
  /** What is shown: "what was loaded", "the entries read". */
  shown?: string;
  'data-testid'?: string;
}

export function RefreshFailed({ title, error, updatedAt, shown = 'what was loaded', ...rest }: RefreshFailedProps) {
  const code = errorCodeOf(error);
  return (
    <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid={rest['data-testid']}>
      {title}
      {code ? ` (${code})` : ''}: {endSentence(error.message)} Showing {shown} at {formatClock(updatedAt)}; retrying
      automatically.
    </p>
  );
}
