// Where the sign-in page sends someone back to: the exact page they asked for (path and query),
// but only a page of this dashboard. Anything that a browser could read as another origin
// (`//evil.example`, `/\evil`, `https://evil.example`, their percent-encoded forms) falls back
// to the overview: the login page must never be an open redirect. No server imports.

export const SIGN_IN_PATH = '/login';

/** The request header proxy.ts sets to the page asked for, which layouts cannot otherwise read. */
export const REQUESTED_PATH_HEADER = 'x-redlens-requested-path';

/** Longer than any link the dashboard makes; a longer `next` is not a link someone followed. */
export const NEXT_PATH_MAX_LENGTH = 2048;

const HOME = '/';
const PROBE_ORIGIN = 'http://redlens.invalid';
// Paths that are not pages to land on: the sign-in page itself (a loop), the API, Next's assets.
const NOT_PAGES = [SIGN_IN_PATH, '/api', '/_next'];

/** Percent-decoded until stable (at most a few rounds); a malformed escape stays as it is. */
function fullyDecoded(text: string): string {
  let current = text;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

function looksForeign(path: string): boolean {
  // A backslash is a slash to browsers; URL parsers strip tabs and newlines, so `/\t/x` is `//x`.
  return !path.startsWith('/') || path.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(path);
}

/** `raw` when it is a page of this dashboard, else `/`. */
export function safeNextPath(raw: string | null | undefined): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > NEXT_PATH_MAX_LENGTH) return HOME;
  if (looksForeign(raw) || /\s/.test(raw)) return HOME;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return HOME;
  }
  // The path as a browser or a proxy in front might decode it: `/%2F%2Fevil.example` is refused.
  if (url.origin !== PROBE_ORIGIN || looksForeign(fullyDecoded(url.pathname))) return HOME;
  if (NOT_PAGES.some((prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address that comes back to `asked` (the overview needs no `next`). */
export function signInPathFor(asked: string | null | undefined): string {
  const next = safeNextPath(asked);
  return next === HOME ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
}
