// GET /api/reports/sent/{id}: one sent weekly report, as JSON or as the Markdown that was POSTed.
import 'server-only';
import { badRequest, notFound } from '@/lib/api/errors';
import { reportFileName } from '@/lib/report/types';
import type { SentReports } from './sent-reports';
import { sentReportParamsSchema, type SENT_REPORT_FORMATS, type SentReport } from './types';

export function sentReportAnswer(sent: SentReports, id: unknown, format: (typeof SENT_REPORT_FORMATS)[number]): SentReport | Response {
  const parsed = sentReportParamsSchema.safeParse({ id });
  if (!parsed.success) throw badRequest(`id: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  const report = sent.get(Number(parsed.data.id));
  if (!report) throw notFound(`No sent report with id ${parsed.data.id}.`);
  if (format === 'json') return report;
  return new Response(report.markdown, {
    headers: {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `inline; filename="${reportFileName('fleet', report.week, 'md')}"`,
      'x-content-type-options': 'nosniff',
    },
  });
}
