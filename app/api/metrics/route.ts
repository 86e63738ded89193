import { route } from '@/lib/http/route';
import { prometheusText } from '@/lib/metrics/prometheus';
import { appRegistry } from '@/lib/redis/app-registry';
import { appHistory } from '@/lib/sampler/app-sampler';

export const dynamic = 'force-dynamic';

export const GET = route({ role: 'viewer' }, async () => {
  const { sampler } = appHistory();
  const { contentType, body } = await prometheusText(
    appRegistry().list().map((instance) => ({ id: instance.id, ...sampler.latest(instance.id) })),
  );
  return new Response(body, { headers: { 'content-type': contentType } });
});
