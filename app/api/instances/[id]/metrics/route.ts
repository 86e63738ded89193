import 'server-only';
import { metricsOf } from '@/lib/history/metrics-query';
import { metricsQuerySchema } from '@/lib/history/types';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// On a cluster: the whole's history, summed by the sampler from its nodes' rows (lib/sampler/cluster-sample.ts).
export const GET = instanceRoute({ role: 'viewer', wholeCluster: true, query: metricsQuerySchema }, ({ instance, query }) =>
  metricsOf(
    server(),
    instance.id,
    query.from !== undefined && query.to !== undefined ? { range: query.range, window: { from: query.from, to: query.to } } : { range: query.range },
    Date.now(),
    server().config,
  ));
