'use client';
// The events of the last 24 hours on the instance page, newest first (SPEC section 9).
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useEvents } from '@/lib/queries/events';
import { POLL_EVENTS_MS } from '@/lib/queries/poll';
import { RANGE_LABELS, type TimeRange } from '@/lib/time-range';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { EventItem } from './event-item';

/** The range the timeline lists; the same key as a 24 h history section, so they share a request. */
const TIMELINE_RANGE: TimeRange = '24h';

export function EventTimeline({ id }: { id: string }) {
  const events = useEvents(id, TIMELINE_RANGE);
  const span = RANGE_LABELS[TIMELINE_RANGE].long;
  return (
    <Panel title={`Events of the last ${span}`} data-testid="event-timeline">
      <QueryState
        query={events}
        loading={
          <Loading label="Loading events…">
            <Skeleton className="h-12 w-full" />
          </Loading>
        }
        failed={(error) => (
          <ErrorState title="Cannot load the events" message={error.message} code={errorCodeOf(error)} data-testid="events-error">
            Redlens retries every {POLL_EVENTS_MS / 1000} s.
          </ErrorState>
        )}
        refreshFailed={{ title: 'Could not refresh the events' }}
      >
        {(data) =>
          data.events.length === 0 ? (
            <p className="text-sm text-slate-600" data-testid="events-empty">
              No events in the last {span}: no restart, failover, config change, refused write or finding opened.
            </p>
          ) : (
            <>
              {data.truncated ? (
                <p className="mb-2 text-sm text-slate-700">
                  Showing the newest {data.events.length} events; older ones of the last {span} are not listed.
                </p>
              ) : null}
              <ol className="divide-y divide-slate-100" aria-label="Events, newest first">
                {data.events.map((event, index) => (
                  <EventItem key={`${event.at}-${event.kind}-${index}`} event={event} />
                ))}
              </ol>
            </>
          )
        }
      </QueryState>
    </Panel>
  );
}
