// One instance's weekly report on the page: the checklist first (each line's verdict and why),
// then what data was missing, each line's figures against last week with its daily bars and the
// links to the figures behind it, the share of time each target was met, the days, the events
// and the findings. The same figures, in the same words, as the Markdown and HTML documents.
import Link from 'next/link';
import { formatDateTime } from '@/lib/format';
import { formatDelta, formatFigure, formatUtc } from '@/lib/report/format';
import { DAY_NAMES, timeShare } from '@/lib/report/markdown';
import type { ChecklistLine, InstanceReport, ReportTable } from '@/lib/report/types';
import { parseIsoWeek, weekDays } from '@/lib/report/week';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DailyBars } from './daily-bars';
import { lineLinks, VERDICT_LABEL, VERDICT_TONE } from './model/report-view';

const TH = 'border-b border-slate-200 px-2 py-1 text-left text-xs font-semibold text-slate-600';
const TD = 'border-b border-slate-100 px-2 py-1 align-top';
const NUM = `${TD} text-right tabular-nums`;

function VerdictBadge({ line }: { line: Pick<ChecklistLine, 'verdict'> }) {
  return <Badge tone={VERDICT_TONE[line.verdict]}>{VERDICT_LABEL[line.verdict]}</Badge>;
}

function SmallTable({ table }: { table: ReportTable }) {
  return (
    <div className="min-w-0">
      <h4 className="text-xs font-semibold text-slate-700">{table.title}</h4>
      {table.rows.length === 0 ? (
        <p className="text-xs text-slate-600">{table.empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="w-full text-xs">
            <thead>
              <tr>{table.columns.map((c) => <th key={c} className={TH}>{c}</th>)}</tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>{row.map((cell, j) => <td key={j} className={`${TD} break-all`}>{cell}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function LineCard({ line, report, now }: { line: ChecklistLine; report: InstanceReport; now: number }) {
  const week = parseIsoWeek(report.week)!;
  const dates = weekDays(report).map((d) => d.slice(5));
  return (
    <Card className="space-y-2 break-inside-avoid print:border-slate-300 print:shadow-none" data-testid={`report-line-${line.id}`}>
      <h3 className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
        {line.title} <VerdictBadge line={line} />
      </h3>
      <p className="text-sm text-slate-800">{line.reason}</p>
      <div className="table-scroll">
        <table className="w-full text-sm">
          <thead>
            <tr>
              <th className={TH}>Figure</th>
              <th className={`${TH} text-right`}>This week</th>
              <th className={`${TH} text-right`}>Last week</th>
              <th className={`${TH} text-right`}>Change</th>
            </tr>
          </thead>
          <tbody>
            {line.figures.map((f) => (
              <tr key={f.id}>
                <td className={TD}>{f.label}</td>
                <td className={NUM}>{formatFigure(f.thisWeek, f.unit)}</td>
                <td className={NUM}>{formatFigure(f.lastWeek, f.unit)}</td>
                <td className={NUM}>{formatDelta(f.delta, f.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {line.daily ? <DailyBars daily={line.daily} dates={dates} /> : null}
      {line.tables.length > 0 ? (
        <div className="grid gap-3 md:grid-cols-2 print:grid-cols-1">
          {line.tables.map((t) => <SmallTable key={t.title} table={t} />)}
        </div>
      ) : null}
      {line.missing.map((text) => (
        <p key={text} className="text-xs text-amber-900">
          Missing: {text}
        </p>
      ))}
      <p className="flex flex-wrap gap-x-3 text-xs print:hidden">
        {lineLinks(line.id, report.instance.id, week, now).map((link) =>
          link.href.startsWith('/api/') ? (
            <a key={link.href} href={link.href} className="text-red-700 underline">
              {link.label}
            </a>
          ) : (
            <Link key={link.href} href={link.href} className="text-red-700 underline">
              {link.label}
            </Link>
          ),
        )}
      </p>
    </Card>
  );
}

interface InstanceReportViewProps {
  report: InstanceReport;
  now: number;
  /** Printed from a new page (every instance of the fleet's report but the first section). */
  breakBefore?: boolean;
}

export function InstanceReportView({ report, now, breakBefore = false }: InstanceReportViewProps) {
  const days = weekDays(report);
  return (
    <section className={`space-y-4 ${breakBefore ? 'print:break-before-page' : ''}`} data-testid={`report-instance-${report.instance.id}`}>
      <div>
        <h2 className="text-xl font-semibold text-slate-900">
          {report.instance.name} <span className="font-normal text-slate-500">({report.instance.id})</span>, {report.week}
        </h2>
        <p className="text-sm text-slate-600">
          {formatUtc(report.from)} to {formatUtc(report.to)}, compared with {report.previousWeek}. {report.resolution}
        </p>
      </div>

      <Card className="table-scroll print:shadow-none" data-testid="report-checklist">
        <h3 className="mb-2 font-semibold text-slate-900">Regular performance maintenance</h3>
        <table className="w-full text-sm">
          <thead>
            <tr>
              <th className={TH}>Checklist line</th>
              <th className={TH}>Verdict</th>
              <th className={TH}>Why</th>
            </tr>
          </thead>
          <tbody>
            {report.checklist.map((line) => (
              <tr key={line.id}>
                <td className={`${TD} font-medium`}>{line.title}</td>
                <td className={TD}>
                  <VerdictBadge line={line} />
                </td>
                <td className={TD}>{line.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>

      <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="report-missing">
        <h3 className="font-semibold">Missing data</h3>
        {report.missing.length === 0 ? (
          <p>Nothing: every day has samples and an analysis ran this week.</p>
        ) : (
          <ul className="list-disc pl-5">
            {report.missing.map((text) => <li key={text}>{text}</li>)}
          </ul>
        )}
      </div>

      <div className="space-y-3">
        {report.checklist.map((line) => <LineCard key={line.id} line={line} report={report} now={now} />)}
      </div>

      <Card className="break-inside-avoid print:shadow-none">
        <h3 className="mb-2 font-semibold text-slate-900">Production targets: share of time met</h3>
        <div className="table-scroll">
          <table className="w-full text-xs" data-testid="report-targets">
            <thead>
              <tr>
                <th className={TH}>Target</th>
                <th className={`${TH} text-right`}>This week</th>
                <th className={`${TH} text-right`}>Last week</th>
                {DAY_NAMES.map((d, i) => <th key={d} className={`${TH} text-right`}>{d} {days[i]!.slice(5)}</th>)}
              </tr>
            </thead>
            <tbody>
              {report.targets.map((t) => (
                <tr key={t.id}>
                  <td className={TD}>
                    {t.label}
                    {t.note ? <span className="block text-amber-900">{t.note}</span> : null}
                  </td>
                  <td className={NUM}>{timeShare(t.thisWeek)}</td>
                  <td className={NUM}>{timeShare(t.lastWeek)}</td>
                  {t.days.map((d, i) => <td key={i} className={NUM}>{formatFigure(d.share, 'ratio')}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-1">
        <Card className="break-inside-avoid table-scroll print:shadow-none">
          <h3 className="mb-2 font-semibold text-slate-900">Days</h3>
          <table className="w-full text-xs">
            <thead>
              <tr>
                <th className={TH}>Day</th>
                <th className={TH}>Status</th>
                <th className={`${TH} text-right`}>Redis answered</th>
                <th className={`${TH} text-right`}>Redis down</th>
              </tr>
            </thead>
            <tbody>
              {report.days.map((d) => (
                <tr key={d.date} data-status={d.status}>
                  <td className={TD}>{d.date}</td>
                  <td className={TD}>{d.status}</td>
                  <td className={NUM}>{formatFigure(d.upMs, 'duration')}</td>
                  <td className={NUM}>{formatFigure(d.downMs, 'duration')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card className="break-inside-avoid table-scroll print:shadow-none">
          <h3 className="mb-2 font-semibold text-slate-900">Findings</h3>
          {report.findings.length === 0 ? (
            <p className="text-sm text-slate-600">No finding was open this week.</p>
          ) : (
            <table className="w-full text-xs">
              <thead>
                <tr>
                  <th className={TH}>Finding</th>
                  <th className={TH}>Opened</th>
                  <th className={TH}>Closed</th>
                  <th className={`${TH} text-right`}>Open in the week</th>
                </tr>
              </thead>
              <tbody>
                {report.findings.map((f) => (
                  <tr key={`${f.id}-${f.startedAt}`}>
                    <td className={TD}>
                      {f.title} <span className="text-slate-500">({f.severity})</span>
                    </td>
                    <td className={TD}>{formatDateTime(f.startedAt, 'UTC')}</td>
                    <td className={TD}>{f.endedAt === null ? 'still open' : formatDateTime(f.endedAt, 'UTC')}</td>
                    <td className={NUM}>{formatFigure(f.durationInWeekMs, 'duration')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>

      <Card className="table-scroll print:shadow-none">
        <h3 className="mb-2 font-semibold text-slate-900">Events</h3>
        {report.events.length === 0 ? (
          <p className="text-sm text-slate-600">No event this week.</p>
        ) : (
          <table className="w-full text-xs">
            <thead>
              <tr>
                <th className={TH}>When (UTC)</th>
                <th className={TH}>Event</th>
                <th className={TH}>Detail</th>
                <th className={`${TH} text-right`}>Lasted</th>
              </tr>
            </thead>
            <tbody>
              {report.events.map((e, i) => (
                <tr key={`${e.at}-${e.kind}-${i}`}>
                  <td className={`${TD} whitespace-nowrap`}>{formatDateTime(e.at, 'UTC')}</td>
                  <td className={TD}>{e.title}</td>
                  <td className={`${TD} break-words`}>{e.detail}</td>
                  <td className={NUM}>{e.durationMs === undefined ? '' : formatFigure(e.durationMs, 'duration')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {report.eventsTruncated ? <p className="mt-1 text-xs text-amber-900">More events happened: the newest are listed.</p> : null}
      </Card>
    </section>
  );
}
