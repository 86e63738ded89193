// An instance whose INFO is renamed away or denied by its ACL still answers PING: it is up, and
// the UI says "INFO unavailable" instead of calling it down.
import { ApiRequestError } from '@/lib/queries/fetch-json';

export function isInfoUnavailable(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError && error.code === 'REDIS_COMMAND_DENIED';
}
