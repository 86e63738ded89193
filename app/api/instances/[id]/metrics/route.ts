import { appConfig } from '@/lib/config/app-config';
import { metricsOf } from '@/lib/history/metrics-query';
import { metricsQuerySchema } from '@/lib/history/types';
import { instanceRoute } from '@/lib/http/route';
import { appHistory } from '@/lib/sampler/app-sampler';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer', query: metricsQuerySchema }, ({ instance, query }) =>
  metricsOf(appHistory(), instance.id, query.range, Date.now(), appConfig().sampleIntervalSeconds));
