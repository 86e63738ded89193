import 'server-only';
import { ApiError, badRequest } from '@/lib/api/errors';
import { sentReportParamsSchema } from '@/lib/delivery/types';
import { route } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

interface SentContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

// An admin sends a weekly report whose delivery failed again, as it was made: 202 with its row
// (`sending`); 409 unless it failed, or when reports are not configured. Audited with its week.
export const POST = async (request: Request, context: SentContext) => {
  const { id } = await context.params;
  return route({ role: 'admin', audit: 'report.resend' }, ({ auditTarget }) => {
    const parsed = sentReportParamsSchema.safeParse({ id });
    if (!parsed.success) throw badRequest(`id: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
    const delivery = server().reportDelivery;
    if (!delivery) throw new ApiError('CONFLICT', 'Weekly reports are not sent: the configuration has no `reports` (weekday, hour, webhook).');
    auditTarget(`sent report ${parsed.data.id}`);
    const report = delivery.resend(Number(parsed.data.id));
    auditTarget(`sent report ${report.id} (${report.week})`);
    return Response.json(report, { status: 202 });
  })(request);
};
