import 'server-only';
import { route } from '@/lib/http/route';
import { prometheusText } from '@/lib/metrics/prometheus';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

export const GET = route({ role: 'viewer' }, async () => {
  const { registry, sampler } = server();
  const { contentType, body } = await prometheusText(
    registry.list().map((instance) => ({ id: instance.id, ...sampler.latest(instance.id) })),
  );
  return new Response(body, { headers: { 'content-type': contentType } });
});
