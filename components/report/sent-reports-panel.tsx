'use client';
// The weekly reports Redlens POSTed to the chat webhook (SPEC section 13, the config's
// `reports`): when they go out, each week's status, and each one openable as it was sent (its
// Markdown, as text) or downloadable. Below the fleet's report, left out of print.
import { useState } from 'react';
import type { SentReportStatus, SentReportSummary } from '@/lib/delivery/types';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { sentReportMarkdownUrl, useResendReport, useSentReport, useSentReports } from '@/lib/queries/sent-reports';
import { canMutate } from '@/lib/api/roles';
import { formatUtc } from '@/lib/report/format';
import { weekdayName } from '@/lib/weekdays';
import { useMe } from '@/components/auth/me-context';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { QueryState } from '@/components/ui/query-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import type { Tone } from '@/components/ui/tone';
import { useToast } from '@/components/ui/toast';

export const SENT_REPORTS_ANCHOR = 'sent-reports';

const STATUS: Record<SentReportStatus, { label: string; tone: Tone }> = {
  sending: { label: 'Sending', tone: 'warn' },
  sent: { label: 'Sent', tone: 'ok' },
  failed: { label: 'Failed', tone: 'bad' },
};

const TH = 'px-2 py-1 text-left text-xs font-medium text-slate-600';
const TD = 'px-2 py-1 align-top';

export function SentReportsPanel() {
  const query = useSentReports();
  return (
    <section id={SENT_REPORTS_ANCHOR} aria-labelledby={`${SENT_REPORTS_ANCHOR}-title`} className="scroll-mt-4 print:hidden" data-testid="sent-reports">
      <Card>
        <h2 id={`${SENT_REPORTS_ANCHOR}-title`} className="mb-2 text-lg font-semibold text-slate-900">
          Sent to the webhook
        </h2>
        <QueryState
          query={query}
          loading={
            <Loading label="Loading the sent reports">
              <Skeleton className="h-16 w-full" />
            </Loading>
          }
          failed={(error) => <ErrorState title="Cannot list the sent reports" message={error.message} code={errorCodeOf(error)} />}
          refreshFailed={{ title: 'Could not refresh the sent reports' }}
        >
          {({ schedule, reports }) => (
            <>
              <p className="mb-2 text-sm text-slate-600">
                {schedule
                  ? `The fleet's report of the week before is POSTed every ${weekdayName(schedule.weekday)} at ${String(schedule.hour).padStart(2, '0')}:00 UTC; each is kept here as it was sent.`
                  : "Reports are not sent: set `reports` ({weekday, hour, webhook}) in the configuration to POST each week's fleet report to a chat webhook."}
              </p>
              {reports.length === 0 ? (
                schedule ? <p className="text-sm text-slate-600">None sent yet.</p> : null
              ) : (
                <SentReportsTable reports={reports} />
              )}
            </>
          )}
        </QueryState>
      </Card>
    </section>
  );
}

function SentReportsTable({ reports }: { reports: SentReportSummary[] }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div className="table-scroll">
      <table className="w-full text-sm" data-testid="sent-reports-table">
        <thead>
          <tr>
            <th className={TH}>Week</th>
            <th className={TH}>Status</th>
            <th className={TH}>Made</th>
            <th className={TH}>Taken by the webhook</th>
            <th className={`${TH} text-right`}>Attempts</th>
            <th className={TH}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <SentReportRow key={report.id} report={report} open={open === report.id} onToggle={() => setOpen(open === report.id ? null : report.id)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SentReportRow({ report, open, onToggle }: { report: SentReportSummary; open: boolean; onToggle: () => void }) {
  const textId = `sent-report-${report.id}`;
  const mayResend = canMutate(useMe()) && report.status === 'failed';
  return (
    <>
      <tr className="border-t border-slate-100" data-testid="sent-report-row">
        <td className={`${TD} font-medium`}>{report.week}</td>
        <td className={TD}>
          <Badge tone={STATUS[report.status].tone}>{STATUS[report.status].label}</Badge>
          {report.error ? <span className="ml-2 text-xs text-slate-600">{report.error}</span> : null}
        </td>
        <td className={`${TD} whitespace-nowrap`}>{formatUtc(report.generatedAt)}</td>
        <td className={`${TD} whitespace-nowrap`}>{report.sentAt === null ? '—' : formatUtc(report.sentAt)}</td>
        <td className={`${TD} text-right tabular-nums`}>{report.attempts}</td>
        <td className={`${TD} whitespace-nowrap text-right`}>
          {mayResend ? <ResendButton report={report} /> : null}{' '}
          <Button onClick={onToggle} aria-expanded={open} aria-controls={open ? textId : undefined}>
            {open ? 'Close' : 'Open as sent'}
          </Button>{' '}
          <a
            href={sentReportMarkdownUrl(report.id)}
            download
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Markdown<span className="sr-only"> of {report.week}</span>
          </a>
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={6} className="px-2 pb-3">
            <SentReportText id={report.id} textId={textId} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** An admin's "Send again" of a failed delivery: the same Markdown, POSTed once more. */
function ResendButton({ report }: { report: SentReportSummary }) {
  const resend = useResendReport();
  const { toast } = useToast();
  return (
    <Button
      onClick={() =>
        resend.mutate(report.id, {
          onSuccess: () => toast(`Sending the report of ${report.week} to the webhook again.`),
          onError: (error) => toast(`The report of ${report.week} was not sent again: ${error.message}`, 'error'),
        })
      }
      disabled={resend.isPending}
      aria-busy={resend.isPending}
    >
      {resend.isPending ? 'Sending…' : 'Send again'}
      <span className="sr-only"> the report of {report.week}</span>
    </Button>
  );
}

/** The Markdown as it was POSTed, shown as text (never rendered: it holds instance names). */
function SentReportText({ id, textId }: { id: number; textId: string }) {
  const query = useSentReport(id);
  return (
    <QueryState
      query={query}
      loading={
        <Loading label="Loading the report as it was sent">
          <Skeleton className="h-32 w-full" />
        </Loading>
      }
      failed={(error) => <ErrorState title="Cannot open the sent report" message={error.message} code={errorCodeOf(error)} />}
      refreshFailed={{ title: 'Could not refresh the sent report' }}
    >
      {(report) => (
        <pre
          id={textId}
          tabIndex={0}
          aria-label={`The report of ${report.week} as it was sent`}
          className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap text-slate-900"
          data-testid="sent-report-text"
        >
          {report.markdown}
        </pre>
      )}
    </QueryState>
  );
}
