import { instanceRoute } from '@/lib/http/route';
import { readClusterSlowlog } from '@/lib/slowlog/cluster';
import { readSlowlog } from '@/lib/slowlog/live';
import { withOwnEntries } from '@/lib/slowlog/own-entries';
import { slowlogLiveQuerySchema } from '@/lib/slowlog/types';

export const dynamic = 'force-dynamic';

// A Redis Cluster instance answers every node's slow log merged, each entry with its node.
export const GET = instanceRoute({ role: 'viewer', query: slowlogLiveQuerySchema, wholeCluster: true }, async ({ instance, query }) =>
  withOwnEntries(await (instance.topology ? readClusterSlowlog(instance) : readSlowlog(instance)), query.own === 'show'));
