// The `slowlog-reset` event of a reset through Redlens (SPEC section 9): who did it and how many
// entries were archived first. Resets by other clients are found by the sampler (lib/events/detect.ts).
import type { InstanceEvent } from '@/lib/events/types';
import { formatNumber } from '@/lib/format';

/** Where the event goes (lib/events/events-store.ts). */
export interface ResetEventSink {
  record(instance: string, events: InstanceEvent[]): void;
}

export function slowlogResetEvent(at: number, archived: number, actor: string): InstanceEvent {
  return {
    at, kind: 'slowlog-reset', title: `Slow log reset by ${actor} through Redlens`,
    detail: `${formatNumber(archived, 0)} ${archived === 1 ? 'entry' : 'entries'} archived, then SLOWLOG RESET.`,
    before: { entries: archived }, after: { entries: 0 }, actor,
  };
}

/**
 * Records the event; Redis was reset and every entry archived by then, so a store that fails
 * only now is logged rather than turned into a failed answer.
 */
export function recordSlowlogReset(sink: ResetEventSink, instance: string, archived: number, actor: string, at = Date.now()): void {
  try {
    sink.record(instance, [slowlogResetEvent(at, archived, actor)]);
  } catch (error) {
    console.error(`[redlens] the slow log reset of ${instance} was done, but its event could not be stored`, error);
  }
}
