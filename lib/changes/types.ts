// Shapes of "what changed" (SPEC section 9: GET /api/instances/{id}/changes), shared by the
// server and the instance page. No server imports.
import type { InstanceEvent } from '@/lib/events/types';
import type { FindingEvent } from '@/lib/health/types';

export const CHANGE_WINDOWS = ['15m', '60m'] as const;
export type ChangeWindow = (typeof CHANGE_WINDOWS)[number];

/** One headline figure over the window and over the same length of time before it. */
export interface ChangeFigure {
  name: string;
  /** 'bytes', 'ratio' (0..1), 'ops/s', 'keys/s', 'clients', 'keys', 'ms', 'entries/min', '' */
  unit: string;
  now: number | null;
  before: number | null;
  /** now - before; null when either is unknown. */
  delta: number | null;
}

export interface ChangesResponse {
  window: ChangeWindow;
  /** unix ms: the window is [from, to), the one before it [from - (to - from), from). */
  from: number;
  to: number;
  figures: ChangeFigure[];
  events: InstanceEvent[];
  findings: { opened: FindingEvent[]; closed: FindingEvent[] };
}
