// How an event reads on the page: its kind in words, how serious it is, its before -> after,
// and the order that puts what an on-call engineer must see first on top.
import type { EventKind, EventValue, InstanceEvent } from '@/lib/events/types';
import { SEVERITY_RANK, type Severity } from '@/lib/health/types';
import { formatClock, formatNumber } from '@/lib/format';

export const EVENT_LABELS: Record<EventKind, string> = {
  restart: 'Restart',
  'data-loss': 'Data loss',
  'role-change': 'Role change',
  'config-change': 'Config change',
  down: 'Down',
  up: 'Up',
  'oom-errors': 'OOM errors',
  'rejected-connections': 'Rejected connections',
  'evictions-started': 'Evictions started',
  'slowlog-reset': 'Slow log reset',
  'finding-opened': 'Finding opened',
  'finding-closed': 'Finding closed',
  'admin-action': 'Admin action',
};

/**
 * Critical: data is gone, writes or connections are refused, or Redis is not answering.
 * Warning: the ground moved (a restart, a failover, evictions began). The rest is information.
 */
export const EVENT_SEVERITY: Record<EventKind, Severity> = {
  'data-loss': 'critical',
  'oom-errors': 'critical',
  'rejected-connections': 'critical',
  down: 'critical',
  restart: 'warning',
  'role-change': 'warning',
  'evictions-started': 'warning',
  'slowlog-reset': 'info',
  'config-change': 'info',
  up: 'info',
  'finding-opened': 'info',
  'finding-closed': 'info',
  'admin-action': 'info',
};

/** An unknown kind (a newer server) reads as information, never breaks the page. */
export const eventSeverity = (kind: string): Severity => EVENT_SEVERITY[kind as EventKind] ?? 'info';
export const eventLabel = (kind: string): string => EVENT_LABELS[kind as EventKind] ?? kind;

/** Most serious first, then newest first: a data loss never hides under a page of config changes. */
export function bySeverityThenNewest(events: readonly InstanceEvent[]): InstanceEvent[] {
  return [...events].sort((a, b) => SEVERITY_RANK[eventSeverity(a.kind)] - SEVERITY_RANK[eventSeverity(b.kind)] || b.at - a.at);
}

function scalarText(value: string | number | boolean | null): string {
  if (value === null) return 'none';
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/** A before or after value as text: `{keys: 56012}` -> "keys 56,012"; `{maxmemory: "0"}` -> "maxmemory 0". */
export function eventValueText(value: EventValue | undefined): string | null {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return scalarText(value);
  const parts = Object.entries(value).map(([name, item]) => `${name} ${scalarText(item)}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** "before -> after" when the event carries either. */
export function beforeAfterText(event: InstanceEvent): string | null {
  const before = eventValueText(event.before);
  const after = eventValueText(event.after);
  if (before === null && after === null) return null;
  return `${before ?? '?'} → ${after ?? '?'}`;
}

/** What a chart mark says to a pointer (its tooltip) and to a screen reader. */
export const eventMarkLabel = (event: InstanceEvent): string => `${eventLabel(event.kind)} at ${formatClock(event.at)}: ${event.title}`;
