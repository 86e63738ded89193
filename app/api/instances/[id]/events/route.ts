import 'server-only';
import { eventsQuerySchema, type EventsResponse } from '@/lib/events/types';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// On a cluster: its own events (a failover between two discoveries, no node answering); each node's are on the node.
export const GET = instanceRoute({ role: 'viewer', wholeCluster: true, query: eventsQuerySchema }, ({ instance, query }): EventsResponse => {
  const { from, to, limit } = query;
  return { from, to, ...server().events.list(instance.id, from, to, limit) };
});
