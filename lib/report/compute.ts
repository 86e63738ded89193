// One instance's weekly report from its week's data (SPEC section 13): the checklist, the share of
// time each target was met, how much of each day the history covers, the week's events and
// findings, and what data was missing, said in words. Pure: ./read.ts gathers the input.
import { plural } from '@/lib/format';
import { checklistOf, worst } from './checklist';
import type { FindingRow, ReportInput, Weighted } from './data';
import { formatFigure, formatUtc } from './format';
import { byDay } from './stats';
import { targetShares, weigh } from './targets';
import { CHECKLIST, VERDICTS, type DayCoverage, type FleetLineSummary, type FleetReport, type InstanceReport, type ReportEvent, type ReportFinding, type Verdict } from './types';
import { DAY_MS, weekDays } from './week';

/** A day whose samples cover less than this share of its (elapsed) time is `partial`. */
export const COMPLETE_DAY_SHARE = 0.98;

/** Event kinds the report lists under findings instead (they open and close the findings). */
const FINDING_KINDS = new Set(['finding-opened', 'finding-closed']);

function coverageOf(weighted: readonly Weighted[], from: number, now: number): DayCoverage[] {
  return weekDays({ from }).map((date, day) => {
    const start = from + day * DAY_MS;
    const expectedMs = Math.max(0, Math.min(DAY_MS, now - start));
    const ofDay = byDay(weighted)[day]!;
    const upMs = ofDay.reduce((sum, w) => sum + w.upMs, 0);
    const downMs = ofDay.reduce((sum, w) => sum + w.downMs, 0);
    const status: DayCoverage['status'] =
      expectedMs === 0 ? 'future' : upMs + downMs === 0 ? 'missing' : upMs + downMs < expectedMs * COMPLETE_DAY_SHARE ? 'partial' : 'complete';
    return { date, status, upMs, downMs, expectedMs };
  });
}

/** The week's events, newest first, a `down` with how long until the next `up` (or the week's end, or now). */
function eventsOf(input: ReportInput): ReportEvent[] {
  const end = Math.min(input.thisWeek.week.to, input.now);
  const listed = input.events.filter((event) => !FINDING_KINDS.has(event.kind));
  return listed.map((event, index) => {
    const view: ReportEvent = {
      at: event.at, kind: event.kind, title: event.title, detail: event.detail,
      ...(event.actor !== undefined && { actor: event.actor }),
    };
    if (event.kind !== 'down') return view;
    // Newest first: the `up` that ended this `down` is the nearest one before it in the list.
    const up = listed.slice(0, index).reverse().find((later) => later.kind === 'up');
    return { ...view, durationMs: Math.max(0, (up?.at ?? end) - event.at) };
  });
}

function findingsOf(rows: readonly FindingRow[], from: number, to: number, now: number): ReportFinding[] {
  return rows
    .map((row) => ({
      ...row,
      durationInWeekMs: Math.max(0, Math.min(row.endedAt ?? now, to, now) - Math.max(row.startedAt, from)),
    }))
    .sort((a, b) => b.durationInWeekMs - a.durationInWeekMs || a.startedAt - b.startedAt);
}

function missingOf(input: ReportInput, days: readonly DayCoverage[], weighted: { thisWeek: Weighted[]; lastWeek: Weighted[] }): string[] {
  const missing: string[] = [];
  const missingDays = days.filter((day) => day.status === 'missing').map((day) => day.date);
  const partialDays = days.filter((day) => day.status === 'partial');
  if (!weighted.thisWeek.some((w) => w.upMs + w.downMs > 0)) missing.push('No samples at all this week: every history figure is missing.');
  else if (missingDays.length > 0) missing.push(`Days without samples: ${missingDays.join(', ')}.`);
  for (const day of partialDays) {
    missing.push(`${day.date}: samples cover ${formatFigure((day.upMs + day.downMs) / day.expectedMs, 'ratio')} of the day${day.expectedMs < DAY_MS ? ' so far' : ''}.`);
  }
  const downMs = days.reduce((sum, day) => sum + day.downMs, 0);
  if (downMs > 0) missing.push(`Redis did not answer for ${formatFigure(downMs, 'duration')}: those times have no figures.`);
  if (!weighted.lastWeek.some((w) => w.upMs > 0)) missing.push(`No samples in the week before (${input.lastWeek.week.id}): no comparison.`);
  const analysis = input.thisWeek.analysis;
  if (!analysis) missing.push('No keyspace analysis has finished on this instance.');
  else if (analysis.finishedAt < input.thisWeek.week.from) missing.push(`No keyspace analysis this week (the latest finished ${formatUtc(analysis.finishedAt)}).`);
  if (input.thisWeek.slowlog.missed > 0) missing.push(`About ${plural(input.thisWeek.slowlog.missed, 'slow log entry', 'slow log entries')} rotated out before Redlens read them.`);
  if (input.eventsTruncated) missing.push(`More events than one report lists: the newest ${input.events.length} are here.`);
  return missing;
}

export function instanceReport(input: ReportInput): InstanceReport {
  const { thisWeek, lastWeek } = input;
  const weighted = { thisWeek: weigh(thisWeek, input.sampleIntervalMs), lastWeek: weigh(lastWeek, input.sampleIntervalMs) };
  const days = coverageOf(weighted.thisWeek, thisWeek.week.from, input.now);
  const hourly = weighted.thisWeek.filter((w) => w.bucket.lengthMs > 60_000).length;
  return {
    instance: input.instance,
    week: thisWeek.week.id,
    from: thisWeek.week.from,
    to: thisWeek.week.to,
    previousWeek: lastWeek.week.id,
    generatedAt: input.now,
    checklist: checklistOf({
      thresholds: input.thresholds,
      thisWeek: weighted.thisWeek,
      lastWeek: weighted.lastWeek,
      slowlog: { thisWeek: thisWeek.slowlog, lastWeek: lastWeek.slowlog },
      analysis: { thisWeek: thisWeek.analysis, lastWeek: lastWeek.analysis },
      clientsNow: input.clientsNow,
      from: thisWeek.week.from,
    }),
    targets: targetShares(weighted.thisWeek, weighted.lastWeek, input.thresholds),
    days,
    events: eventsOf(input),
    eventsTruncated: input.eventsTruncated,
    findings: findingsOf(input.findings, thisWeek.week.from, thisWeek.week.to, input.now),
    analysis: thisWeek.analysis && {
      id: thisWeek.analysis.id,
      startedAt: thisWeek.analysis.startedAt,
      finishedAt: thisWeek.analysis.finishedAt,
      thisWeek: thisWeek.analysis.finishedAt >= thisWeek.week.from,
      estimated: thisWeek.analysis.estimated,
    },
    missing: missingOf(input, days, weighted),
    dataSince: input.dataSince,
    resolution: hourly === 0
      ? 'Judged per minute (the minute rollups).'
      : `Judged per minute, and per hour for ${plural(hourly, 'hour', 'hours')} whose minutes are no longer kept.`,
  };
}

/** The fleet's summary: per checklist line, the worst verdict and which instances have which. */
export function fleetReport(week: { id: string; from: number; to: number; previous: string }, reports: InstanceReport[], now: number): FleetReport {
  const summary: FleetLineSummary[] = CHECKLIST.map(({ id, title }) => {
    const instances = Object.fromEntries(VERDICTS.map((v) => [v, [] as string[]])) as Record<Verdict, string[]>;
    for (const report of reports) {
      const verdict = report.checklist.find((line) => line.id === id)!.verdict;
      instances[verdict].push(report.instance.id);
    }
    return { id, title, verdict: worst(VERDICTS.filter((v) => instances[v].length > 0)), instances };
  });
  const since = reports.map((r) => r.dataSince).filter((t): t is number => t !== null);
  return {
    week: week.id, from: week.from, to: week.to, previousWeek: week.previous, generatedAt: now, summary, instances: reports,
    dataSince: since.length === 0 ? null : Math.min(...since),
  };
}
