import { describe, expect, it } from 'vitest';
import { TARGETS } from '@/lib/health-targets';
import { ACTION_OUTSIDE_SHARE, targetVerdict } from './checklist';
import { instanceReport } from './compute';
import { BUCKET_METRICS, type HistoryBucket, type ReportInput, type Stat, type WeekData } from './data';
import { escapeHtml, instanceHtml } from './html';
import { instanceMarkdown, mdText } from './markdown';
import { DAY_MS, parseIsoWeek, previousWeek, type IsoWeek } from './week';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WEEK = parseIsoWeek('2026-W40')!;
const MiB = 1024 * 1024;

const stat = (value: number | null): Stat => ({ min: value, avg: value, max: value });

function bucket(ts: number, values: Partial<Record<(typeof BUCKET_METRICS)[number], number | null>>, lengthMs = MINUTE, samples = 1, upSamples = samples): HistoryBucket {
  const all = Object.fromEntries(BUCKET_METRICS.map((m) => [m, stat(values[m] ?? null)])) as HistoryBucket['values'];
  return { ts, lengthMs, samples, upSamples, values: all };
}

const emptySlowlog = { entries: 0, totalMicros: 0, perDay: [0, 0, 0, 0, 0, 0, 0], fingerprints: [], newFingerprints: [], missed: 0, archiveSince: null };
const week = (w: IsoWeek, buckets: HistoryBucket[]): WeekData => ({ week: w, buckets, slowlog: emptySlowlog, analysis: null });

function input(thisWeek: HistoryBucket[], now = WEEK.to + DAY_MS, extra: Partial<ReportInput> = {}): ReportInput {
  return {
    instance: { id: 'a', name: 'A <b>' }, now, sampleIntervalMs: 10_000, thresholds: { ...TARGETS },
    thisWeek: week(WEEK, thisWeek), lastWeek: week(previousWeek(WEEK), []), events: [], eventsTruncated: false, findings: [], dataSince: null, clientsNow: null, ...extra,
  };
}

describe('the report of one week, pure', () => {
  it('judges a target: none outside is ok, up to a tenth attention, more action', () => {
    expect(targetVerdict({ share: null, measuredMs: 0, outsideMs: 0 })).toBeNull();
    expect(targetVerdict({ share: 1, measuredMs: 1000, outsideMs: 0 })).toBe('ok');
    expect(targetVerdict({ share: 0.9, measuredMs: 1000, outsideMs: 1000 * ACTION_OUTSIDE_SHARE })).toBe('attention');
    expect(targetVerdict({ share: 0.899, measuredMs: 1000, outsideMs: 101 })).toBe('action');
  });

  it('weighs a bucket by its samples times the interval, and counts down samples as down time', () => {
    // Six samples a minute at 10 s; one minute with 3 of 6 answered; an hour row of 360 samples.
    const report = instanceReport(input([
      bucket(WEEK.from, { connectedClients: 60 }, MINUTE, 6, 6),
      bucket(WEEK.from + MINUTE, { connectedClients: 10 }, MINUTE, 6, 3),
      bucket(WEEK.from + HOUR, { connectedClients: 10 }, HOUR, 360, 360),
    ]));
    const clients = report.targets.find((t) => t.id === 'clients')!;
    expect(clients.thisWeek).toEqual({ share: 1 - MINUTE / (MINUTE + 30_000 + HOUR), measuredMs: MINUTE + 30_000 + HOUR, outsideMs: MINUTE });
    expect(report.days[0]).toMatchObject({ upMs: MINUTE + 30_000 + HOUR, downMs: 30_000, status: 'partial' });
    expect(report.resolution).toBe('Judged per minute, and per hour for 1 hour whose minutes are no longer kept.');
  });

  it('counts fragmentation above the target only with more than 10 MiB fragmented, as the rule does', () => {
    const report = instanceReport(input([
      bucket(WEEK.from, { fragmentationRatio: 3, usedMemory: 1 * MiB, usedMemoryRss: 3 * MiB }, MINUTE, 6),
      bucket(WEEK.from + MINUTE, { fragmentationRatio: 1.6, usedMemory: 100 * MiB, usedMemoryRss: 160 * MiB }, MINUTE, 6),
    ]));
    expect(report.targets.find((t) => t.id === 'fragmentation')!.thisWeek).toEqual({ share: 0.5, measuredMs: 2 * MINUTE, outsideMs: MINUTE });
    const line = report.checklist.find((l) => l.id === 'fragmentation')!;
    expect(line.figures.find((f) => f.id === 'max')!.thisWeek).toBe(3);
    expect(line.verdict).toBe('action');
  });

  it('says why memory has no share when maxmemory is unset, never a zero', () => {
    const report = instanceReport(input([bucket(WEEK.from, { usedMemory: MiB, maxmemory: null }, MINUTE, 6)]));
    const memory = report.targets.find((t) => t.id === 'memory')!;
    expect(memory.thisWeek.share).toBeNull();
    expect(memory.note).toBe('maxmemory is 0 (no limit) in every sample: there is no limit to measure against.');
  });

  it('marks the days still to come and today as far as it went', () => {
    // Wednesday 06:00 of the week, samples since Monday 00:00 every minute.
    const now = WEEK.from + 2 * DAY_MS + 6 * HOUR;
    const buckets: HistoryBucket[] = [];
    for (let ts = WEEK.from; ts < now; ts += MINUTE) buckets.push(bucket(ts, { opsPerSec: 5 }, MINUTE, 6));
    const report = instanceReport(input(buckets, now));
    expect(report.days.map((d) => d.status)).toEqual(['complete', 'complete', 'complete', 'future', 'future', 'future', 'future']);
    expect(report.days[2]).toMatchObject({ upMs: 6 * HOUR, expectedMs: 6 * HOUR });
    expect(report.missing.some((text) => text.startsWith('Days without samples'))).toBe(false);
  });

  it('gives a down event the time until Redis answered again, or until the week ended', () => {
    const report = instanceReport(input([], WEEK.to + DAY_MS, {
      events: [
        { at: WEEK.to - HOUR, kind: 'down', title: 'down again', detail: '' },
        { at: WEEK.from + 2 * HOUR, kind: 'up', title: 'up', detail: '' },
        { at: WEEK.from + HOUR, kind: 'down', title: 'down', detail: '' },
        { at: WEEK.from + 30 * MINUTE, kind: 'finding-opened', title: 'listed with findings', detail: '' },
      ],
    }));
    expect(report.events.map((e) => [e.title, e.durationMs])).toEqual([['down again', HOUR], ['up', undefined], ['down', HOUR]]);
  });

  it('escapes what Markdown and HTML would read as markup', () => {
    expect(mdText('a|b *c* <x> [l](u)\nnext')).toBe('a\\|b \\*c\\* \\<x\\> \\[l\\](u) next');
    expect(escapeHtml(`<script>"'&`)).toBe('&lt;script&gt;&quot;&#39;&amp;');
    const report = instanceReport(input([]));
    expect(instanceMarkdown(report)).toContain('# Weekly report: A \\<b\\> (a), 2026-W40');
    expect(instanceHtml(report)).toContain('Weekly report: A &lt;b&gt; (a), 2026-W40');
  });
});
