// The namespace of a key name (SPEC sections 4 and 10): `user:42:session` -> `user:{id}:session`,
// so that a million keys read as a few dozen groups. Pure, no server imports.
import { displayBytes } from '@/lib/display-bytes';
import { nameSegments, SEGMENT_SEPARATOR, stringBytes } from './name-segments';

/** What an id-like segment becomes. */
export const ID_SEGMENT = '{id}';
/**
 * The longest namespace, in characters: a name made of hundreds of segments (or one huge one)
 * would otherwise be its own namespace, as long as the name, in every stored result.
 */
export const NAMESPACE_MAX_CHARS = 200;
/** Ends a namespace cut at NAMESPACE_MAX_CHARS. */
export const TRUNCATED_MARK = '…';
/** The row of a result that holds the keys of the namespaces not listed (no namespace itself). */
export const OTHER_NAMESPACE = '(other)';

/**
 * Numbers (`42`, `-7`, `3.5`; `20261126` is one too), hex hashes of 8 or more digits in one case
 * (`9f86d081`: 8 is the shortest common short hash, and few words are 8 letters of a-f), UUIDs,
 * dates (`2026-11-26`) and months (`2026-11`).
 */
const ID_LIKE =
  /^(?:[-+]?\d+(?:\.\d+)?|[0-9a-f]{8,}|[0-9A-F]{8,}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d{4}-\d{2}(?:-\d{2})?)$/;
/** Printable ASCII but the backslash: shown as it is (most segments of most keys). */
const PLAIN = /^[\x20-\x5b\x5d-\x7e]*$/;
/** Control characters (C0, DEL, C1) in decoded text: bytes, not a word. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A segment's display text, ID_SEGMENT when it looks like an id, or null when it is binary. */
function showSegment(segment: string): string | null {
  if (PLAIN.test(segment)) return ID_LIKE.test(segment) ? ID_SEGMENT : segment;
  const bytes = stringBytes(segment);
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return null;
  }
  if (CONTROL.test(text)) return null;
  if (ID_LIKE.test(text)) return ID_SEGMENT;
  // Valid text with a backslash or a bidi mark: shown escaped, as the key browser shows it.
  return displayBytes(bytes).text;
}

/** Cut a namespace that is too long at a segment boundary (or inside its first segment). */
function capLength(parts: string[]): string {
  let kept = parts[0]!;
  if (kept.length > NAMESPACE_MAX_CHARS - 2) {
    let cut = NAMESPACE_MAX_CHARS - 1;
    const last = kept.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut -= 1; // never half a surrogate pair
    return kept.slice(0, cut) + TRUNCATED_MARK;
  }
  for (let i = 1; i < parts.length; i += 1) {
    const next = kept + SEGMENT_SEPARATOR + parts[i]!;
    if (next.length > NAMESPACE_MAX_CHARS - 2) break;
    kept = next;
  }
  return kept + SEGMENT_SEPARATOR + TRUNCATED_MARK;
}

/** namespaceOf, from the name's segments (nameSegments): the accumulator splits a name once. */
export function namespaceOfSegments(segments: readonly string[]): string {
  const parts: string[] = [];
  let length = -1;
  for (const segment of segments) {
    const shown = showSegment(segment);
    if (shown === null) {
      // Binary bytes are a packed id or hash; any `:` inside them is a byte of the id, not a
      // separator, so the first binary segment and all after it are one {id} (else each random
      // binary name would make a namespace of its own).
      parts.push(ID_SEGMENT);
      length += ID_SEGMENT.length + 1;
      break;
    }
    parts.push(shown);
    length += shown.length + 1;
  }
  return length > NAMESPACE_MAX_CHARS ? capLength(parts) : parts.join(SEGMENT_SEPARATOR);
}

/**
 * `user:42:session` -> `user:{id}:session`. Segments (split on `:`) that look like numbers, hex
 * hashes, UUIDs or dates become {id}; a name without `:` is its own namespace, unless it is an
 * id itself (`12345`, a bare hash): all-id names share `{id}` (or `{id}:{id}`) instead of making
 * one namespace each. Text segments are shown as the key browser shows them (lib/display-bytes:
 * UTF-8 as it is, a backslash doubled, bidi marks escaped). A segment that is not text (invalid
 * UTF-8, control bytes) is binary: it and the rest of the name become one {id}. Namespaces are
 * capped at NAMESPACE_MAX_CHARS, cut at a segment boundary and ended with `:…`.
 */
export function namespaceOf(name: Buffer): string {
  return namespaceOfSegments(nameSegments(name));
}

