import 'server-only';
import type { InstancesResponse } from '@/lib/api/types';
import { instanceSummaries } from '@/lib/fleet/summaries';
import { route } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// Every instance, a cluster's nodes included (each with `memberOf`: the pages of one node).
export const GET = route({ role: 'viewer' }, async (): Promise<InstancesResponse> => ({
  instances: await instanceSummaries(server().registry, { withNodes: true }),
}));
