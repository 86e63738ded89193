import 'server-only';
import { route } from '@/lib/http/route';
import { reportOfFleet, weekOf } from '@/lib/report/report';
import { fleetReportAnswer } from '@/lib/report/respond';
import { reportQuerySchema } from '@/lib/report/types';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// Every configured instance; the nodes of a Redis Cluster (memberOf) are in their cluster's report.
export const GET = route({ role: 'viewer', query: reportQuerySchema }, async ({ query }) => {
  const now = Date.now();
  const instances = server().registry.list().filter((instance) => !instance.memberOf);
  return fleetReportAnswer(await reportOfFleet(server(), instances, weekOf(query.week, now), server().config, now), query.format);
});
