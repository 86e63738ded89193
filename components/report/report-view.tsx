'use client';
// The weekly report page (SPEC section 13), for one instance or the whole fleet: the week picker
// and the downloads (Markdown, JSON, the printable HTML), then the report. Printable as it is:
// the print stylesheet keeps one column and leaves out the dashboard's header and the controls.
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { reportUrl, useFleetReport, useInstanceReport } from '@/lib/queries/report';
import { formatUtc } from '@/lib/report/format';
import { reportFileName, type FleetReport, type InstanceReport, type ReportFormat } from '@/lib/report/types';
import { isoWeekOf, nextWeek, parseIsoWeek, previousWeek } from '@/lib/report/week';
import { InstanceCrumbs } from '@/components/instance/instance-crumbs';
import { useInstanceName } from '@/components/instance/use-instance-name';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { QueryState } from '@/components/ui/query-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { InstanceReportView } from './instance-report';
import { pickerWeeks, VERDICT_LABEL, VERDICT_TONE, weekLabel } from './model/report-view';
import { SENT_REPORTS_ANCHOR, SentReportsPanel } from './sent-reports-panel';

/**
 * Print: the page takes the whole sheet (the shell's header, banners and skip link are
 * `print:hidden` themselves).
 */
const PRINT_CSS = `@media print {
  body { background: #fff; }
  #main { max-width: none; padding: 0; }
  @page { margin: 12mm; }
}`;

interface ReportViewProps {
  /** null: the fleet's report */
  instanceId: string | null;
  /** the ISO week shown, `2026-W49` (the page resolved the URL's, or the current one) */
  week: string;
  /** unix ms when the page was rendered: the picker's "this week" and the links' ranges */
  now: number;
}

export function ReportView({ instanceId, week, now }: ReportViewProps) {
  return (
    <div className="space-y-4" data-testid="report-page">
      <style>{PRINT_CSS}</style>
      {instanceId === null ? <FleetReportBody week={week} now={now} /> : <InstanceReportBody id={instanceId} week={week} now={now} />}
    </div>
  );
}

function ReportControls({ instanceId, week, now, dataSince }: ReportViewProps & { dataSince: number | null | undefined }) {
  const router = useRouter();
  const pickerId = useId();
  const current = parseIsoWeek(week)!;
  const name = useInstanceName(instanceId ?? '');
  const weeks = pickerWeeks(now, dataSince);
  const latest = isoWeekOf(now);
  const base = instanceId === null ? '/report' : `/instances/${encodeURIComponent(instanceId)}/report`;
  const go = (id: string) => router.push(`${base}?week=${id}`, { scroll: false });
  const download = (format: ReportFormat, label: string) => (
    <a
      href={reportUrl(instanceId, week, format)}
      download={reportFileName(instanceId ?? 'fleet', week, format)}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
      data-testid={`report-download-${format}`}
    >
      {label}
    </a>
  );
  return (
    <div className="space-y-3 print:hidden">
      {instanceId === null ? null : <InstanceCrumbs id={instanceId} page="Weekly report" />}
      <h1 className="text-2xl font-semibold text-slate-900">
        Weekly report{instanceId === null ? ': the fleet' : `: ${name}`}
      </h1>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => go(previousWeek(current).id)} aria-label="The week before">
          ‹
        </Button>
        <label htmlFor={pickerId} className="sr-only">
          Week
        </label>
        <select
          id={pickerId}
          value={week}
          onChange={(event) => go(event.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          data-testid="report-week"
        >
          {weeks.some((w) => w.id === week) ? null : <option value={week}>{week}</option>}
          {weeks.map((w) => (
            <option key={w.id} value={w.id}>
              {weekLabel(w, now)}
            </option>
          ))}
        </select>
        <Button onClick={() => go(nextWeek(current).id)} disabled={current.id === latest.id} aria-label="The week after">
          ›
        </Button>
        <span className="grow" />
        {instanceId === null ? (
          <a href={`#${SENT_REPORTS_ANCHOR}`} className="text-sm text-sky-700 underline underline-offset-2">
            Sent reports
          </a>
        ) : null}
        {download('md', 'Markdown')}
        {download('json', 'JSON')}
        {download('html', 'HTML (printable)')}
        <Button variant="primary" onClick={() => window.print()}>
          Print
        </Button>
      </div>
    </div>
  );
}

const loading = (
  <Loading label="Loading the report">
    <Skeleton className="h-64 w-full" />
  </Loading>
);

function InstanceReportBody({ id, week, now }: { id: string; week: string; now: number }) {
  const query = useInstanceReport(id, week);
  return (
    <>
      <ReportControls instanceId={id} week={week} now={now} dataSince={query.data?.dataSince} />
      <QueryState
        query={query}
        loading={loading}
        failed={(error) => <ErrorState title="Cannot make the report" message={error.message} code={errorCodeOf(error)} />}
        refreshFailed={{ title: 'Could not refresh the report' }}
        switching={query.isPlaceholderData}
      >
        {(report: InstanceReport) => <InstanceReportView report={report} now={now} />}
      </QueryState>
    </>
  );
}

function FleetReportBody({ week, now }: { week: string; now: number }) {
  const query = useFleetReport(week);
  return (
    <>
      <ReportControls instanceId={null} week={week} now={now} dataSince={query.data?.dataSince} />
      <QueryState
        query={query}
        loading={loading}
        failed={(error) => <ErrorState title="Cannot make the fleet's report" message={error.message} code={errorCodeOf(error)} />}
        refreshFailed={{ title: 'Could not refresh the report' }}
        switching={query.isPlaceholderData}
      >
        {(report: FleetReport) => (
          <div className="space-y-6">
            <FleetSummary report={report} />
            {report.instances.map((instance) => (
              <InstanceReportView key={instance.instance.id} report={instance} now={now} breakBefore />
            ))}
          </div>
        )}
      </QueryState>
      <SentReportsPanel />
    </>
  );
}

function FleetSummary({ report }: { report: FleetReport }) {
  const ids = (list: string[]) => (list.length === 0 ? '—' : list.join(', '));
  return (
    <Card className="table-scroll print:shadow-none" data-testid="report-fleet-summary">
      <h2 className="text-xl font-semibold text-slate-900">The fleet, {report.week}</h2>
      <p className="mb-2 text-sm text-slate-600">
        {formatUtc(report.from)} to {formatUtc(report.to)}, compared with {report.previousWeek}. {report.instances.length} instances.
      </p>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-600">
            <th className="px-2 py-1">Checklist line</th>
            <th className="px-2 py-1">Worst</th>
            <th className="px-2 py-1">Action</th>
            <th className="px-2 py-1">Attention</th>
            <th className="px-2 py-1">OK</th>
          </tr>
        </thead>
        <tbody>
          {report.summary.map((line) => (
            <tr key={line.id} className="border-t border-slate-100">
              <td className="px-2 py-1 font-medium">{line.title}</td>
              <td className="px-2 py-1">
                <Badge tone={VERDICT_TONE[line.verdict]}>{VERDICT_LABEL[line.verdict]}</Badge>
              </td>
              <td className="px-2 py-1">{ids(line.instances.action)}</td>
              <td className="px-2 py-1">{ids(line.instances.attention)}</td>
              <td className="px-2 py-1">{ids(line.instances.ok)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
