// A 401 from any API call means the session cookie expired or was cleared. app/providers.tsx
// sends every query and mutation error through here, so the redirect lives in one place.
import { ApiRequestError } from './fetch-json';
import { SIGN_IN_PATH, signInPathFor } from '@/lib/next-path';
import { loadPage } from './full-navigation';

export { SIGN_IN_PATH };

/** Meta for a mutation whose 401 is an answer to show (wrong password), not an expired session. */
export const SHOWS_UNAUTHENTICATED = { showsUnauthenticated: true } as const;

export function redirectWhenSignedOut(error: unknown, meta: Record<string, unknown> | undefined): void {
  if (!(error instanceof ApiRequestError) || error.status !== 401) return;
  if (meta?.showsUnauthenticated === true) return;
  // Back to this very page (path and query) once signed in again.
  const { pathname, search } = window.location;
  if (pathname !== SIGN_IN_PATH) loadPage(signInPathFor(`${pathname}${search}`));
}
