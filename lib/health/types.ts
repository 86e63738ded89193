// Shapes of the health findings (rules, findings store, health API), shared by the server and the
// pages. No server imports.

export type Severity = 'info' | 'warning' | 'critical';

/** Most severe first, for sorting. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * Findings one range answer (the metrics' `findings`) carries at most besides the open ones: the
 * newest; past it the oldest of the range are left out.
 */
export const FINDING_EVENTS_MAX = 500;

export interface FindingEvent {
  id: string;
  severity: Severity;
  title: string;
  startedAt: number;
  /** null while the finding is still active */
  endedAt: number | null;
}

export interface Finding {
  id: string;
  severity: Severity;
  title: string;
  /** The evidence, with numbers and units. */
  detail: string;
  value: number | string | null;
  threshold: number | string | null;
  /** What to do, one or two lines. */
  remediation: string;
  /** When this finding started (unix ms). */
  since: number;
}

export interface HealthResponse {
  status: 'ok' | 'warning' | 'critical';
  findings: Finding[];
  /** When the sampler last evaluated the rules; null before the first sample. */
  evaluatedAt: number | null;
}

/**
 * How much each INFO counter grew over `seconds` (between two samples, or over a rule's window).
 * `commands`, `hits` and `misses` are the application's: Redlens's own taken out (SPEC section 8);
 * the `...Raw` ones are INFO's.
 */
export interface CounterDelta {
  seconds: number;
  commands: number;
  hits: number;
  misses: number;
  commandsRaw: number;
  hitsRaw: number;
  missesRaw: number;
  oomErrors: number;
  rejectedConnections: number;
  evicted: number;
  expired: number;
  netInput: number;
  netOutput: number;
}
