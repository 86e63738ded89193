import { instanceRoute } from '@/lib/http/route';
import { KeysQuery } from '@/lib/keys/schemas';
import { listClusterKeys } from '@/lib/redis/cluster-keys';
import { scanKeys } from '@/lib/redis/keys';

export const dynamic = 'force-dynamic';

// On a Redis Cluster: every master in turn, the page's cursor carrying one per master.
export const GET = instanceRoute({ role: 'viewer', query: KeysQuery, wholeCluster: true }, ({ instance, query }) =>
  (instance.topology ? listClusterKeys : scanKeys)(instance, query));
