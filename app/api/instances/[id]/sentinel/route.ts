import 'server-only';
import type { SentinelResponse } from '@/lib/api/sentinel';
import { instanceRoute } from '@/lib/http/route';
import { readSentinelView } from '@/lib/redis/sentinel';

export const dynamic = 'force-dynamic';

// `{sentinel: null}` for an instance that is not a Sentinel deployment.
export const GET = instanceRoute({ role: 'viewer' }, async ({ instance }): Promise<SentinelResponse> => ({
  sentinel: await readSentinelView(instance),
}));
