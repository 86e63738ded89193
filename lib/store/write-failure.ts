// The one place a failed write to Redlens's own store becomes an answer: logged on the server,
// reported to the store-health monitor, and turned into 503 STORE_UNAVAILABLE ("nothing was done").
import { noteStoreFailure } from './store-health';
import { ApiError } from '@/lib/api/errors';

export const STORE_UNAVAILABLE_MESSAGE =
  'Redlens could not write to its own data directory (full, read-only or gone), so it did nothing: every change is recorded before it is made. The server log has the details.';

/** The same failure is logged at most this often, so a flood of requests cannot flood the log. */
const LOG_EVERY_MS = 10_000;
const lastLogged = new Map<string, { at: number; suppressed: number }>();

function logFailure(error: unknown, what: string): void {
  const now = Date.now();
  const last = lastLogged.get(what);
  if (last && now - last.at < LOG_EVERY_MS) {
    last.suppressed += 1;
    return;
  }
  const repeats = last?.suppressed ? ` (and ${last.suppressed} more since the last report)` : '';
  console.error(`[redlens] store write failed: ${what}${repeats}:`, error);
  lastLogged.set(what, { at: now, suppressed: 0 });
}

/** Logs a store write failure and returns the error to answer with; `what` names the write. */
export function storeWriteFailed(error: unknown, what: string, message = STORE_UNAVAILABLE_MESSAGE): ApiError {
  logFailure(error, what);
  noteStoreFailure(error);
  return new ApiError('STORE_UNAVAILABLE', message);
}
