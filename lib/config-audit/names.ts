// Setting names across Redis versions. Redis 7 renamed the ziplist settings `*-listpack-*` and
// `slave*` to `replica*`, and CONFIG GET * answers both spellings; Redis 6 knows only the old
// ziplist names. Pure, browser-shared.

/** The Redis 7 spelling of a setting name (itself when it has no older one). */
export function canonicalSettingName(name: string): string {
  return name.replace('-ziplist-', '-listpack-').replace(/^slave(-|of$)/, 'replica$1');
}

/** The name this server reports for the setting `canonical`, preferring the new spelling; null when it reports none. */
export function reportedName(all: Readonly<Record<string, string>>, canonical: string): string | null {
  if (all[canonical] !== undefined) return canonical;
  const old = canonical.replace('-listpack-', '-ziplist-').replace(/^replica(-|of$)/, 'slave$1');
  return all[old] !== undefined ? old : null;
}

/** True for an old spelling the server also reports under its new name (Redis 7's aliases). */
export function isAliasOfReported(all: Readonly<Record<string, string>>, name: string): boolean {
  const canonical = canonicalSettingName(name);
  return canonical !== name && all[canonical] !== undefined;
}
