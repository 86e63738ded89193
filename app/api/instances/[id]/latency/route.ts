import 'server-only';
import { latencyMonitorOf, latencyMonitorUnavailable, latencyReport } from '@/lib/commands/latency-report';
import { instanceRoute } from '@/lib/http/route';
import { readLatencyMonitor } from '@/lib/redis/latency';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer' }, async ({ instance }) => {
  // Not shared between requests like INFO: right after an admin turns the monitor on, the page's
  // refetch must not be answered with the reading from before (four small replies per request).
  const monitor = await instance.run(readLatencyMonitor).then(latencyMonitorOf, latencyMonitorUnavailable);
  const { sampler, config } = server();
  return latencyReport(sampler.pingWindow(instance.id), monitor, config.thresholds.latencyP95MsMax);
});
