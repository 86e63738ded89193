import 'server-only';
import { instanceRoute } from '@/lib/http/route';
import { cancelJob, jobDetail } from '@/lib/jobs/detail';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// instanceRoute reads the instance id; the job id is this route's own segment.
interface JobContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

const jobIdOf = async (context: JobContext) => String((await context.params).jobId);

export const GET = async (request: Request, context: JobContext) => {
  const jobId = await jobIdOf(context);
  // A cluster instance's jobs (a bulk delete over its masters) are its own: read from the store.
  return instanceRoute({ role: 'viewer', wholeCluster: true }, ({ instance }) => jobDetail(server().jobs, instance.id, jobId))(request, context);
};

export const DELETE = async (request: Request, context: JobContext) => {
  const jobId = await jobIdOf(context);
  return instanceRoute({ role: 'admin', audit: 'job.cancel', wholeCluster: true }, ({ instance, auditTarget }) => {
    auditTarget(`job ${jobId}`);
    return cancelJob(server().jobs, instance.id, jobId);
  })(request, context);
};
