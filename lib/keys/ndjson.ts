// Newline-delimited JSON read incrementally, as a stream delivers it: chunks end anywhere (inside
// a line, inside a multi-byte character), lines are whole JSON values. Pure: the key export's
// reader (lib/queries/key-export.ts) feeds it the bytes of each chunk, and keeps the lines as
// text (a million names are parsed only when shown); NdjsonDecoder parses them all.
import type { ExportDoneLine, ExportErrorLine, ExportLine, ExportNameLine } from './export';

/** Bytes in, whole lines out as text (each ending in a newline); a partial line waits for the rest. */
export class NdjsonLines {
  private readonly text = new TextDecoder('utf-8');
  private rest = '';

  /** The complete lines in `chunk` with what earlier chunks left; '' when none is complete yet. */
  push(chunk: Uint8Array): string {
    const text = this.rest + this.text.decode(chunk, { stream: true });
    const last = text.lastIndexOf('\n');
    this.rest = text.slice(last + 1);
    return last < 0 ? '' : text.slice(0, last + 1);
  }

  /** The last line, when the stream ended without a newline after it (given one). */
  end(): string {
    const text = this.rest + this.text.decode();
    this.rest = '';
    return text.trim() === '' ? '' : `${text}\n`;
  }
}

/** NdjsonLines, parsed. */
export class NdjsonDecoder {
  private readonly lines = new NdjsonLines();

  /** The complete lines in `chunk` (with what earlier chunks left), parsed; the tail is kept. */
  push(chunk: Uint8Array): unknown[] {
    return parseLines(this.lines.push(chunk));
  }

  /** The last line, when the stream ended without a newline after it. */
  end(): unknown[] {
    return parseLines(this.lines.end());
  }
}

/**
 * Complete lines, parsed. A chunk of a thousand lines is one JSON.parse of them as an array
 * (several times faster than a parse per line); when that fails (a blank line, a broken one),
 * line by line, to name the line at fault.
 */
export function parseLines(text: string): unknown[] {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (body.trim() === '') return [];
  try {
    return JSON.parse(`[${body.replaceAll('\n', ',')}]`) as unknown[];
  } catch {
    return body.split('\n').filter((line) => line.trim() !== '').map(parseLine);
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
