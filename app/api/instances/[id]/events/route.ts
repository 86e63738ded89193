import 'server-only';
import { eventsQuerySchema, type EventsResponse } from '@/lib/events/types';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer', query: eventsQuerySchema }, ({ instance, query }): EventsResponse => {
  const { from, to, limit } = query;
  return { from, to, ...server().events.list(instance.id, from, to, limit) };
});
