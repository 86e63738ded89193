// Pure formatters for figures shown in the UI: every figure leaves here with its unit.

/** Shown where a figure is unknown or not applicable. */
export const MISSING = '—';

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** en-US grouping ("1,234.5"); at most `maximumFractionDigits` decimals, none when not needed. */
export function formatNumber(value: number | null | undefined, maximumFractionDigits = 2): string {
  if (!isFiniteNumber(value)) return MISSING;
  return value.toLocaleString('en-US', { maximumFractionDigits });
}

/** 1024-based with IEC units: 0 -> "0 B", 1120200 -> "1.07 MiB". Negative sizes keep their sign. */
export function formatBytes(bytes: number | null | undefined): string {
  if (!isFiniteNumber(bytes)) return MISSING;
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // Three significant figures read well in a dashboard; bytes are whole.
  const digits = unit === 0 ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  let rounded = Number(value.toFixed(digits));
  // 1023.996 KiB rounds to 1024 KiB: say 1 MiB instead.
  if (rounded >= 1024 && unit < BYTE_UNITS.length - 1) {
    rounded = 1;
    unit += 1;
  }
  return `${sign}${formatNumber(rounded, digits)} ${BYTE_UNITS[unit]}`;
}

/** A ratio in 0..1 as a percentage: 0.796 -> "79.6 %"; null (no data) -> "—". */
export function formatPercent(ratio: number | null | undefined, maximumFractionDigits = 1): string {
  if (!isFiniteNumber(ratio)) return MISSING;
  return `${formatNumber(ratio * 100, maximumFractionDigits)} %`;
}

/** A figure with its unit: formatRate(1234, 'ops/s') -> "1,234 ops/s". */
export function formatRate(value: number | null | undefined, unit: string, maximumFractionDigits = 2): string {
  if (!isFiniteNumber(value)) return MISSING;
  return `${formatNumber(value, maximumFractionDigits)} ${unit}`;
}

const DURATION_UNITS = [
  { unit: 'd', seconds: 86_400 },
  { unit: 'h', seconds: 3_600 },
  { unit: 'min', seconds: 60 },
  { unit: 's', seconds: 1 },
] as const;

/**
 * Seconds as the two largest units: "3 d 4 h", "12 min 5 s", "45 s".
 * A third unit would be noise for uptimes and TTLs, so it is dropped (not rounded).
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (!isFiniteNumber(seconds) || seconds < 0) return MISSING;
  if (seconds > 0 && seconds < 1) return '< 1 s';
  const whole = Math.floor(seconds);
  const first = DURATION_UNITS.findIndex((unit) => whole >= unit.seconds);
  const major = DURATION_UNITS[first];
  if (!major) return '0 s';
  const majorCount = Math.floor(whole / major.seconds);
  const parts = [`${majorCount} ${major.unit}`];
  const minor = DURATION_UNITS[first + 1];
  if (minor) {
    const minorCount = Math.floor((whole - majorCount * major.seconds) / minor.seconds);
    if (minorCount > 0) parts.push(`${minorCount} ${minor.unit}`);
  }
  return parts.join(' ');
}

/** Milliseconds (Redis' avg_ttl, PTTL) as a duration; below a second in ms. */
export function formatMillisAsDuration(ms: number | null | undefined): string {
  if (!isFiniteNumber(ms) || ms < 0) return MISSING;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return formatDuration(ms / 1000);
}

type TimeInput = Date | number | string;

function toDate(time: TimeInput): Date | null {
  const date = time instanceof Date ? time : new Date(time);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** How long before (or after) `nowMs` a moment is: "12 min 5 s ago", "in 45 s", "just now". */
export function formatRelativeTime(time: TimeInput, nowMs: number): string {
  const date = toDate(time);
  if (!date || !Number.isFinite(nowMs)) return MISSING;
  const diffMs = nowMs - date.getTime();
  if (Math.abs(diffMs) < 1000) return 'just now';
  const span = formatDuration(Math.abs(diffMs) / 1000);
  return diffMs > 0 ? `${span} ago` : `in ${span}`;
}

/** Wall-clock time, 24 h: "14:03:21". `timeZone` defaults to the viewer's. */
export function formatClock(time: TimeInput, timeZone?: string): string {
  const date = toDate(time);
  if (!date) return MISSING;
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
}

/** Date and time, sortable and unambiguous across locales: "2026-11-26 14:03:21". */
export function formatDateTime(time: TimeInput, timeZone?: string): string {
  const date = toDate(time);
  if (!date) return MISSING;
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(date);
  return `${parts} ${formatClock(date, timeZone)}`;
}

/** A count with its noun: plural(1, 'entry', 'entries') -> "1 entry", plural(1200, ...) -> "1,200 entries". */
export const plural = (count: number, one: string, many: string) => `${formatNumber(count, 0)} ${count === 1 ? one : many}`;

/** Ends a message (often Redis' or the server's own words) with exactly one full stop. */
export function endSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** How a metric's values read: decides the formatter of axis, tooltip and current value. */
export type ValueKind = 'bytes' | 'percent' | 'rate' | 'count' | 'ratio' | 'ms';

/** A value with its unit, for tooltips and the current value. `unit` names a rate ("ops/s"). */
export function formatMetricValue(kind: ValueKind, value: number | null | undefined, unit = '/s'): string {
  if (!isFiniteNumber(value)) return MISSING;
  const v = value;
  switch (kind) {
    case 'bytes':
      return formatBytes(v);
    case 'percent':
      return formatPercent(v);
    case 'rate':
      return formatRate(v, unit, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
    case 'count':
      return formatNumber(v, Number.isInteger(v) ? 0 : 1);
    case 'ratio':
      return formatNumber(v, 2);
    case 'ms':
      return formatRate(v, 'ms', v >= 10 ? 1 : v >= 1 ? 2 : 3);
  }
}
