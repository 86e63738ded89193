// Shapes of events and "what changed" (SPEC section 9), shared by the sampler, the API and the
// pages. No server imports.

/** Every kind of event, in the order the timeline's legend lists them. */
export const EVENT_KINDS = [
  'restart',
  'data-loss',
  'role-change',
  'config-change',
  'down',
  'up',
  'oom-errors',
  'rejected-connections',
  'evictions-started',
  'slowlog-reset',
  'finding-opened',
  'finding-closed',
  'admin-action',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A JSON value an event compares: a setting, a role, key counts. */
export type EventValue = string | number | boolean | null | Record<string, string | number | boolean | null>;

export interface InstanceEvent {
  /** unix ms */
  at: number;
  kind: EventKind;
  title: string;
  /** The evidence, with numbers and units. */
  detail: string;
  before?: EventValue;
  after?: EventValue;
  /** Who, for a change made through Redlens. */
  actor?: string;
}

export interface EventsResponse {
  from: number;
  to: number;
  events: InstanceEvent[];
  /** More events than one answer carries matched: the newest `events.length` are here. */
  truncated: boolean;
}
