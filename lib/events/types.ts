// Shapes of events and "what changed" (SPEC section 9), shared by the sampler, the API and the
// pages. No server imports.
import { z } from 'zod';

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

const DAY_MS = 86_400_000;

/** GET /api/instances/{id}/events?from&to&limit: unix ms; by default the last 24 hours. */
export const eventsQuerySchema = z
  .object({
    from: z.coerce.number().int().min(0).optional(),
    to: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  })
  .strict()
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: 'from must not be after to',
    path: ['from'],
  })
  .transform(({ from, to, limit }) => {
    const end = to ?? Date.now();
    return { from: from ?? Math.max(0, end - DAY_MS), to: end, limit };
  });
