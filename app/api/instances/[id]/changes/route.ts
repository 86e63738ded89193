import 'server-only';
import { changesOf } from '@/lib/changes/changes';
import { changesQuerySchema } from '@/lib/changes/types';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// On a cluster: the whole's figures, events and findings, all recorded under the cluster's id,
// and its nodes' slow log entries together (the cluster has no slow log of its own).
export const GET = instanceRoute({ role: 'viewer', wholeCluster: true, query: changesQuerySchema }, ({ instance, query }) =>
  changesOf(server(), instance.id, query.window, Date.now(), server().config, instance.topology ? instance.topology.known().map((node) => node.id) : instance.id));
