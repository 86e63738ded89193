// The archive as CSV. A cell that starts with = + - @ (or a tab / carriage return) is prefixed
// with ' so a spreadsheet shows it as text instead of running it as a formula.
import type { ArchivedEntry } from './types';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_HEADER = 'time_utc,duration_us,command,client,client_name,fingerprint,warning,run_id,id\r\n';

/** One entry as a CSV line, ending in CRLF. */
export function csvLine(entry: ArchivedEntry): string {
  const cells = [
    new Date(entry.timestamp * 1000).toISOString(), entry.durationMicros, entry.args.join(' '), entry.client,
    entry.clientName, entry.fingerprint, entry.warning?.pattern ?? '', entry.runId, entry.id,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function archiveCsv(entries: ArchivedEntry[]): string {
  return CSV_HEADER + entries.map(csvLine).join('');
}
