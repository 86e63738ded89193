// The archive as CSV. A cell that starts with = + - @ (or a tab / carriage return) is prefixed
// with ' so a spreadsheet shows it as text instead of running it as a formula.
import type { ArchivedEntry } from './types';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function archiveCsv(entries: ArchivedEntry[]): string {
  const header = ['time_utc', 'duration_us', 'command', 'client', 'client_name', 'fingerprint', 'warning', 'run_id', 'id'];
  const lines = entries.map((entry) =>
    [
      new Date(entry.timestamp * 1000).toISOString(), entry.durationMicros, entry.args.join(' '), entry.client,
      entry.clientName, entry.fingerprint, entry.warning?.pattern ?? '', entry.runId, entry.id,
    ].map(csvCell).join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
