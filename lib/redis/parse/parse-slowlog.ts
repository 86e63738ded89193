// Parses the reply of SLOWLOG GET (read with callBuffer, so arguments keep their bytes). Pure.
import { displayBytes } from '@/lib/display-bytes';

export interface SlowlogEntry {
  id: number;
  /** unix seconds, when the command ran */
  timestamp: number;
  durationMicros: number;
  /** Display form of each argument (escaped where not plain UTF-8); Redis keeps at most 32. */
  args: string[];
  /** ip:port of the client, '' before Redis 4 */
  client: string;
  clientName: string;
}

export class SlowlogParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlowlogParseError';
  }
}

const asText = (value: unknown) => (Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'string' ? value : '');

function asInteger(value: unknown, what: string): number {
  const number = typeof value === 'number' ? value : Buffer.isBuffer(value) ? Number(value.toString()) : NaN;
  if (!Number.isSafeInteger(number)) throw new SlowlogParseError(`slow log entry has no integer ${what}`);
  return number;
}

export function parseSlowlog(reply: unknown): SlowlogEntry[] {
  if (!Array.isArray(reply)) throw new SlowlogParseError('SLOWLOG GET did not answer with an array');
  return reply.map((entry: unknown) => {
    if (!Array.isArray(entry) || entry.length < 4 || !Array.isArray(entry[3])) {
      throw new SlowlogParseError('slow log entry is not [id, timestamp, duration, args, ...]');
    }
    return {
      id: asInteger(entry[0], 'id'),
      timestamp: asInteger(entry[1], 'timestamp'),
      durationMicros: asInteger(entry[2], 'duration'),
      args: (entry[3] as unknown[]).map((arg) => (Buffer.isBuffer(arg) ? displayBytes(arg).text : String(arg))),
      client: asText(entry[4]),
      clientName: asText(entry[5]),
    };
  });
}
