import 'server-only';
import { instanceRoute } from '@/lib/http/route';
import { reportOfInstance, weekOf } from '@/lib/report/report';
import { instanceReportAnswer } from '@/lib/report/respond';
import { reportQuerySchema } from '@/lib/report/types';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// Read from Redlens's own store (it answers while Redis is down), plus the current week's
// CLIENT LIST for who is connected; a cluster's history, events and findings are under its own id.
export const GET = instanceRoute({ role: 'viewer', wholeCluster: true, query: reportQuerySchema }, async ({ instance, query }) => {
  const now = Date.now();
  const report = await reportOfInstance(server(), instance, weekOf(query.week, now), server().config, now);
  return instanceReportAnswer(report, query.format);
});
