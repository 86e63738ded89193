import 'server-only';
import { ApiError, badRequest } from '@/lib/api/errors';
import { clusterResponse } from '@/lib/fleet/cluster';
import type { ClusterResponse } from '@/lib/fleet/types';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// A Redis Cluster's nodes, slots and state (the topology, asked again when older than 5 s) with
// the sampler's figures of each node and of the whole; no INFO per request.
export const GET = instanceRoute({ role: 'viewer', wholeCluster: true }, async ({ instance }): Promise<ClusterResponse> => {
  if (!instance.topology) throw badRequest(`"${instance.id}" is not a Redis Cluster instance: it has no cluster view.`);
  const { sampler, config } = server();
  try {
    return clusterResponse(instance.id, await instance.topology.current(), sampler, config.thresholds);
  } catch (error) {
    // No node answers now: the last topology, said to be so, beats an empty page; none yet is the error.
    const last = instance.topology.last;
    if (!last || !ApiError.is(error)) throw error;
    return clusterResponse(instance.id, last, sampler, config.thresholds, error.message);
  }
});
