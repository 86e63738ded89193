// Groups slow log entries by what they do: the command and its key's pattern, with ids,
// hashes, numbers, UUIDs and dates folded to {id}, so "GET user:42:session" and
// "GET user:7:session" count together. Pure.

const FOLDABLE = [
  /^\d+$/, // 42
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUID
  /^[0-9a-f]{16,}$/i, // hex hashes
  /^\d{4}-\d{2}-\d{2}$/, // 2026-11-23
  /^[0-9a-z]{20,}$/i, // long opaque tokens
];

/** `user:42:session` -> `user:{id}:session`; globs and short words stay. */
export function keyPattern(key: string): string {
  return key
    .split(':')
    .map((segment) => (FOLDABLE.some((pattern) => pattern.test(segment)) ? '{id}' : segment))
    .join(':');
}

// Commands whose first argument is not a key, or that have no key at all.
const KEYLESS = new Set(['KEYS', 'SCAN', 'FLUSHALL', 'FLUSHDB', 'INFO', 'PING', 'CONFIG', 'CLIENT', 'DEBUG', 'SLOWLOG', 'SELECT', 'DBSIZE', 'MULTI', 'EXEC']);

export function fingerprint(args: readonly string[]): string {
  const command = (args[0] ?? '').toUpperCase();
  if (command === 'KEYS') return `KEYS ${args[1] ?? ''}`;
  if (command === 'LRANGE' && args[2] === '0' && args[3] === '-1') return `LRANGE ${keyPattern(args[1] ?? '')} 0 -1`;
  if (KEYLESS.has(command) || args.length < 2) return command;
  return `${command} ${keyPattern(args[1]!)}`;
}
