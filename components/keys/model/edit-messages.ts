// The one line a toast says after a key change ("Set field title of recipe:1 (db0)"), and the
// small inputs of the edit forms (a score, a list index, a TTL) read from what was typed. Pure.
import type { KeyEditOpName, KeyEditReply } from '@/lib/keys/edit';
import { displayBytes } from '@/lib/display-bytes';
import { base64ToBytes } from '@/lib/keys/display-value';

/** Longer names and elements are cut in a toast: it is one line. */
const TOAST_TEXT_CHARS = 60;

/** Bytes (base64) as a toast shows them: escaped like everywhere, cut to one short line. */
export function shortText(b64: string): string {
  const text = displayBytes(base64ToBytes(b64)).text;
  if (text === '') return '(empty)';
  return text.length > TOAST_TEXT_CHARS ? `${text.slice(0, TOAST_TEXT_CHARS - 1)}…` : text;
}

export interface EditDone {
  /** The key's display name before the change. */
  key: string;
  db: number;
  op: KeyEditOpName;
  created: boolean;
  result: KeyEditReply['result'];
  /** The field, member or value the op names (base64), when it names one. */
  subjectB64?: string;
  /** The list index (lset), the score (zadd), the entry id (xdel). */
  detail?: string;
  /** After a rename: the new display name. */
  newKey?: string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a toast says once an edit went through, and whether it changed anything. */
export function editToast(done: EditDone): { message: string; tone: 'success' | 'info' } {
  const where = `(db${done.db})`;
  const k = done.key === '' ? '(empty name)' : done.key;
  const subject = done.subjectB64 !== undefined ? shortText(done.subjectB64) : '';
  const changed = (message: string) => ({ message: `${message} ${where}`, tone: 'success' as const });
  const unchanged = (message: string) => ({ message: `${message} ${where}`, tone: 'info' as const });
  if (done.created) return changed(`Created ${k}`);
  switch (done.op) {
    case 'set': return changed(`Set the value of ${k}`);
    case 'hset': return changed(`Set field ${subject} of ${k}`);
    case 'hdel': return done.result === 0 ? unchanged(`Field ${subject} of ${k} was already gone`) : changed(`Deleted field ${subject} of ${k}`);
    case 'rpush': return changed(`Pushed a value on the right of ${k}`);
    case 'lpush': return changed(`Pushed a value on the left of ${k}`);
    case 'lset': return changed(`Set index ${done.detail ?? '?'} of ${k}`);
    case 'lrem': {
      const removed = typeof done.result === 'number' ? done.result : 0;
      return removed === 0 ? unchanged(`No element of ${k} equals ${subject}: nothing removed`) : changed(`Removed ${count(removed, 'element', 'elements')} equal to ${subject} from ${k}`);
    }
    case 'sadd': return done.result === 0 ? unchanged(`${subject} was already a member of ${k}`) : changed(`Added member ${subject} to ${k}`);
    case 'srem': return done.result === 0 ? unchanged(`${subject} was not a member of ${k}`) : changed(`Removed member ${subject} from ${k}`);
    case 'zadd': return done.result === 0 ? changed(`Set the score of ${subject} in ${k} to ${done.detail ?? '?'}`) : changed(`Added member ${subject} with score ${done.detail ?? '?'} to ${k}`);
    case 'zrem': return done.result === 0 ? unchanged(`${subject} was not a member of ${k}`) : changed(`Removed member ${subject} from ${k}`);
    case 'xadd': return changed(typeof done.result === 'string' ? `Added entry ${done.result} to ${k}` : `Added an entry to ${k}`);
    case 'xdel': return done.result === 0 ? unchanged(`Entry ${done.detail ?? '?'} of ${k} was already gone`) : changed(`Deleted entry ${done.detail ?? '?'} of ${k}`);
    case 'rename': return changed(`Renamed ${k} to ${done.newKey ?? '?'}`);
  }
}

/** A ZADD score from what was typed: a finite number, or -inf / +inf (inf alone is +inf). */
export function parseScore(text: string): { score: number | '-inf' | '+inf' } | { error: string } {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '-inf') return { score: '-inf' };
  if (trimmed === '+inf' || trimmed === 'inf') return { score: '+inf' };
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) return { error: 'The score must be a number (or -inf, +inf).' };
  return { score: value };
}

/** A list index from what was typed: a whole number, negative counting from the end. */
export function parseIndex(text: string): { index: number } | { error: string } {
  const trimmed = text.trim();
  if (!/^-?\d{1,15}$/.test(trimmed)) return { error: 'The index must be a whole number (-1 is the last element).' };
  return { index: Number(trimmed) };
}

export const TTL_UNITS = { s: 1_000, min: 60_000, h: 3_600_000, d: 86_400_000 } as const;
export type TtlUnit = keyof typeof TTL_UNITS;

/** A TTL in ms from an amount and a unit; empty means none (undefined). */
export function parseTtl(amount: string, unit: TtlUnit): { ttlMs: number | undefined } | { error: string } {
  if (amount.trim() === '') return { ttlMs: undefined };
  const value = Number(amount);
  if (!Number.isFinite(value) || value <= 0) return { error: 'The TTL must be a positive number.' };
  const ttlMs = Math.round(value * TTL_UNITS[unit]);
  if (ttlMs < 1 || ttlMs > 100 * 365 * 24 * 3600 * 1000) return { error: 'The TTL must be between 1 ms and 100 years.' };
  return { ttlMs };
}

/** "1h", "90 s", "2.5 d": how a toast names a TTL. */
export function ttlText(ttlMs: number): string {
  for (const [unit, ms] of Object.entries(TTL_UNITS).reverse()) {
    if (ttlMs >= ms && ttlMs % ms === 0) return `${ttlMs / ms} ${unit}`;
  }
  return `${ttlMs / 1000} s`;
}
