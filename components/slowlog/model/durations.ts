// Slow log durations in words: µs and ms with their unit, the threshold and the empty log.
import { MISSING, formatNumber } from '@/lib/format';

function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A slow log duration: below 1 ms in whole µs ("850 µs"), from 1 ms in ms with 2 decimals ("12.35 ms"). */
export function formatMicros(micros: number | null | undefined): string {
  if (!isFiniteNumber(micros)) return MISSING;
  if (Math.abs(micros) < 1000) return `${formatNumber(Math.round(micros), 0)} µs`;
  const ms = (micros / 1000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${ms} ms`;
}

/** Shorter, for chart axes: "500 µs", "2.5 ms", "1.25 s". */
export function formatMicrosShort(micros: number): string {
  if (!Number.isFinite(micros)) return MISSING;
  if (Math.abs(micros) < 1000) return `${formatNumber(micros, 0)} µs`;
  if (Math.abs(micros) < 1_000_000) return `${formatNumber(micros / 1000, 1)} ms`;
  return `${formatNumber(micros / 1_000_000, 2)} s`;
}

/** `slowlog-log-slower-than` in words: negative disables the log, 0 logs every command. */
export function describeSlowerThan(micros: number | null): string {
  if (micros === null) return 'unknown';
  if (micros < 0) return `disabled (${micros})`;
  if (micros === 0) return '0 µs: every command is logged';
  return `${formatNumber(micros, 0)} µs`;
}

/** The sentence of the empty live table, with the threshold that nothing crossed. */
export function emptySlowlogText(slowerThanMicros: number | null): string {
  if (slowerThanMicros === null) return 'The slow log is empty.';
  if (slowerThanMicros < 0) return 'The slow log is empty: it is disabled (slowlog-log-slower-than is negative).';
  if (slowerThanMicros === 0) return 'The slow log is empty: no command ran since it was last reset.';
  return `The slow log is empty: no command took longer than ${formatNumber(slowerThanMicros, 0)} µs.`;
}
