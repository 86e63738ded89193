// Shapes of the fleet answer (GET /api/fleet: every instance's status, health and headline
// figures in one reply, for the overview), shared by the server and the overview. No server imports.
import type { InstanceSummary } from '@/lib/api/types';
import type { HealthResponse, Severity } from '@/lib/health/types';
import type { Thresholds } from '@/lib/health-targets';
import type { RecentRates } from '@/lib/api/types';

/** How many findings a card names; the instance page lists them all. */
export const FLEET_TOP_FINDINGS = 3;

export interface FleetFinding {
  id: string;
  title: string;
  severity: Severity;
}

export interface FleetHealth {
  status: HealthResponse['status'];
  /** Active findings per severity. */
  counts: Record<Severity, number>;
  /** The most severe active findings (at most FLEET_TOP_FINDINGS), most severe first. */
  top: FleetFinding[];
  /** When the sampler last evaluated the rules (unix ms); null before the first sample. */
  evaluatedAt: number | null;
}

/** The sampler's latest figures of an instance that answered INFO; nothing here asks Redis. */
export interface FleetFigures {
  /** When the sampler read them, unix ms. */
  sampledAt: number;
  version: string;
  role: 'primary' | 'replica';
  usedMemoryBytes: number | null;
  /** null when maxmemory is 0 (no limit). */
  maxmemoryBytes: number | null;
  connectedClients: number | null;
  /** Keys of every db. */
  keys: number | null;
  fragmentationRatio: number | null;
  /** p95 of the sampler's PING round trips, ms. */
  pingP95Ms: number | null;
  /**
   * Hit ratio and ops/s over the rule window (about the last minute, its length in `windowSeconds`),
   * Redlens's own traffic out; null until the sampler has two samples.
   */
  recent: RecentRates | null;
}

export interface FleetInstance extends InstanceSummary {
  /** Up by PING, but INFO is renamed or denied: no figures, which is not "down". */
  infoUnavailable: boolean;
  health: FleetHealth;
  /** null while down, while INFO is unavailable, and before the first sample. */
  figures: FleetFigures | null;
}

export interface FleetResponse {
  instances: FleetInstance[];
  /** The health thresholds in force (the config file's over the defaults): the cards' verdicts. */
  thresholds: Thresholds;
}
