// A report figure in words, the same in the JSON's reasons, the Markdown, the HTML and the page.
// Pure and browser-shared. Moments are UTC: a report is shared across time zones.
import { formatBytes, formatDateTime, formatMillisAsDuration, formatNumber, formatPercent, MISSING } from '@/lib/format';
import type { FigureUnit } from './types';

/** A moment as "2026-11-26 14:03:21 UTC". */
export const formatUtc = (ms: number | null): string => (ms === null ? MISSING : `${formatDateTime(ms, 'UTC')} UTC`);

export function formatFigure(value: number | null, unit: FigureUnit): string {
  if (value === null) return MISSING;
  switch (unit) {
    case 'ratio':
      return formatPercent(value);
    case 'bytes':
      return formatBytes(value);
    case 'ms':
      return `${formatNumber(value, 3)} ms`;
    case 'us':
      if (value < 1000) return `${formatNumber(value, 0)} µs`;
      return value < 1_000_000 ? `${formatNumber(value / 1000, 1)} ms` : `${formatNumber(value / 1_000_000, 2)} s`;
    case 'ops/s':
    case 'keys/s':
      return `${formatNumber(value, 1)} ${unit}`;
    case 'clients':
      return `${formatNumber(value, 1)} clients`;
    case 'duration':
      return value === 0 ? '0 s' : formatMillisAsDuration(value);
    case 'time':
      return formatUtc(value);
    case 'count':
      return formatNumber(value, 0);
    case 'number':
      return formatNumber(value, 2);
  }
}

/** A change with its sign ("+1.2 %", "-3", "+2 h"); "—" when unknown. */
export function formatDelta(value: number | null, unit: FigureUnit): string {
  if (value === null || unit === 'time') return MISSING;
  if (value === 0) return '±0';
  const text = formatFigure(Math.abs(value), unit);
  // A ratio's change is in percentage points.
  return `${value > 0 ? '+' : '-'}${unit === 'ratio' ? text.replace(' %', ' pp') : text}`;
}
