// Shapes of "what changed" (SPEC section 9: GET /api/instances/{id}/changes), shared by the
// server and the instance page. No server imports.
import { z } from 'zod';
import type { InstanceEvent } from '@/lib/events/types';
import type { FindingEvent } from '@/lib/health/types';

export const CHANGE_WINDOWS = ['15m', '60m'] as const;
export type ChangeWindow = (typeof CHANGE_WINDOWS)[number];
export const DEFAULT_CHANGE_WINDOW: ChangeWindow = '15m';

export const CHANGE_WINDOW_MS: Record<ChangeWindow, number> = { '15m': 15 * 60_000, '60m': 60 * 60_000 };

/** The headline figures, in the order the panel lists them. */
export const CHANGE_FIGURE_IDS = [
  'usedMemory',
  'hitRatio',
  'opsPerSec',
  'evictedPerSec',
  'connectedClients',
  'keys',
  'fragmentationRatio',
  'pingP95Ms',
  'slowlogPerMin',
] as const;
export type ChangeFigureId = (typeof CHANGE_FIGURE_IDS)[number];

/**
 * How a figure sums up a window: `latest` for gauges (a level: what it is now matters, an
 * average would blur a drop that just happened), `average` for rates, ratios and latencies (one
 * sample is noise; the window's mean is the figure).
 */
export type ChangeMeasure = 'latest' | 'average';

/** One headline figure over the window and over the same length of time before it. */
export interface ChangeFigure {
  id: ChangeFigureId;
  name: string;
  /** 'bytes', 'ratio' (0..1), 'ops/s', 'keys/s', 'clients', 'keys', 'ms', 'entries/min', '' */
  unit: string;
  measure: ChangeMeasure;
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
  /** Events of the window, newest first. */
  events: InstanceEvent[];
  /** More events than one answer carries happened in the window: the newest are here. */
  eventsTruncated: boolean;
  /** Findings that opened, and that closed, in the window. */
  findings: { opened: FindingEvent[]; closed: FindingEvent[] };
}

/** GET /api/instances/{id}/changes?window=15m|60m; no window means 15 m, anything else is a 400. */
export const changesQuerySchema = z.object({ window: z.enum(CHANGE_WINDOWS).default(DEFAULT_CHANGE_WINDOW) }).strict();

/** `?window=` of a page URL: anything unknown reads as the default, as a link may be old. */
export const parseChangeWindow = (value: string | null | undefined): ChangeWindow =>
  (CHANGE_WINDOWS as readonly string[]).includes(value ?? '') ? (value as ChangeWindow) : DEFAULT_CHANGE_WINDOW;
