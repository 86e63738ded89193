// Parses the replies of the latency monitor: LATENCY LATEST (one row per event), LATENCY
// HISTORY <event> (time and latency pairs) and LATENCY DOCTOR (text for people). Pure; the same
// shapes on Redis 6.2 and 7. Malformed replies throw LatencyParseError, never an empty list.
import type { AnyReply } from './own-lookups';

export class LatencyParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LatencyParseError';
  }
}

/** One event the latency monitor has seen (`command`, `fast-command`, `fork`, `expire-cycle`...). */
export interface LatencyLatest {
  event: string;
  /** When its latest spike happened (unix ms). */
  at: number;
  latestMs: number;
  /** The worst since Redis started or LATENCY RESET. */
  maxMs: number;
}

export interface LatencyPoint {
  at: number;
  ms: number;
}

const text = (value: AnyReply): string | null =>
  typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : null;

function integer(value: AnyReply, what: string): number {
  const number = typeof value === 'number' ? value : Number(text(value) ?? Number.NaN);
  if (!Number.isSafeInteger(number) || number < 0) throw new LatencyParseError(`${what} is not a count: ${String(value)}`);
  return number;
}

function rows(reply: AnyReply, what: string): AnyReply[][] {
  if (!Array.isArray(reply)) throw new LatencyParseError(`${what} is not an array`);
  return reply.map((row, index) => {
    if (!Array.isArray(row)) throw new LatencyParseError(`${what} row ${index} is not an array`);
    return row;
  });
}

/** LATENCY LATEST: `[[event, unix s, latest ms, max ms], ...]`. Empty when nothing crossed the threshold. */
export function parseLatencyLatest(reply: AnyReply): LatencyLatest[] {
  return rows(reply, 'LATENCY LATEST').map((row) => {
    const event = text(row[0]);
    if (row.length < 4 || event === null || event === '') throw new LatencyParseError(`LATENCY LATEST row has ${row.length} fields, not [event, time, latest, max]`);
    return { event, at: integer(row[1], 'time') * 1000, latestMs: integer(row[2], 'latest'), maxMs: integer(row[3], 'max') };
  });
}

/** LATENCY HISTORY <event>: `[[unix s, ms], ...]`, oldest first (Redis keeps the last 160). */
export function parseLatencyHistory(reply: AnyReply): LatencyPoint[] {
  return rows(reply, 'LATENCY HISTORY').map((row) => {
    if (row.length < 2) throw new LatencyParseError(`LATENCY HISTORY row has ${row.length} fields, not [time, latency]`);
    return { at: integer(row[0], 'time') * 1000, ms: integer(row[1], 'latency') };
  });
}

/** LATENCY DOCTOR: a bulk string of advice, kept as Redis wrote it (shown as text, never HTML). */
export function parseLatencyDoctor(reply: AnyReply): string {
  const report = text(reply);
  if (report === null) throw new LatencyParseError('LATENCY DOCTOR did not answer text');
  return report.trim();
}
