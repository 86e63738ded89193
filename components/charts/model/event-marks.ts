// Events as vertical marks on the history charts: those inside the range shown, oldest first,
// each with the words its tooltip and screen-reader label say.
import type { InstanceEvent } from '@/lib/events/types';
import type { Severity } from '@/lib/health/types';
import { eventMarkLabel, eventSeverity } from '@/components/events/model/event-view';

export interface EventMark {
  /** Unique within a range: two events can share a millisecond. */
  key: string;
  at: number;
  kind: string;
  severity: Severity;
  /** "Restart at 14:03:21: Redis restarted" */
  label: string;
}

/** Recharts discards a reference line outside the axis domain anyway; dropping them here keeps the counts true. */
export function eventMarks(events: readonly InstanceEvent[], from: number, to: number): EventMark[] {
  return events
    .filter((event) => event.at >= from && event.at <= to)
    .sort((a, b) => a.at - b.at)
    .map((event, index) => ({
      key: `${event.kind}@${event.at}#${index}`,
      at: event.at,
      kind: event.kind,
      severity: eventSeverity(event.kind),
      label: eventMarkLabel(event),
    }));
}
