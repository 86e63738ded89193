import 'server-only';
import { fleetWithClusters } from '@/lib/fleet/cluster';
import { instanceSummaries } from '@/lib/fleet/summaries';
import type { FleetResponse } from '@/lib/fleet/types';
import { route } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// One reply for the overview: the shared PINGs for status, everything else from the sampler; a
// cluster is one card (its nodes are sampled, not PINGed here).
export const GET = route({ role: 'viewer' }, async (): Promise<FleetResponse> => {
  const { registry, sampler, config } = server();
  return fleetWithClusters(await instanceSummaries(registry, { withNodes: false }), sampler, config.thresholds);
});
