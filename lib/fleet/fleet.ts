// The fleet answer assembled from what is already known: the registry's (shared) PING status and
// the sampler's latest sample, health and window rates. No INFO per request: the sampler read it.
import 'server-only';
import type { InfoSections, InstanceSummary } from '@/lib/api/types';
import { SEVERITY_RANK, type HealthResponse, type Severity } from '@/lib/health/types';
import type { Thresholds } from '@/lib/health-targets';
import type { RecentRates } from '@/lib/api/types';
import type { SampleRow } from '@/lib/history/types';
import { deriveInfo } from '@/lib/redis/derive-info';
import { FLEET_TOP_FINDINGS, type FleetFigures, type FleetHealth, type FleetInstance, type FleetResponse } from './types';

/** The part of the sampler the fleet reads (lib/sampler/sampler.ts). */
export interface FleetSamples {
  latest(id: string): { sections: InfoSections | null; row: SampleRow | null; health: HealthResponse; infoUnavailable: boolean };
  recentRates(id: string): RecentRates | null;
}

export function fleetResponse(summaries: InstanceSummary[], samples: FleetSamples, thresholds: Thresholds): FleetResponse {
  return { instances: summaries.map((summary) => fleetInstance(summary, samples)), thresholds };
}

export function fleetInstance(summary: InstanceSummary, samples: FleetSamples): FleetInstance {
  const latest = samples.latest(summary.id);
  const up = summary.status === 'up';
  // The PING is newer than the sample: a Redis down now shows no figures from before it went down.
  const figures = up && !latest.infoUnavailable ? figuresOf(latest.row, latest.sections, samples.recentRates(summary.id)) : null;
  return { ...summary, infoUnavailable: up && latest.infoUnavailable, health: healthOf(latest.health), figures };
}

export function healthOf(health: HealthResponse): FleetHealth {
  const counts: Record<Severity, number> = { critical: 0, warning: 0, info: 0 };
  for (const finding of health.findings) counts[finding.severity] += 1;
  const top = [...health.findings]
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
    .slice(0, FLEET_TOP_FINDINGS)
    .map(({ id, title, severity }) => ({ id, title, severity }));
  return { status: health.status, counts, top, evaluatedAt: health.evaluatedAt };
}

/** null before the first sample and when the latest one found Redis down or without INFO. */
export function figuresOf(row: SampleRow | null, sections: InfoSections | null, recent: RecentRates | null): FleetFigures | null {
  if (!row || !row.up || !sections) return null;
  const { values } = row;
  const derived = deriveInfo(sections);
  return {
    sampledAt: row.ts,
    version: derived.version,
    role: derived.role,
    usedMemoryBytes: values.usedMemory,
    maxmemoryBytes: values.maxmemory,
    connectedClients: values.connectedClients,
    keys: values.keys,
    fragmentationRatio: values.fragmentationRatio,
    pingP95Ms: values.pingP95Ms,
    recent,
  };
}
