import 'server-only';
import { route } from '@/lib/http/route';
import { sentReportAnswer } from '@/lib/delivery/sent-answer';
import { sentReportQuerySchema } from '@/lib/delivery/types';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

interface SentContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

// One sent weekly report as it was POSTed: JSON with its Markdown, or (format=md) the Markdown itself.
export const GET = async (request: Request, context: SentContext) => {
  const { id } = await context.params;
  return route({ role: 'viewer', query: sentReportQuerySchema }, ({ query }) => sentReportAnswer(server().sentReports, id, query.format))(request);
};
