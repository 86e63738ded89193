// Links from an analysis to the key browser: a namespace opens the browser filtered to its keys
// (a glob), a key opens in the browser's detail (addressed by its exact bytes, keyB64). The URL
// shape is the key browser's own (keyBrowserSearch), never copied.
import { DEFAULT_DELIMITER, MAX_MATCH_BYTES, MAX_MATCH_STARS } from '@/lib/keys/constants';
import { escapeGlob } from '@/lib/keys/glob';
// OTHER_NAMESPACE: the row the smallest namespaces are folded into (no link); TRUNCATED_MARK ends a namespace cut for length.
import { OTHER_NAMESPACE, TRUNCATED_MARK } from '@/lib/analysis/namespace';
import { keyBrowserSearch, type KeyBrowserState } from '@/lib/queries/keys-browser';


/** A folded segment part: `{id}`, `{hash}`, `{date}`, ... (SPEC section 10). */
const PLACEHOLDER = /\{[a-z]+\}/;

type Piece = { any: true } | { any: false; text: string };

/** A segment as glob pieces: placeholders become wildcards, the rest is literal. */
function segmentPieces(segment: string): Piece[] {
  // A display escape (`\xff`, `\u202e`, `\\`) stands for bytes a URL's text cannot carry exactly:
  // the whole segment becomes a wildcard, a wider match that still holds every key of it.
  if (segment.includes('\\')) return [{ any: true }];
  if (segment.endsWith(TRUNCATED_MARK)) return [...segmentPieces(segment.slice(0, -TRUNCATED_MARK.length)), { any: true }];
  const pieces: Piece[] = [];
  segment.split(new RegExp(`(${PLACEHOLDER.source})`)).forEach((part) => {
    if (PLACEHOLDER.test(part)) pieces.push({ any: true });
    else if (part !== '') pieces.push({ any: false, text: escapeGlob(part) });
  });
  return pieces;
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/**
 * The SCAN MATCH glob of a namespace (`user:{id}:session` -> `user:*:session`), or null for the
 * folded `(other)` row. Within the key browser's bounds: past MAX_MATCH_STARS wildcards, or
 * MAX_MATCH_BYTES, the glob ends at a wildcard, so it matches more, never fewer, keys.
 */
export function namespaceGlob(namespace: string): string | null {
  if (namespace === OTHER_NAMESPACE || namespace === '') return null;
  const pieces: Piece[] = [];
  namespace.split(DEFAULT_DELIMITER).forEach((segment, index) => {
    if (index > 0) pieces.push({ any: false, text: DEFAULT_DELIMITER });
    pieces.push(...segmentPieces(segment));
  });
  let glob = '';
  let stars = 0;
  for (const piece of pieces) {
    if (piece.any) {
      if (glob.endsWith('*')) continue; // `**` matches what `*` does
      if (stars === MAX_MATCH_STARS) return `${glob.slice(0, glob.lastIndexOf('*') + 1)}`;
      glob += '*';
      stars += 1;
    } else {
      const next = glob + piece.text;
      if (utf8Length(next) > MAX_MATCH_BYTES - 1) return stars < MAX_MATCH_STARS ? `${glob}*` : glob.slice(0, glob.lastIndexOf('*') + 1);
      glob = next;
    }
  }
  return glob;
}

const browserState = (db: number, patch: Partial<KeyBrowserState>): KeyBrowserState => ({
  db, q: '', mode: 'contains', type: '', cursor: '0', view: 'list', delimiter: DEFAULT_DELIMITER, key: null, ...patch,
});

const keysPath = (id: string) => `/instances/${encodeURIComponent(id)}/keys`;

/** The key browser filtered to a namespace's keys; null for `(other)`. */
export function namespaceHref(id: string, db: number, namespace: string): string | null {
  const glob = namespaceGlob(namespace);
  return glob === null ? null : `${keysPath(id)}${keyBrowserSearch(browserState(db, { q: glob, mode: 'glob' }))}`;
}

/**
 * The key browser with this key open. Its name also goes in the search (exact), so the list
 * beside the detail shows that key alone, unless the display name carries escapes (then it is
 * not the key's text) or is too long for a search.
 */
export function keyHref(id: string, db: number, target: { key: string; keyB64: string }): string {
  const exact = !target.key.includes('\\') && utf8Length(escapeGlob(target.key)) <= MAX_MATCH_BYTES;
  const patch: Partial<KeyBrowserState> = exact ? { q: target.key, mode: 'exact', key: target.keyB64 } : { key: target.keyB64 };
  return `${keysPath(id)}${keyBrowserSearch(browserState(db, patch))}`;
}
