import 'server-only';
import { metricsOf } from '@/lib/history/metrics-query';
import { metricsQuerySchema } from '@/lib/history/types';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer', query: metricsQuerySchema }, ({ instance, query }) =>
  metricsOf(server(), instance.id, query.range, Date.now(), server().config));
