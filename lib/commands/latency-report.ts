// The answer of GET /api/instances/{id}/latency from its parts: the sampler's PING round trips
// over the window and the latency monitor's reading (or why it could not be read). Pure.
import { ApiError } from '@/lib/api/errors';
import type { LatencyMonitorReading } from '@/lib/redis/latency';
import { pingSummary } from './ping-summary';
import { LATENCY_MONITOR_FIX, type LatencyMonitor, type LatencyResponse } from './types';

/** The monitor as the page shows it: when it is off, the fix the guide gives. */
export function latencyMonitorOf(reading: LatencyMonitorReading): LatencyMonitor {
  const monitorDisabled = reading.thresholdMs === 0;
  return {
    available: true,
    thresholdMs: reading.thresholdMs,
    monitorDisabled,
    fix: monitorDisabled ? `CONFIG SET ${LATENCY_MONITOR_FIX.name} ${LATENCY_MONITOR_FIX.value}` : null,
    events: reading.latest
      .map((event) => ({ ...event, history: reading.history[event.event] ?? [] }))
      .sort((a, b) => b.maxMs - a.maxMs || a.event.localeCompare(b.event)),
    doctor: reading.doctor,
  };
}

/**
 * A latency monitor the ACL user may not read (or renamed commands): the page still shows the
 * PING figures, and says which permission is missing. Any other failure is the route's.
 */
export function latencyMonitorUnavailable(error: unknown): LatencyMonitor {
  if (ApiError.is(error) && error.code === 'REDIS_COMMAND_DENIED') return { available: false, reason: error.message };
  throw error;
}

export function latencyReport(window: { seconds: number; pingsMs: number[] } | null, monitor: LatencyMonitor, targetP95Ms: number): LatencyResponse {
  return { windowSeconds: window?.seconds ?? null, pings: pingSummary(window?.pingsMs ?? [], targetP95Ms), monitor };
}
