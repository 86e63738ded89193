// The instance list (GET /api/instances, the overview): each instance's shared PING status, and
// for a node of a Redis Cluster the cluster it belongs to. A cluster's topology is asked first
// (cached CLUSTER_VIEW_MAX_AGE_MS) so its nodes are listed from the first request on.
import 'server-only';
import type { InstanceSummary } from '@/lib/api/types';
import type { Registry, RedisInstance } from '@/lib/redis/registry';

/** How long the list waits for a cluster's discovery before answering with the nodes known. */
export const DISCOVERY_WAIT_MS = 1_000;

const summaryOf = async (instance: RedisInstance): Promise<InstanceSummary> => ({
  ...(await instance.summary()),
  ...(instance.memberOf && { memberOf: { clusterId: instance.memberOf.clusterId, clusterName: instance.memberOf.clusterName } }),
});

/** Every instance, nodes included (`withNodes`), or only those the overview shows as cards. */
export async function instanceSummaries(registry: Registry, { withNodes }: { withNodes: boolean }): Promise<InstanceSummary[]> {
  if (withNodes) {
    // A cluster that no node answers is listed as down by its own summary; its nodes as last
    // known. A slow discovery (nodes that time out one after the other) does not hold the list.
    const discoveries = registry.list().map((instance) => instance.topology?.current().catch(() => null));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(discoveries), new Promise((resolve) => { timer = setTimeout(resolve, DISCOVERY_WAIT_MS); })]);
    clearTimeout(timer);
  }
  return Promise.all(registry.list().filter((instance) => withNodes || !instance.memberOf).map(summaryOf));
}
