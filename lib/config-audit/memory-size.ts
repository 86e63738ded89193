// Redis's memory sizes (`256mb`, `1gb`, `268435456`) as bytes, the way redis.conf reads them:
// k/m/g are powers of 1000, kb/mb/gb powers of 1024. Pure, browser-shared.

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1e3, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };

export const MEMORY_SIZE = /^(\d{1,15})(b|k|kb|m|mb|g|gb)?$/i;

/** Bytes of a memory size, or null when `text` is not one. */
export function parseMemorySize(text: string): number | null {
  const match = MEMORY_SIZE.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * UNITS[(match[2] ?? '').toLowerCase()]!;
}
