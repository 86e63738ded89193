import { instanceRoute } from '@/lib/http/route';
import { clusterDatabases } from '@/lib/redis/cluster-keys';
import { listDatabases } from '@/lib/redis/db-connections';

export const dynamic = 'force-dynamic';

// A Redis Cluster has db 0 only: its keys summed over the masters.
export const GET = instanceRoute({ role: 'viewer', wholeCluster: true }, ({ instance }) =>
  (instance.topology ? clusterDatabases : listDatabases)(instance));
