import 'server-only';
import { analysisRunQuerySchema } from '@/lib/analysis/run-query';
import { analysisRunDetail, cancelAnalysis } from '@/lib/analysis/runs';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// instanceRoute reads the instance id; the run id is this route's own segment.
interface RunContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

const runIdOf = async (context: RunContext) => String((await context.params).runId);

export const GET = async (request: Request, context: RunContext) => {
  const runId = await runIdOf(context);
  return instanceRoute({ role: 'viewer', query: analysisRunQuerySchema, wholeCluster: true }, ({ instance, query }) =>
    analysisRunDetail(server().jobs, instance.id, runId, query.compareTo))(request, context);
};

export const DELETE = async (request: Request, context: RunContext) => {
  const runId = await runIdOf(context);
  return instanceRoute({ role: 'viewer', audit: 'analysis.cancel', wholeCluster: true }, ({ instance, auditTarget }) => {
    auditTarget(`run ${runId}`);
    return cancelAnalysis(server().jobs, instance.id, runId);
  })(request, context);
};
