// The weekly report as a standalone printable HTML document (format=html): the same figures as
// the JSON and the Markdown, one column, no navigation, a page break before each instance, so
// the browser's "Print to PDF" gives a clean report. No script, no external resource. Pure.
import { formatDateTime } from '@/lib/format';
import { formatDelta, formatFigure, formatUtc } from './format';
import { DAY_NAMES, dailyText, timeShare, VERDICT_WORDS } from './markdown';
import type { ChecklistLine, DailySeries, FleetReport, InstanceReport, ReportTable, Verdict } from './types';
import { weekDays } from './week';

/** Text in HTML: every character that could open markup or an attribute is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;

export const REPORT_STYLES = `
  :root { color-scheme: light; }
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 0 auto; max-width: 960px; padding: 24px; }
  h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 24px 0 8px; } h3 { font-size: 15px; margin: 18px 0 6px; } h4 { font-size: 13px; margin: 12px 0 4px; }
  p.meta { color: #555; margin: 0 0 12px; }
  table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 12.5px; }
  th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
  th { background: #f3f4f6; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .verdict { display: inline-block; font-weight: 600; font-size: 11px; padding: 1px 6px; border-radius: 4px; border: 1px solid; }
  .verdict-ok { color: #166534; border-color: #166534; } .verdict-attention { color: #92400e; border-color: #92400e; } .verdict-action { color: #991b1b; border-color: #991b1b; }
  .missing { color: #92400e; }
  .line { break-inside: avoid; page-break-inside: avoid; }
  .daily svg { vertical-align: middle; margin-right: 8px; }
  @media print {
    @page { margin: 14mm; }
    body { max-width: none; padding: 0; font-size: 11pt; }
    a { color: inherit; text-decoration: none; }
    nav, .no-print { display: none !important; }
    section.instance + section.instance { break-before: page; page-break-before: always; }
    table, .line, tr { break-inside: avoid; page-break-inside: avoid; }
    th { background: none; }
  }
`;

const verdictBadge = (verdict: Verdict) => `<span class="verdict verdict-${verdict}">${VERDICT_WORDS[verdict]}</span>`;

function table(columns: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = []): string {
  const head = columns.map((c) => `<th>${e(c)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${e(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Seven small bars (Monday first) with the target as a dashed line; a missing day is a gap. */
export function dailyBars(daily: DailySeries): string {
  const width = 140;
  const height = 36;
  const values = daily.values.filter((v): v is number => v !== null);
  const top = Math.max(...values, daily.target?.value ?? 0, daily.unit === 'ratio' ? 1 : 0) || 1;
  const bar = width / 7;
  const bars = daily.values
    .map((v, i) => (v === null ? '' : `<rect x="${(i * bar + 2).toFixed(1)}" y="${(height - (v / top) * height).toFixed(1)}" width="${(bar - 4).toFixed(1)}" height="${((v / top) * height).toFixed(1)}" fill="#6b7280"/>`))
    .join('');
  const target = daily.target
    ? `<line x1="0" x2="${width}" y1="${(height - (daily.target.value / top) * height).toFixed(1)}" y2="${(height - (daily.target.value / top) * height).toFixed(1)}" stroke="#991b1b" stroke-dasharray="3 2"/>`
    : '';
  return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${e(daily.label)} by day">${bars}${target}</svg>`;
}

function tableBlock(spec: ReportTable): string {
  return `<h4>${e(spec.title)}</h4>${spec.rows.length === 0 ? `<p>${e(spec.empty)}</p>` : table(spec.columns, spec.rows)}`;
}

function lineBlock(line: ChecklistLine, report: InstanceReport): string {
  return `<div class="line" id="line-${report.instance.id}-${line.id}">
    <h3>${e(line.title)} ${verdictBadge(line.verdict)}</h3>
    <p>${e(line.reason)}</p>
    ${table(['Figure', 'This week', 'Last week', 'Change'], line.figures.map((f) => [f.label, formatFigure(f.thisWeek, f.unit), formatFigure(f.lastWeek, f.unit), formatDelta(f.delta, f.unit)]), [1, 2, 3])}
    ${line.daily ? `<p class="daily">${dailyBars(line.daily)}${e(dailyText(line.daily, report.from))}</p>` : ''}
    ${line.tables.map(tableBlock).join('')}
    ${line.missing.map((text) => `<p class="missing">Missing: ${e(text)}</p>`).join('')}
  </div>`;
}

function instanceSection(report: InstanceReport): string {
  const days = weekDays(report);
  return `<section class="instance">
  <h1>Weekly report: ${e(report.instance.name)} (${e(report.instance.id)}), ${e(report.week)}</h1>
  <p class="meta">Week ${e(formatUtc(report.from))} to ${e(formatUtc(report.to))}, compared with ${e(report.previousWeek)}. Generated ${e(formatUtc(report.generatedAt))}. ${e(report.resolution)}</p>
  <h2>Missing data</h2>
  ${report.missing.length === 0 ? '<p>Nothing: every day has samples and an analysis ran this week.</p>' : `<ul>${report.missing.map((t) => `<li class="missing">${e(t)}</li>`).join('')}</ul>`}
  <h2>Checklist</h2>
  <table><thead><tr><th>Checklist line</th><th>Verdict</th><th>Why</th></tr></thead><tbody>
  ${report.checklist.map((line) => `<tr><td>${e(line.title)}</td><td>${verdictBadge(line.verdict)}</td><td>${e(line.reason)}</td></tr>`).join('')}
  </tbody></table>
  ${report.checklist.map((line) => lineBlock(line, report)).join('')}
  <h2>Production targets: share of time met</h2>
  ${table(
    ['Target', 'This week', 'Last week', ...DAY_NAMES.map((d, i) => `${d} ${days[i]!.slice(5)}`)],
    report.targets.map((t) => [t.label, timeShare(t.thisWeek), timeShare(t.lastWeek), ...t.days.map((d) => formatFigure(d.share, 'ratio'))]),
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
  )}
  ${report.targets.filter((t) => t.note).map((t) => `<p class="missing">${e(t.label)}: ${e(t.note!)}</p>`).join('')}
  <h2>Days</h2>
  ${table(['Day', 'Status', 'Redis answered', 'Redis down'], report.days.map((d) => [d.date, d.status, formatFigure(d.upMs, 'duration'), formatFigure(d.downMs, 'duration')]))}
  <h2>Events</h2>
  ${report.events.length === 0 ? '<p>No event this week.</p>' : table(['When', 'Event', 'Detail', 'Lasted'], report.events.map((ev) => [
    formatDateTime(ev.at, 'UTC'), ev.title, ev.detail, ev.durationMs === undefined ? '' : formatFigure(ev.durationMs, 'duration'),
  ]))}
  <h2>Findings</h2>
  ${report.findings.length === 0 ? '<p>No finding was open this week.</p>' : table(['Finding', 'Severity', 'Opened', 'Closed', 'Open in the week'], report.findings.map((f) => [
    `${f.title} (${f.id})`, f.severity, formatDateTime(f.startedAt, 'UTC'), f.endedAt === null ? 'still open' : formatDateTime(f.endedAt, 'UTC'), formatFigure(f.durationInWeekMs, 'duration'),
  ]))}
</section>`;
}

function documentOf(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title><style>${REPORT_STYLES}</style></head>
<body>${body}</body></html>
`;
}

export function instanceHtml(report: InstanceReport): string {
  return documentOf(`Redlens weekly report ${report.week}: ${report.instance.name}`, instanceSection(report));
}

export function fleetHtml(report: FleetReport): string {
  const ids = (list: string[]) => (list.length === 0 ? '—' : list.join(', '));
  const summary = `<section class="instance fleet">
  <h1>Weekly report: the fleet, ${e(report.week)}</h1>
  <p class="meta">Week ${e(formatUtc(report.from))} to ${e(formatUtc(report.to))}, compared with ${e(report.previousWeek)}. Generated ${e(formatUtc(report.generatedAt))}. ${report.instances.length} instances.</p>
  <h2>Checklist across the fleet</h2>
  <table><thead><tr><th>Checklist line</th><th>Worst</th><th>Action</th><th>Attention</th><th>OK</th></tr></thead><tbody>
  ${report.summary.map((s) => `<tr><td>${e(s.title)}</td><td>${verdictBadge(s.verdict)}</td><td>${e(ids(s.instances.action))}</td><td>${e(ids(s.instances.attention))}</td><td>${e(ids(s.instances.ok))}</td></tr>`).join('')}
  </tbody></table>
</section>`;
  return documentOf(`Redlens weekly report ${report.week}: the fleet`, summary + report.instances.map(instanceSection).join(''));
}
