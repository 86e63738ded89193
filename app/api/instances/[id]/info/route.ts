import 'server-only';
import type { InfoResponse } from '@/lib/api/types';
import { instanceRoute } from '@/lib/http/route';
import { fetchInfo } from '@/lib/redis/info';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// The thresholds ride along so the page judges its figures by the ones the health rules use, and
// the sampler's window rates so the header shows a recent hit ratio, not INFO's since restart.
export const GET = instanceRoute({ role: 'viewer' }, async ({ instance }): Promise<InfoResponse> => ({
  ...(await fetchInfo(instance)),
  thresholds: server().config.thresholds,
  recent: server().sampler.recentRates(instance.id),
}));
