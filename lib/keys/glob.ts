// Redis glob patterns (SCAN MATCH): escaping a literal, telling whether a pattern has any
// wildcard, and the bounds of SPEC section 5. Pure.

const GLOB_SPECIAL = /[*?[\]\\]/g;

/** A pattern that matches `text` literally: `* ? [ ] \` are backslash-escaped. */
export function escapeGlob(text: string): string {
  return text.replace(GLOB_SPECIAL, (char) => `\\${char}`);
}

/** The wildcard characters of a pattern that are not escaped by a backslash. */
function unescapedSpecials(pattern: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    if (char === '\\') {
      i += 1; // the next character is literal
      continue;
    }
    if (char === '*' || char === '?' || char === '[') found.push(char);
  }
  return found;
}

export function countUnescapedStars(pattern: string): number {
  return unescapedSpecials(pattern).filter((char) => char === '*').length;
}

/** True when the pattern matches at most one name, so an exact lookup can replace SCAN. */
export function isExactPattern(pattern: string): boolean {
  return unescapedSpecials(pattern).length === 0;
}

/** The one name an exact pattern matches: backslash escapes removed. */
export function unescapeGlob(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

/** The pattern the UI sends for a search box: a literal substring or the user's own glob. */
export function searchPattern(text: string, literal: boolean): string | undefined {
  if (text === '') return undefined;
  return literal ? `*${escapeGlob(text)}*` : text;
}
