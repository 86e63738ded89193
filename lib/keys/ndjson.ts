// Newline-delimited JSON read incrementally, as a stream delivers it: chunks end anywhere (inside
// a line, inside a multi-byte character), lines are whole JSON values. Pure: the key export's
// reader (lib/queries/key-export.ts) feeds it the bytes of each chunk.
import type { ExportDoneLine, ExportErrorLine, ExportLine, ExportNameLine } from './export';

export class NdjsonDecoder {
  private readonly text = new TextDecoder('utf-8');
  private rest = '';

  /** The complete lines in `chunk` (with what earlier chunks left), parsed; the tail is kept. */
  push(chunk: Uint8Array): unknown[] {
    return this.split(this.rest + this.text.decode(chunk, { stream: true }), false);
  }

  /** The last line, when the stream ended without a newline after it. */
  end(): unknown[] {
    return this.split(this.rest + this.text.decode(), true);
  }

  private split(text: string, final: boolean): unknown[] {
    const last = final ? text.length : text.lastIndexOf('\n');
    if (last < 0) {
      this.rest = text;
      return [];
    }
    this.rest = final ? '' : text.slice(last + 1);
    return parseLines(text.slice(0, last));
  }
}

/**
 * Complete lines, parsed. A chunk of a thousand lines is one JSON.parse of them as an array
 * (several times faster than a parse per line); when that fails (a blank line, a broken one),
 * line by line, to name the line at fault.
 */
function parseLines(text: string): unknown[] {
  if (text.trim() === '') return [];
  try {
    return JSON.parse(`[${text.replaceAll('\n', ',')}]`) as unknown[];
  } catch {
    return text.split('\n').filter((line) => line.trim() !== '').map(parseLine);
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new Error(`The export sent a line that is not JSON: ${line.slice(0, 80)}`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export const isNameLine = (value: unknown): value is ExportNameLine =>
  isObject(value) && typeof value.key === 'string' && typeof value.keyB64 === 'string';
export const isDoneLine = (value: unknown): value is ExportDoneLine => isObject(value) && value.done === true;
export const isErrorLine = (value: unknown): value is ExportErrorLine =>
  isObject(value) && isObject(value.error) && typeof value.error.code === 'string' && typeof value.error.message === 'string';

/** One line as the export's contract says it can be; anything else is a broken stream. */
export function exportLine(value: unknown): ExportLine {
  if (isNameLine(value) || isDoneLine(value) || isErrorLine(value)) return value;
  throw new Error(`The export sent a line of an unknown shape: ${JSON.stringify(value).slice(0, 80)}`);
}
