import 'server-only';
import { fleetResponse } from '@/lib/fleet/fleet';
import type { FleetResponse } from '@/lib/fleet/types';
import { route } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// One reply for the overview: the shared PINGs for status, everything else from the sampler.
export const GET = route({ role: 'viewer' }, async (): Promise<FleetResponse> => {
  const { registry, sampler, config } = server();
  const summaries = await Promise.all(registry.list().map((instance) => instance.summary()));
  return fleetResponse(summaries, sampler, config.thresholds);
});
