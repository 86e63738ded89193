// The guide's "Regular Performance Maintenance" checklist filled in (SPEC section 13): each line's
// figures for the week and the week before, and its verdict with the reason. Pure. The rules
// are named constants below, so a verdict can always be explained by its numbers.
import { plural } from '@/lib/format';
import type { Thresholds } from '@/lib/health-targets';
import { warningByPattern } from '@/lib/slowlog/warnings';
import type { AnalysisFacts, ClientsNow, SlowlogWeek, Weighted } from './data';
import { formatFigure, formatUtc } from './format';
import { lookupHitRatio, maximum, maximumAt, mean, minimum, perDay, weightedMedian } from './stats';
import { targetTime } from './targets';
import { CHECKLIST, VERDICT_RANK, type ChecklistId, type ChecklistLine, type FigureUnit, type ReportFigure, type ReportTable, type TargetId, type TargetTime, type Verdict } from './types';

/** More than this share of the measured time outside a target is `action`; any time outside is `attention`. */
export const ACTION_OUTSIDE_SHARE = 0.1;
/** Slow log entries growing by this factor (from at least SLOWLOG_GROWTH_MIN_ENTRIES) ask for attention. */
export const SLOWLOG_GROWTH = 1.5;
export const SLOWLOG_GROWTH_MIN_ENTRIES = 10;
/** PING p95 (mean) growing by this factor week on week asks for attention. */
export const LATENCY_GROWTH = 1.5;
/** Memory (mean) growing by this factor week on week asks for attention. */
export const MEMORY_GROWTH = 1.2;
/** A peak of ops/s this much above last week's: a load test should reach the new level. */
export const PEAK_GROWTH = 1.2;
/** A key this big takes about a millisecond to send or to free in the main thread: the guide's 1 ms target. */
export const BIG_KEY_BYTES = 1024 * 1024;
/** Rows a line's tables list at most. */
const TOP = 5;

/** What the lines are computed from, for both weeks. */
export interface LineInput {
  thresholds: Thresholds;
  thisWeek: Weighted[];
  lastWeek: Weighted[];
  slowlog: { thisWeek: SlowlogWeek; lastWeek: SlowlogWeek };
  analysis: { thisWeek: AnalysisFacts | null; lastWeek: AnalysisFacts | null };
  /** The current week's report only: who is connected as it is made. */
  clientsNow: ClientsNow | null;
  /** The week's start (unix ms). */
  from: number;
}

const figure = (id: string, label: string, unit: FigureUnit, thisWeek: number | null, lastWeek: number | null): ReportFigure => ({
  id, label, unit, thisWeek, lastWeek,
  delta: thisWeek === null || lastWeek === null || unit === 'time' ? null : thisWeek - lastWeek,
});

const titleOf = (id: ChecklistId) => CHECKLIST.find((line) => line.id === id)!.title;

export const worst = (verdicts: readonly Verdict[]): Verdict =>
  verdicts.reduce<Verdict>((a, b) => (VERDICT_RANK[b] > VERDICT_RANK[a] ? b : a), 'ok');

/** The verdict of the time a target was missed: none -> ok, up to ACTION_OUTSIDE_SHARE -> attention, more -> action. */
export function targetVerdict(time: TargetTime): Verdict | null {
  if (time.measuredMs === 0) return null;
  if (time.outsideMs === 0) return 'ok';
  return time.outsideMs / time.measuredMs > ACTION_OUTSIDE_SHARE ? 'action' : 'attention';
}

const outsideText = (time: TargetTime) =>
  `${formatFigure(time.outsideMs, 'duration')} (${formatFigure(time.outsideMs / time.measuredMs, 'ratio')} of the measured time)`;

const hasSamples = (weighted: readonly Weighted[]) => weighted.some((w) => w.upMs > 0);
const NO_SAMPLES = 'No samples this week: Redlens did not record this instance.';

function line(id: ChecklistId, verdict: Verdict, reason: string, rest: Partial<Omit<ChecklistLine, 'id' | 'title' | 'verdict' | 'reason'>>): ChecklistLine {
  return { id, title: titleOf(id), verdict, reason, figures: [], daily: null, tables: [], missing: [], ...rest };
}

function slowlogLine(input: LineInput): ChecklistLine {
  const now = input.slowlog.thisWeek;
  const before = input.slowlog.lastWeek;
  // The sampler reads the slow log: a week without samples has unknown counts, not zeros.
  const recorded = hasSamples(input.thisWeek);
  const recordedBefore = hasSamples(input.lastWeek);
  const dangerous = new Map<string, number>();
  for (const print of now.fingerprints) {
    if (print.warning) dangerous.set(print.warning, (dangerous.get(print.warning) ?? 0) + print.count);
  }
  const dangerousOf = (week: SlowlogWeek) => week.fingerprints.reduce((sum, f) => sum + (f.warning ? f.count : 0), 0);
  const dangerousCount = dangerousOf(now);
  const missing: string[] = [];
  if (!recorded) missing.push(`${NO_SAMPLES} The slow log was not read, so these counts may be short.`);
  if (now.missed > 0) missing.push(`About ${plural(now.missed, 'entry', 'entries')} rotated out of SLOWLOG before Redlens read them (raise slowlog-max-len).`);
  if (now.archiveSince !== null && now.archiveSince > input.from - 7 * 86_400_000) {
    missing.push(`The archive starts ${formatUtc(now.archiveSince)}: "new" fingerprints are new since then.`);
  }
  const byPrint = new Map(now.fingerprints.map((f) => [f.fingerprint, f]));
  const lastWeekWords = recordedBefore ? `${plural(before.entries, 'entry', 'entries')} last week` : 'no samples last week';
  const growing = recorded && recordedBefore && now.entries >= SLOWLOG_GROWTH_MIN_ENTRIES
    && (before.entries === 0 || now.entries / before.entries >= SLOWLOG_GROWTH);
  let verdict: Verdict = 'ok';
  let reason = `${plural(now.entries, 'slow entry', 'slow entries')} of the application this week (${lastWeekWords}), none of a command the guide warns about, no new fingerprint.`;
  if (dangerousCount > 0) {
    verdict = 'action';
    reason = `${plural(dangerousCount, 'slow entry', 'slow entries')} of commands the guide warns about (${[...dangerous].map(([p, n]) => `${p} ×${n}`).join(', ')}): replace them (see the advice).`;
  } else if (now.newFingerprints.length > 0 || growing) {
    verdict = 'attention';
    reason = [
      now.newFingerprints.length > 0 ? `${plural(now.newFingerprints.length, 'new fingerprint', 'new fingerprints')} this week (${now.newFingerprints.slice(0, 3).join(', ')})` : null,
      growing ? `slow entries grew from ${formatFigure(before.entries, 'count')} to ${formatFigure(now.entries, 'count')}` : null,
    ].filter(Boolean).join('; ') + ': look at what changed.';
  } else if (!recorded) {
    verdict = 'attention';
    reason = NO_SAMPLES;
  }
  const known = (sampled: boolean, value: number) => (sampled ? value : null);
  const micros = (value: number) => formatFigure(value, 'us');
  return line('slowlog', verdict, reason, {
    figures: [
      figure('entries', 'Slow entries', 'count', known(recorded, now.entries), known(recordedBefore, before.entries)),
      figure('total-time', 'Time in slow commands', 'us', known(recorded, now.totalMicros), known(recordedBefore, before.totalMicros)),
      figure('new-fingerprints', 'New fingerprints', 'count', known(recorded, now.newFingerprints.length), known(recordedBefore, before.newFingerprints.length)),
      figure('dangerous', 'Entries of commands the guide warns about', 'count', known(recorded, dangerousCount), known(recordedBefore, dangerousOf(before))),
      figure('missed', 'Entries missed (rotated out before read)', 'count', known(recorded, now.missed), known(recordedBefore, before.missed)),
    ],
    // A day without samples is a day the slow log was not read: a gap, not a zero.
    daily: { label: 'Slow entries', unit: 'count', values: perDay(input.thisWeek, hasSamples).map((sampled, day) => (sampled ? now.perDay[day]! : null)), target: null },
    tables: [
      {
        title: 'Top fingerprints by total time',
        columns: ['Fingerprint', 'Entries', 'Total time', 'Slowest'],
        rows: now.fingerprints.slice(0, TOP).map((f) => [f.fingerprint, formatFigure(f.count, 'count'), micros(f.totalMicros), micros(f.maxMicros)]),
        empty: 'No slow entry this week.',
      },
      {
        title: 'New fingerprints this week',
        columns: ['Fingerprint', 'Entries', 'Total time'],
        rows: now.newFingerprints.slice(0, 10).map((name) => [name, formatFigure(byPrint.get(name)!.count, 'count'), micros(byPrint.get(name)!.totalMicros)]),
        empty: 'No new fingerprint this week.',
      },
      {
        title: 'Commands the guide warns about',
        columns: ['Command', 'Entries', 'Advice'],
        rows: [...dangerous].map(([pattern, count]) => [pattern, formatFigure(count, 'count'), warningByPattern(pattern)?.advice ?? '']),
        empty: 'None this week.',
      },
    ],
    missing,
  });
}

/** A line judged on one target's time, with its own figures. */
function targetLine(
  id: ChecklistId, target: TargetId, input: LineInput,
  build: (time: { thisWeek: TargetTime; lastWeek: TargetTime }) => Pick<ChecklistLine, 'figures' | 'daily' | 'tables'> & { missing?: string[]; extra?: { verdict: Verdict; reason: string } },
  words: { within: string; outside: string },
): ChecklistLine {
  const time = { thisWeek: targetTime(input.thisWeek, target, input.thresholds), lastWeek: targetTime(input.lastWeek, target, input.thresholds) };
  const parts = build(time);
  const judged = targetVerdict(time.thisWeek);
  let verdict: Verdict;
  let reason: string;
  const missing = [...(parts.missing ?? [])];
  if (judged === null) {
    verdict = 'attention';
    reason = hasSamples(input.thisWeek) ? (missing[0] ?? 'Not measured this week: no sample had this figure.') : NO_SAMPLES;
    if (!hasSamples(input.thisWeek)) missing.unshift(NO_SAMPLES);
  } else {
    verdict = judged;
    reason = judged === 'ok' ? words.within : `${words.outside} for ${outsideText(time.thisWeek)}.`;
  }
  if (parts.extra && VERDICT_RANK[parts.extra.verdict] > VERDICT_RANK[verdict]) {
    verdict = parts.extra.verdict;
    reason = `${parts.extra.reason} ${judged === null ? '' : reason}`.trim();
  }
  return line(id, verdict, reason, { figures: parts.figures, daily: parts.daily, tables: parts.tables, missing });
}

function fragmentationLine(input: LineInput): ChecklistLine {
  const max = input.thresholds.fragmentationRatioMax;
  return targetLine('fragmentation', 'fragmentation', input, (time) => ({
    figures: [
      figure('min', 'Fragmentation min', 'number', minimum(input.thisWeek, 'fragmentationRatio'), minimum(input.lastWeek, 'fragmentationRatio')),
      figure('avg', 'Fragmentation avg', 'number', mean(input.thisWeek, 'fragmentationRatio'), mean(input.lastWeek, 'fragmentationRatio')),
      figure('max', 'Fragmentation max', 'number', maximum(input.thisWeek, 'fragmentationRatio'), maximum(input.lastWeek, 'fragmentationRatio')),
      figure('time-above', `Time above ${max}`, 'duration', time.thisWeek.outsideMs, time.lastWeek.outsideMs),
    ],
    daily: { label: 'Fragmentation max', unit: 'number', values: perDay(input.thisWeek, (day) => maximum(day, 'fragmentationRatio')), target: { value: max, kind: 'max' } },
    tables: [],
  }), {
    within: `Fragmentation stayed at or below ${max} all week (or above it only with under ${formatFigure(input.thresholds.fragmentationBytesMin, 'bytes')} fragmented).`,
    outside: `Fragmentation was above ${max} (with more than ${formatFigure(input.thresholds.fragmentationBytesMin, 'bytes')} fragmented)`,
  });
}

function hitRatioLine(input: LineInput): ChecklistLine {
  const min = input.thresholds.hitRatioMin;
  const now = lookupHitRatio(input.thisWeek);
  const before = lookupHitRatio(input.lastWeek);
  const low = now.ratio !== null && now.ratio < min;
  return targetLine('hit-ratio', 'hit-ratio', input, (time) => ({
    figures: [
      figure('hit-ratio', 'Hit ratio over the week', 'ratio', now.ratio, before.ratio),
      figure('time-below', `Time below ${formatFigure(min, 'ratio')}`, 'duration', time.thisWeek.outsideMs, time.lastWeek.outsideMs),
      figure('share-below', `Share of time below ${formatFigure(min, 'ratio')}`, 'ratio',
        time.thisWeek.share === null ? null : 1 - time.thisWeek.share, time.lastWeek.share === null ? null : 1 - time.lastWeek.share),
      figure('lookups', 'Lookups', 'count', now.lookups, before.lookups),
    ],
    daily: { label: 'Hit ratio', unit: 'ratio', values: perDay(input.thisWeek, (day) => lookupHitRatio(day).ratio), target: { value: min, kind: 'min' } },
    tables: [],
    missing: hasSamples(input.thisWeek) && now.ratio === null ? ['No lookups this week: no hit ratio to measure.'] : [],
    ...(low && { extra: { verdict: 'action' as const, reason: `The week's hit ratio, ${formatFigure(now.ratio, 'ratio')}, is below ${formatFigure(min, 'ratio')}.` } }),
  }), {
    within: `The hit ratio stayed at or above ${formatFigure(min, 'ratio')} all week (${formatFigure(now.ratio, 'ratio')} over the week).`,
    outside: `The hit ratio was below ${formatFigure(min, 'ratio')}`,
  });
}

/** Groups the report lists per kind (by name, by host). */
const CLIENT_GROUPS = 5;

/** The clients page's top groups as the report is made, or why there are none. */
function clientGroups(now: ClientsNow | null): { tables: ReportTable[]; missing: string[] } {
  if (now === null) return { tables: [], missing: ['Client groups are not kept in the history: the clients page shows the current ones.'] };
  if ('unavailable' in now) return { tables: [], missing: [`Client groups: ${now.unavailable}`] };
  const table = (title: string, groups: typeof now.byName): ReportTable => ({
    title,
    columns: ['Group', 'Clients', 'Of them Redlens'],
    rows: groups.slice(0, CLIENT_GROUPS).map((g) => [g.key === '' ? '(none set)' : g.key, formatFigure(g.count, 'count'), formatFigure(g.own, 'count')]),
    empty: 'No client connected.',
  });
  return {
    tables: [table('Top client groups by name, now', now.byName), table('Top client groups by host, now', now.byHost)],
    missing: [`Client groups are not kept in the history: these are the ${plural(now.total, 'client', 'clients')} connected at ${formatUtc(now.at)} (${formatFigure(now.own, 'count')} of them Redlens's own).`],
  };
}

function connectionsLine(input: LineInput): ChecklistLine {
  const max = input.thresholds.clientsMax;
  const groups = clientGroups(input.clientsNow);
  return targetLine('connections', 'clients', input, (time) => ({
    figures: [
      figure('p50', 'Clients p50', 'clients', weightedMedian(input.thisWeek, 'connectedClients'), weightedMedian(input.lastWeek, 'connectedClients')),
      figure('max', 'Clients max', 'clients', maximum(input.thisWeek, 'connectedClients'), maximum(input.lastWeek, 'connectedClients')),
      figure('time-above', `Time above ${max}`, 'duration', time.thisWeek.outsideMs, time.lastWeek.outsideMs),
    ],
    daily: { label: 'Clients max', unit: 'clients', values: perDay(input.thisWeek, (day) => maximum(day, 'connectedClients')), target: { value: max, kind: 'max' } },
    tables: groups.tables,
    missing: groups.missing,
  }), {
    within: `Connected clients stayed at or below ${max} all week.`,
    outside: `Connected clients were above ${max}`,
  });
}

function analysisMissing(input: LineInput): { missing: string[]; verdict: Verdict | null; reason: string | null } {
  const analysis = input.analysis.thisWeek;
  if (!analysis) {
    return { missing: ['No keyspace analysis has finished on this instance: run one from the analysis page.'], verdict: 'attention', reason: 'No keyspace analysis has been run: nothing to review.' };
  }
  if (analysis.finishedAt < input.from) {
    const text = `No keyspace analysis this week: the figures are from the latest, finished ${formatUtc(analysis.finishedAt)}.`;
    return { missing: [text], verdict: 'attention', reason: text };
  }
  return { missing: [], verdict: null, reason: null };
}

const estimatedNote = (a: AnalysisFacts | null) => (a?.estimated ? ['The analysis sampled the keyspace: its counts are estimates.'] : []);

function expirationLine(input: LineInput): ChecklistLine {
  const now = input.analysis.thisWeek;
  const before = input.analysis.lastWeek;
  const stale = analysisMissing(input);
  const share = (a: AnalysisFacts | null) => (a && a.keys > 0 ? a.withoutTtl / a.keys : null);
  let verdict: Verdict = stale.verdict ?? 'ok';
  let reason = stale.reason ?? `Every key follows the TTL policy; ${formatFigure(share(now), 'ratio')} of keys have no TTL.`;
  if (now && now.policyViolations > 0) {
    verdict = 'action';
    reason = `${plural(now.policyViolations, 'key breaks', 'keys break')} the TTL policy${stale.reason ? ` (in the latest analysis, from ${formatUtc(now.finishedAt)})` : ''}: set or shorten their TTLs.`;
  }
  return line('expiration', verdict, reason, {
    figures: [
      figure('keys', 'Keys analysed', 'count', now?.keys ?? null, before?.keys ?? null),
      figure('without-ttl', 'Keys without TTL', 'count', now?.withoutTtl ?? null, before?.withoutTtl ?? null),
      figure('without-ttl-share', 'Share of keys without TTL', 'ratio', share(now), share(before)),
      figure('without-ttl-bytes', 'Memory of keys without TTL', 'bytes', now?.withoutTtlBytes ?? null, before?.withoutTtlBytes ?? null),
      figure('violations', 'TTL policy violations', 'count', now?.policyViolations ?? null, before?.policyViolations ?? null),
    ],
    tables: now
      ? [
          {
            title: 'TTL policy',
            columns: ['Pattern', 'Policy', 'Keys', 'Violations'],
            rows: now.policies.filter((p) => p.keys > 0).map((p) => [p.pattern, p.policy, formatFigure(p.keys, 'count'), formatFigure(p.violations, 'count')]),
            empty: 'No key matched a policy pattern.',
          },
          {
            title: 'Namespaces without TTL',
            columns: ['Namespace', 'Keys', 'Memory'],
            rows: now.withoutTtlByNamespace.map((n) => [n.namespace, formatFigure(n.keys, 'count'), formatFigure(n.memoryBytes, 'bytes')]),
            empty: 'Every key has a TTL.',
          },
        ]
      : [],
    missing: [...stale.missing, ...estimatedNote(now)],
  });
}

function dataStructuresLine(input: LineInput): ChecklistLine {
  const now = input.analysis.thisWeek;
  const before = input.analysis.lastWeek;
  const stale = analysisMissing(input);
  const bigKeys = (a: AnalysisFacts | null) => (a ? a.bigKeys.filter((k) => (k.memoryBytes ?? 0) >= BIG_KEY_BYTES).length : null);
  const biggest = (a: AnalysisFacts | null) => a?.bigKeys[0]?.memoryBytes ?? null;
  let verdict: Verdict = stale.verdict ?? 'ok';
  let reason = stale.reason ?? `No key of ${formatFigure(BIG_KEY_BYTES, 'bytes')} or more, no collection in a non-compact encoding the settings would keep compact.`;
  if (now && now.encodingFindings > 0 && verdict === 'ok') {
    verdict = 'attention';
    reason = `${plural(now.encodingFindings, 'key is', 'keys are')} in a non-compact encoding: raise the *-max-listpack-* settings or split them.`;
  }
  const big = bigKeys(now) ?? 0;
  if (big > 0) {
    verdict = 'action';
    reason = `${plural(big, 'key', 'keys')} of ${formatFigure(BIG_KEY_BYTES, 'bytes')} or more (the biggest ${formatFigure(biggest(now), 'bytes')}): split them or read them in parts; delete with UNLINK.`;
  }
  return line('data-structures', verdict, reason, {
    figures: [
      figure('big-keys', `Keys of ${formatFigure(BIG_KEY_BYTES, 'bytes')} or more (of the top ${TOP})`, 'count', bigKeys(now), bigKeys(before)),
      figure('biggest', 'Biggest key', 'bytes', biggest(now), biggest(before)),
      figure('encodings', 'Non-compact encodings', 'count', now?.encodingFindings ?? null, before?.encodingFindings ?? null),
    ],
    tables: now
      ? [
          {
            title: 'Biggest keys',
            columns: ['Key', 'Type', 'Memory'],
            rows: now.bigKeys.map((k) => [k.key, k.type, formatFigure(k.memoryBytes, 'bytes')]),
            empty: 'The analysis found no key.',
          },
          {
            title: 'Non-compact encodings',
            columns: ['Key', 'Type', 'Encoding', 'Length', 'Setting'],
            rows: now.encodings.map((e) => [e.key, e.type, e.encoding, formatFigure(e.length, 'count'), `${e.setting} ${e.threshold}`]),
            empty: 'None.',
          },
        ]
      : [],
    missing: [...stale.missing, ...estimatedNote(now)],
  });
}

function trendsLine(input: LineInput): ChecklistLine {
  const { thisWeek: now, lastWeek: before, thresholds } = input;
  const judged = (['latency', 'memory', 'evictions'] as const).map((target) => ({ target, time: targetTime(now, target, thresholds) }));
  const labels = { latency: `PING p95 above ${thresholds.latencyP95MsMax} ms`, memory: `memory above ${formatFigure(thresholds.memoryUsedRatioMax, 'ratio')} of maxmemory`, evictions: `evictions above ${thresholds.evictedPerSecMax} keys/s` };
  const pingNow = mean(now, 'pingP95Ms');
  const pingBefore = mean(before, 'pingP95Ms');
  const memNow = mean(now, 'usedMemory');
  const memBefore = mean(before, 'usedMemory');
  let verdict: Verdict = 'ok';
  const reasons: string[] = [];
  for (const { target, time } of judged) {
    const v = targetVerdict(time);
    if (v === null || v === 'ok') continue;
    verdict = worst([verdict, v]);
    reasons.push(`${labels[target]} for ${outsideText(time)}`);
  }
  if (pingNow !== null && pingBefore !== null && pingBefore > 0 && pingNow >= pingBefore * LATENCY_GROWTH) {
    verdict = worst([verdict, 'attention']);
    reasons.push(`PING p95 grew from ${formatFigure(pingBefore, 'ms')} to ${formatFigure(pingNow, 'ms')}`);
  }
  if (memNow !== null && memBefore !== null && memBefore > 0 && memNow >= memBefore * MEMORY_GROWTH) {
    verdict = worst([verdict, 'attention']);
    reasons.push(`memory grew from ${formatFigure(memBefore, 'bytes')} to ${formatFigure(memNow, 'bytes')} on average`);
  }
  const missing: string[] = [];
  let reason = reasons.length > 0 ? `${reasons.join('; ')}.` : 'Latency, memory and evictions stayed within their targets, with no sharp change from last week.';
  if (!hasSamples(now)) {
    verdict = 'attention';
    reason = NO_SAMPLES;
    missing.push(NO_SAMPLES);
  } else if (!hasSamples(before)) {
    missing.push('No samples last week: nothing to compare with.');
  }
  return line('trends', verdict, reason, {
    figures: [
      figure('ops', 'Ops/s (mean)', 'ops/s', mean(now, 'opsPerSec'), mean(before, 'opsPerSec')),
      figure('ops-peak', 'Ops/s (peak)', 'ops/s', maximum(now, 'opsPerSec'), maximum(before, 'opsPerSec')),
      figure('ping-p95', 'PING p95 (mean)', 'ms', pingNow, pingBefore),
      figure('ping-p95-max', 'PING p95 (max)', 'ms', maximum(now, 'pingP95Ms'), maximum(before, 'pingP95Ms')),
      figure('memory', 'Memory (mean)', 'bytes', memNow, memBefore),
      figure('memory-max', 'Memory (max)', 'bytes', maximum(now, 'usedMemory'), maximum(before, 'usedMemory')),
      figure('evictions', 'Evictions (mean)', 'keys/s', mean(now, 'evictedPerSec'), mean(before, 'evictedPerSec')),
    ],
    daily: { label: 'PING p95 (mean)', unit: 'ms', values: perDay(now, (day) => mean(day, 'pingP95Ms')), target: { value: thresholds.latencyP95MsMax, kind: 'max' } },
    missing,
  });
}

function loadTestingLine(input: LineInput): ChecklistLine {
  const peakNow = maximum(input.thisWeek, 'opsPerSec');
  const peakBefore = maximum(input.lastWeek, 'opsPerSec');
  const analysis = input.analysis.thisWeek;
  let verdict: Verdict = 'ok';
  let reason = `The peak, ${formatFigure(peakNow, 'ops/s')}, is within ${formatFigure(PEAK_GROWTH - 1, 'ratio')} of last week's (${formatFigure(peakBefore, 'ops/s')}): load tests at last week's level still cover it.`;
  const missing: string[] = ['Redlens cannot see load tests: compare their level with the peak below.'];
  if (peakNow === null) {
    verdict = 'attention';
    reason = hasSamples(input.thisWeek) ? 'No ops/s figure this week.' : NO_SAMPLES;
    missing.push(reason);
  } else if (peakBefore === null) {
    verdict = 'attention';
    reason = `The peak was ${formatFigure(peakNow, 'ops/s')}; no samples last week to compare with: load test at this level.`;
  } else if (peakNow > peakBefore * PEAK_GROWTH) {
    verdict = 'attention';
    reason = `A new peak: ${formatFigure(peakNow, 'ops/s')}, up from ${formatFigure(peakBefore, 'ops/s')} last week: load test at this level.`;
  }
  return line('load-testing', verdict, reason, {
    figures: [
      figure('peak-ops', 'Peak ops/s', 'ops/s', peakNow, peakBefore),
      figure('peak-at', 'Peak at', 'time', maximumAt(input.thisWeek, 'opsPerSec'), maximumAt(input.lastWeek, 'opsPerSec')),
      figure('last-analysis', 'Last keyspace analysis', 'time', analysis?.finishedAt ?? null, input.analysis.lastWeek?.finishedAt ?? null),
    ],
    daily: { label: 'Ops/s (peak)', unit: 'ops/s', values: perDay(input.thisWeek, (day) => maximum(day, 'opsPerSec')), target: null },
    missing,
  });
}

/** Every checklist line, in the guide's order. */
export function checklistOf(input: LineInput): ChecklistLine[] {
  return [
    slowlogLine(input),
    fragmentationLine(input),
    hitRatioLine(input),
    connectionsLine(input),
    expirationLine(input),
    dataStructuresLine(input),
    trendsLine(input),
    loadTestingLine(input),
  ];
}

