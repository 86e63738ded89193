// One event as a list item: its kind (in words, with a severity mark), when, the title, the
// evidence, before -> after and who. Shared by the timeline and "what changed".
import type { InstanceEvent } from '@/lib/events/types';
import { formatDateTime } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { SEVERITY_DISPLAY } from '@/components/health/severity-badge';
import { beforeAfterText, eventLabel, eventSeverity } from './model/event-view';

export function EventItem({ event }: { event: InstanceEvent }) {
  const severity = eventSeverity(event.kind);
  const { mark, word, tone } = SEVERITY_DISPLAY[severity];
  const change = beforeAfterText(event);
  return (
    <li className="py-2" data-testid="event" data-kind={event.kind} data-severity={severity}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Badge tone={tone}>
          <span aria-hidden="true">{mark}</span>
          <span className="sr-only">{word}:</span> {eventLabel(event.kind)}
        </Badge>
        <time dateTime={new Date(event.at).toISOString()} className="text-xs tabular-nums text-slate-600">
          {formatDateTime(event.at)}
        </time>
        <span className="font-medium text-slate-900">{event.title}</span>
      </div>
      {event.detail ? <p className="mt-0.5 break-words text-sm text-slate-700">{event.detail}</p> : null}
      {change || event.actor ? (
        <p className="mt-0.5 break-words text-xs text-slate-600">
          {change ? <span className="font-mono">{change}</span> : null}
          {change && event.actor ? ' · ' : null}
          {event.actor ? <span>by {event.actor}</span> : null}
        </p>
      ) : null}
    </li>
  );
}
