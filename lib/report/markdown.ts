// The weekly report as Markdown (format=md, and the page's download): the same figures as the
// JSON, in the same words (./format.ts), for a wiki page or a chat message. Pure.
import { formatDateTime } from '@/lib/format';
import { formatDelta, formatFigure, formatUtc } from './format';
import type { ChecklistLine, DailySeries, FleetReport, InstanceReport, ReportTable, TargetTime, Verdict } from './types';
import { weekDays } from './week';

export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export const VERDICT_WORDS: Record<Verdict, string> = { ok: 'OK', attention: 'ATTENTION', action: 'ACTION' };

/** Text in a Markdown line or table cell: what Markdown would read as syntax is escaped, newlines become spaces. */
export function mdText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

function table(columns: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(columns.map(mdText)), row(columns.map(() => '---')), ...rows.map((cells) => row(cells.map(mdText)))];
}

/** "Mon 2026-11-30: 3" ... with the target. */
export function dailyText(daily: DailySeries, from: number): string {
  const dates = weekDays({ from });
  const values = daily.values.map((value, day) => `${DAY_NAMES[day]} ${dates[day]!.slice(5)}: ${formatFigure(value, daily.unit)}`);
  const target = daily.target ? ` (target: ${daily.target.kind === 'max' ? 'at most' : 'at least'} ${formatFigure(daily.target.value, daily.unit)})` : '';
  return `${daily.label} by day${target}: ${values.join(' · ')}`;
}

export const timeShare = (time: TargetTime) =>
  time.share === null ? 'not measured' : `${formatFigure(time.share, 'ratio')} of ${formatFigure(time.measuredMs, 'duration')}`;

function tableSection(tableSpec: ReportTable, level: string): string[] {
  return [`${level} ${mdText(tableSpec.title)}`, '', ...(tableSpec.rows.length === 0 ? [mdText(tableSpec.empty)] : table(tableSpec.columns, tableSpec.rows)), ''];
}

function lineSection(line: ChecklistLine, report: InstanceReport, level: string): string[] {
  return [
    `${level} ${mdText(line.title)}: ${VERDICT_WORDS[line.verdict]}`,
    '',
    mdText(line.reason),
    '',
    ...table(['Figure', 'This week', 'Last week', 'Change'], line.figures.map((f) => [f.label, formatFigure(f.thisWeek, f.unit), formatFigure(f.lastWeek, f.unit), formatDelta(f.delta, f.unit)])),
    '',
    ...(line.daily ? [mdText(dailyText(line.daily, report.from)), ''] : []),
    ...line.tables.flatMap((t) => tableSection(t, `${level}#`)),
    ...(line.missing.length > 0 ? [...line.missing.map((text) => `- Missing: ${mdText(text)}`), ''] : []),
  ];
}

/** One instance's report; `level` is the heading level of its title (2 inside the fleet's). */
export function instanceMarkdown(report: InstanceReport, level = 1): string {
  const h = (n: number) => '#'.repeat(level + n);
  const days = weekDays(report);
  return [
    `${h(0)} Weekly report: ${mdText(report.instance.name)} (${mdText(report.instance.id)}), ${report.week}`,
    '',
    `Week ${formatUtc(report.from)} to ${formatUtc(report.to)}, compared with ${report.previousWeek}. Generated ${formatUtc(report.generatedAt)}. ${mdText(report.resolution)}`,
    '',
    `${h(1)} Missing data`,
    '',
    ...(report.missing.length === 0 ? ['Nothing: every day has samples and an analysis ran this week.'] : report.missing.map((text) => `- ${mdText(text)}`)),
    '',
    `${h(1)} Checklist`,
    '',
    ...table(['Checklist line', 'Verdict', 'Why'], report.checklist.map((line) => [line.title, VERDICT_WORDS[line.verdict], line.reason])),
    '',
    ...report.checklist.flatMap((line) => lineSection(line, report, h(2))),
    `${h(1)} Production targets: share of time met`,
    '',
    ...table(
      ['Target', 'This week', 'Last week', ...DAY_NAMES.map((d, i) => `${d} ${days[i]!.slice(5)}`)],
      report.targets.map((t) => [t.label, timeShare(t.thisWeek), timeShare(t.lastWeek), ...t.days.map((d) => formatFigure(d.share, 'ratio'))]),
    ),
    '',
    ...report.targets.filter((t) => t.note).map((t) => `- ${mdText(t.label)}: ${mdText(t.note!)}`),
    ...(report.targets.some((t) => t.note) ? [''] : []),
    `${h(1)} Days`,
    '',
    ...table(['Day', 'Status', 'Redis answered', 'Redis down'], report.days.map((d) => [d.date, d.status, formatFigure(d.upMs, 'duration'), formatFigure(d.downMs, 'duration')])),
    '',
    `${h(1)} Events`,
    '',
    ...(report.events.length === 0
      ? ['No event this week.']
      : table(['When', 'Event', 'Detail', 'Lasted'], report.events.map((e) => [
          formatDateTime(e.at, 'UTC'), e.title, e.detail, e.durationMs === undefined ? '' : formatFigure(e.durationMs, 'duration'),
        ]))),
    '',
    `${h(1)} Findings`,
    '',
    ...(report.findings.length === 0
      ? ['No finding was open this week.']
      : table(['Finding', 'Severity', 'Opened', 'Closed', 'Open in the week'], report.findings.map((f) => [
          `${f.title} (${f.id})`, f.severity, formatDateTime(f.startedAt, 'UTC'), f.endedAt === null ? 'still open' : formatDateTime(f.endedAt, 'UTC'), formatFigure(f.durationInWeekMs, 'duration'),
        ]))),
    '',
  ].join('\n');
}

export function fleetMarkdown(report: FleetReport): string {
  const ids = (list: string[]) => (list.length === 0 ? '—' : list.join(', '));
  return [
    `# Weekly report: the fleet, ${report.week}`,
    '',
    `Week ${formatUtc(report.from)} to ${formatUtc(report.to)}, compared with ${report.previousWeek}. Generated ${formatUtc(report.generatedAt)}. ${report.instances.length} instances.`,
    '',
    '## Checklist across the fleet',
    '',
    ...table(['Checklist line', 'Worst', 'Action', 'Attention', 'OK'], report.summary.map((s) => [
      s.title, VERDICT_WORDS[s.verdict], ids(s.instances.action), ids(s.instances.attention), ids(s.instances.ok),
    ])),
    '',
    ...report.instances.map((instance) => instanceMarkdown(instance, 2)),
  ].join('\n');
}
