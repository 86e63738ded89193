// The weekly report (SPEC section 13) over a week of synthetic history written through the real
// stores (history, slow log archive, events, findings, the job runner with a fake clock): every
// checklist line's figures and verdict as constructed, last week's deltas, missing days said as
// missing, the Markdown and HTML carrying the JSON's figures, the fleet, bad input.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as instanceReportRoute } from '@/app/api/instances/[id]/report/route';
import { GET as fleetReportRoute } from '@/app/api/report/route';
import type { AnalysisParams, AnalysisResult } from '@/lib/analysis/types';
import { METRICS, type MetricValues, type SampleRow } from '@/lib/history/types';
import { recordAudit } from '@/lib/audit/audit-log';
import { JobRunner } from '@/lib/jobs/runner';
import type { SlowlogEntry } from '@/lib/redis/parse/parse-slowlog';
import { formatDelta, formatFigure } from '@/lib/report/format';
import { mdText } from '@/lib/report/markdown';
import type { ChecklistId, ChecklistLine, FleetReport, InstanceReport } from '@/lib/report/types';
import { CHECKLIST } from '@/lib/report/types';
import { DAY_MS, isoWeekOf, previousWeek, weekDays, type IsoWeek } from '@/lib/report/week';
import { server as redlens } from '@/lib/server/root';
import { call, useAppEnv } from '@/test/app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';

const TOKEN = 'report-token';
const headers = { authorization: `Bearer ${TOKEN}` };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MiB = 1024 * 1024;

/** The week under test: two weeks before the current one, so every day of it has passed. */
const WEEK: IsoWeek = previousWeek(previousWeek(isoWeekOf(Date.now())));
const LAST: IsoWeek = previousWeek(WEEK);
const at = (week: IsoWeek, day: number, hour: number, minute = 0) => week.from + day * DAY_MS + hour * HOUR + minute * MINUTE;

const NULLS = Object.fromEntries(METRICS.map((metric) => [metric, null])) as MetricValues;

/** One sample a minute (the config's sampleIntervalSeconds is 60), as the sampler would write it. */
function sample(ts: number, values: Partial<MetricValues>): SampleRow {
  return { instance: 'r', ts, up: true, runId: 'run1', values: { ...NULLS, ...values } };
}

function minuteValues(ratio: number, extra: Partial<MetricValues> = {}): Partial<MetricValues> {
  return {
    usedMemory: 100 * MiB, usedMemoryRss: 120 * MiB, maxmemory: 1024 * MiB, fragmentationRatio: 1.2,
    connectedClients: 10, opsPerSec: 1000, hitRatio: ratio, hitsPerSec: 100 * ratio, missesPerSec: 100 - 100 * ratio,
    evictedPerSec: 0, pingP95Ms: 0.4, keys: 5000, ...extra,
  };
}

/**
 * This week: Mon 95 % hits, Tue 90 %, Wed 60 % (below the 80 % target all day), Thu no samples
 * at all, Fri-Sun 90 %; fragmentation 1.8 (80 MiB fragmented) Fri 06:00-12:00; 60 clients Sat
 * 10:00-12:00; a 5,000 ops/s peak Sun 15:00; PING p95 0.4 ms. Last week: 90 % hits all week,
 * PING p95 0.2 ms, 1,000 ops/s, no spell.
 */
function history(): SampleRow[] {
  const rows: SampleRow[] = [];
  const ratios = [0.95, 0.9, 0.6, null, 0.9, 0.9, 0.9];
  for (let ts = WEEK.from; ts < WEEK.to; ts += MINUTE) {
    const day = Math.floor((ts - WEEK.from) / DAY_MS);
    const ratio = ratios[day];
    if (ratio === null || ratio === undefined) continue;
    const extra: Partial<MetricValues> = {};
    if (ts >= at(WEEK, 4, 6) && ts < at(WEEK, 4, 12)) Object.assign(extra, { fragmentationRatio: 1.8, usedMemoryRss: 180 * MiB });
    if (ts >= at(WEEK, 5, 10) && ts < at(WEEK, 5, 12)) extra.connectedClients = 60;
    if (ts === at(WEEK, 6, 15)) extra.opsPerSec = 5000;
    rows.push(sample(ts, minuteValues(ratio, extra)));
  }
  for (let ts = LAST.from; ts < LAST.to; ts += MINUTE) rows.push(sample(ts, minuteValues(0.9, { pingP95Ms: 0.2 })));
  return rows;
}

let nextId = 1;
const entry = (ts: number, durationMicros: number, args: string[], clientName = 'app'): SlowlogEntry => ({
  id: nextId++, timestamp: Math.floor(ts / 1000), durationMicros, args, client: '10.0.0.5:5000', clientName,
});

function analysisResult(facts: { keys: number; noTtl: number; violations: number[]; encodings: number; top: Array<[string, number]> }): AnalysisResult {
  return {
    db: 0, mode: 'full', estimated: false, fractionSeen: 1, scanned: facts.keys, dbSize: facts.keys,
    totals: { keys: facts.keys, memoryBytes: 50 * MiB },
    byType: [], namespaces: [], topByLength: [],
    topByMemory: facts.top.map(([key, bytes]) => ({ key, keyB64: Buffer.from(key).toString('base64'), type: 'string', ttlMs: -1, memoryBytes: bytes, length: null, namespace: 'big:{id}' })),
    ttlHistogram: [{ bucket: 'none', keys: facts.noTtl, memoryBytes: facts.noTtl * 1000 }, { bucket: '<1h', keys: facts.keys - facts.noTtl, memoryBytes: 0 }],
    withoutTtlByNamespace: [{ namespace: 'cache:{id}', keys: facts.noTtl, memoryBytes: facts.noTtl * 1000 }],
    ttlPolicy: facts.violations.map((violations, i) => ({ pattern: `p${i}:*`, meaning: '', policy: '1 h', keys: 100, violations, examples: [] })),
    unclassified: { keys: 0, memoryBytes: 0 },
    encodingFindings: Array.from({ length: facts.encodings }, () => ({ key: 'h:1', keyB64: 'aDox', type: 'hash', encoding: 'hashtable', length: 600, setting: 'hash-max-listpack-entries', threshold: 512 })),
    encodingFindingsTotal: facts.encodings,
  };
}

/** A finished analysis run through the real job runner, on a clock set to `when`. */
async function recordAnalysis(when: number, result: AnalysisResult): Promise<void> {
  const runner = new JobRunner(redlens().store, { now: () => when });
  const params: AnalysisParams = { db: 0, mode: 'full', sampleKeys: 100_000 };
  const record = runner.start({ instance: 'r', kind: 'analysis', params, actor: 'admin', run: async () => result });
  await runner.settled(record.id);
  expect(runner.get(record.id)).toMatchObject({ status: 'done', finishedAt: when });
}

const getInstance = (query: string, id = 'r', options: { headers?: Record<string, string> } = {}) =>
  call(instanceReportRoute, 'GET', `/api/instances/${id}/report${query}`, { params: { id }, headers: options.headers ?? headers });
const getFleet = (query: string) => call(fleetReportRoute, 'GET', `/api/report${query}`, { headers });

async function reportOf(week: IsoWeek): Promise<InstanceReport> {
  const response = await getInstance(`?week=${week.id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as InstanceReport;
}

const lineOf = (report: InstanceReport, id: ChecklistId): ChecklistLine => report.checklist.find((l) => l.id === id)!;
const figures = (line: ChecklistLine) => Object.fromEntries(line.figures.map((f) => [f.id, f]));

describe('the weekly report', () => {
  let redis: RedisServer;
  let report: InstanceReport;

  beforeAll(async () => {
    redis = await startTestRedis();
    const { dataDir } = useAppEnv({ instances: [{ id: 'r', name: 'Cache', url: redisUrl(redis) }, { id: 'idle', name: 'Idle', url: redisUrl(redis) }, { id: 'gone', name: 'Gone', url: 'redis://127.0.0.1:1' }], env: { REDLENS_API_TOKEN: TOKEN } });
    const configFile = path.join(dataDir, 'redlens.json');
    writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), sampleIntervalSeconds: 60 }));

    redlens().history.record(history());
    const { slowlog, events, store } = redlens();
    slowlog.write('r', 'run1', [
      ...Array.from({ length: 4 }, (_, i) => entry(at(LAST, 1, 10, i), 15_000, ['GET', `user:${i}`])),
      ...Array.from({ length: 2 }, (_, i) => entry(at(WEEK, 0, 9, i), 12_000, ['GET', `user:${i}`])),
      ...Array.from({ length: 3 }, (_, i) => entry(at(WEEK, 2, 14, i), 20_000, ['HGETALL', `session:${i}`])),
      entry(at(WEEK, 4, 8), 11_000, ['ZADD', 'board', '1', 'x']),
      // Redlens's own SCANs: never counted as the application's.
      ...Array.from({ length: 2 }, (_, i) => entry(at(WEEK, 4, 9, i), 50_000, ['SCAN', '0', 'COUNT', '1000'], 'redlens-keys')),
    ], null);
    events.record('r', [
      { at: at(WEEK, 4, 3), kind: 'restart', title: 'Redis restarted', detail: '5,000 keys before, 5,000 after', before: { runId: 'run0' }, after: { runId: 'run1' } },
      { at: at(WEEK, 5, 9), kind: 'config-change', title: 'maxmemory changed', detail: '512 MiB -> 1 GiB', before: '536870912', after: '1073741824' },
      { at: at(WEEK, 6, 2), kind: 'down', title: 'Redis stopped answering', detail: 'connect ECONNREFUSED' },
      { at: at(WEEK, 6, 2, 5), kind: 'up', title: 'Redis answers again', detail: 'after 5 min' },
      { at: at(WEEK, 4, 6, 10), kind: 'finding-opened', title: 'Fragmentation high', detail: 'listed under findings' },
      { at: at(LAST, 3, 1), kind: 'restart', title: 'Redis restarted last week', detail: 'not this week' },
    ]);
    // A change made through Redlens: an admin action from the audit log, on the week's timeline.
    recordAudit(store, {
      at: at(WEEK, 5, 10), actor: 'admin', role: 'admin', address: '127.0.0.1', instance: 'r',
      action: 'config.set', target: 'maxmemory-policy', outcome: 'ok', detail: 'noeviction -> allkeys-lru',
    });
    const finding = store.prepare('INSERT INTO findings (instance, rule, severity, title, detail, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    finding.run('r', 'fragmentation-high', 'warning', 'Fragmentation high', 'd', at(WEEK, 4, 6, 10), at(WEEK, 4, 12, 5));
    finding.run('r', 'hit-ratio-low', 'warning', 'Hit ratio low', 'd', at(WEEK, 2, 0, 10), at(WEEK, 3, 0));
    finding.run('r', 'maxmemory-unset', 'info', 'No memory limit', 'd', at(LAST, 0, 0), null);
    finding.run('r', 'clients-high', 'warning', 'Clients high', 'd', at(LAST, 1, 0), at(LAST, 1, 1));
    await recordAnalysis(at(LAST, 2, 12), analysisResult({ keys: 1000, noTtl: 200, violations: [1, 0], encodings: 0, top: [['big:1', 512 * 1024]] }));
    await recordAnalysis(at(WEEK, 1, 10), analysisResult({ keys: 1200, noTtl: 300, violations: [3, 1], encodings: 1, top: [['big:2', 2 * MiB], ['big:1', 512 * 1024]] }));

    report = await reportOf(WEEK);
  });

  afterAll(async () => {
    await redlens().registry.close();
    await stopRedis(redis, { removeDir: true });
  });

  it('covers the ISO week asked for and the one before it', () => {
    expect(report).toMatchObject({ week: WEEK.id, from: WEEK.from, to: WEEK.to, previousWeek: LAST.id, instance: { id: 'r', name: 'Cache' } });
    expect(report.checklist.map((l) => [l.id, l.title])).toEqual(CHECKLIST.map((l) => [l.id, l.title]));
    expect(report.resolution).toBe('Judged per minute (the minute rollups).');
    // The oldest history kept: the week picker offers the weeks back to it.
    expect(report.dataSince).toBe(LAST.from);
  });

  it('says Thursday had no samples, and nothing else is missing from the history', () => {
    const days = weekDays(WEEK);
    expect(report.days.map((d) => d.status)).toEqual(['complete', 'complete', 'complete', 'missing', 'complete', 'complete', 'complete']);
    expect(report.days[3]).toEqual({ date: days[3], status: 'missing', upMs: 0, downMs: 0, expectedMs: DAY_MS });
    expect(report.days[0]).toMatchObject({ upMs: DAY_MS, downMs: 0 });
    expect(report.missing).toContain(`Days without samples: ${days[3]}.`);
    expect(report.missing.filter((text) => text.includes('analysis'))).toEqual([]);
    // Thursday is a gap in every daily series, never a zero.
    for (const line of report.checklist) if (line.daily) expect(line.daily.values[3]).toBeNull();
    for (const target of report.targets) expect(target.days[3]).toEqual({ share: null, measuredMs: 0, outsideMs: 0 });
  });

  it('fills the slow log line: the application\'s entries, the top fingerprints, the new one, the dangerous one', () => {
    const line = lineOf(report, 'slowlog');
    expect(figures(line)).toMatchObject({
      entries: { thisWeek: 6, lastWeek: 4, delta: 2 },
      'total-time': { thisWeek: 95_000, lastWeek: 60_000, delta: 35_000 },
      'new-fingerprints': { thisWeek: 2, lastWeek: 1, delta: 1 },
      dangerous: { thisWeek: 3, lastWeek: 0, delta: 3 },
      missed: { thisWeek: 0, lastWeek: 0 },
    });
    expect(line.daily!.values).toEqual([2, 0, 3, null, 1, 0, 0]);
    expect(line.tables[0]!.rows.map((r) => r[0])).toEqual(['HGETALL session:{id}', 'GET user:{id}', 'ZADD board']);
    expect(line.tables[1]!.rows.map((r) => r[0])).toEqual(['HGETALL session:{id}', 'ZADD board']);
    expect(line.tables[2]!.rows).toEqual([['HGETALL', '3', expect.stringContaining('HMGET')]]);
    expect(line.verdict).toBe('action');
    expect(line.reason).toBe('3 slow entries of commands the guide warns about (HGETALL ×3): replace them (see the advice).');
  });

  it('fills the fragmentation line: min/avg/max and the six hours above 1.5', () => {
    const line = lineOf(report, 'fragmentation');
    const f = figures(line);
    expect(f.min).toMatchObject({ thisWeek: 1.2, lastWeek: 1.2 });
    expect(f.max).toMatchObject({ thisWeek: 1.8, lastWeek: 1.2 });
    // 138 hours at 1.2 and 6 at 1.8 over the 144 hours sampled.
    expect(f.avg!.thisWeek).toBeCloseTo((138 * 1.2 + 6 * 1.8) / 144, 10);
    expect(f['time-above']).toMatchObject({ thisWeek: 6 * HOUR, lastWeek: 0, delta: 6 * HOUR });
    expect(line.daily).toEqual({ label: 'Fragmentation max', unit: 'number', values: [1.2, 1.2, 1.2, null, 1.8, 1.2, 1.2], target: { value: 1.5, kind: 'max' } });
    expect(line.verdict).toBe('attention');
    expect(line.reason).toBe('Fragmentation was above 1.5 (with more than 10 MiB fragmented) for 6 h (4.2 % of the measured time).');
  });

  it('fills the hit ratio line: the week\'s ratio, a whole day below 80 %, by day', () => {
    const line = lineOf(report, 'hit-ratio');
    const f = figures(line);
    expect(f['hit-ratio']!.thisWeek).toBeCloseTo((0.95 + 0.9 + 0.6 + 0.9 + 0.9 + 0.9) / 6, 10);
    expect(f['hit-ratio']!.lastWeek).toBeCloseTo(0.9, 10);
    expect(f['hit-ratio']!.delta).toBeCloseTo(5.15 / 6 - 0.9, 10);
    expect(f['time-below']).toMatchObject({ thisWeek: DAY_MS, lastWeek: 0 });
    expect(f['share-below']!.thisWeek).toBeCloseTo(1 / 6, 10);
    expect(f.lookups).toMatchObject({ thisWeek: 6 * 1440 * 6000, lastWeek: 7 * 1440 * 6000 });
    const daily = line.daily!.values;
    [0.95, 0.9, 0.6, null, 0.9, 0.9, 0.9].forEach((ratio, day) => (ratio === null ? expect(daily[day]).toBeNull() : expect(daily[day]).toBeCloseTo(ratio, 10)));
    expect(line.daily!.target).toEqual({ value: 0.8, kind: 'min' });
    expect(line.verdict).toBe('action');
    expect(line.reason).toBe('The hit ratio was below 80 % for 1 d (16.7 % of the measured time).');
  });

  it('fills the connections line: p50, max and the two hours above 50', () => {
    const line = lineOf(report, 'connections');
    expect(figures(line)).toMatchObject({
      p50: { thisWeek: 10, lastWeek: 10 },
      max: { thisWeek: 60, lastWeek: 10, delta: 50 },
      'time-above': { thisWeek: 2 * HOUR, lastWeek: 0 },
    });
    expect(line.daily!.values).toEqual([10, 10, 10, null, 10, 60, 10]);
    expect(line.verdict).toBe('attention');
    expect(line.reason).toBe('Connected clients were above 50 for 2 h (1.4 % of the measured time).');
    expect(line.missing).toEqual(['Client groups are not kept in the history: the clients page shows the current ones.']);
  });

  it('fills the expiration and data structure lines from this week\'s analysis, against last week\'s', () => {
    const expiration = lineOf(report, 'expiration');
    expect(figures(expiration)).toMatchObject({
      keys: { thisWeek: 1200, lastWeek: 1000, delta: 200 },
      'without-ttl': { thisWeek: 300, lastWeek: 200, delta: 100 },
      'without-ttl-share': { thisWeek: 0.25, lastWeek: 0.2 },
      violations: { thisWeek: 4, lastWeek: 1, delta: 3 },
    });
    expect(expiration.verdict).toBe('action');
    expect(expiration.reason).toBe('4 keys break the TTL policy: set or shorten their TTLs.');
    expect(expiration.missing).toEqual([]);

    const structures = lineOf(report, 'data-structures');
    expect(figures(structures)).toMatchObject({
      'big-keys': { thisWeek: 1, lastWeek: 0, delta: 1 },
      biggest: { thisWeek: 2 * MiB, lastWeek: 512 * 1024 },
      encodings: { thisWeek: 1, lastWeek: 0 },
    });
    expect(structures.verdict).toBe('action');
    expect(structures.tables[0]!.rows).toEqual([['big:2', 'string', '2 MiB'], ['big:1', 'string', '512 KiB']]);
    expect(report.analysis).toMatchObject({ startedAt: at(WEEK, 1, 10), finishedAt: at(WEEK, 1, 10), thisWeek: true });
  });

  it('fills the trend and load testing lines week on week', () => {
    const trends = lineOf(report, 'trends');
    expect(figures(trends)).toMatchObject({
      ops: { lastWeek: 1000 },
      'ops-peak': { thisWeek: 5000, lastWeek: 1000, delta: 4000 },
      'ping-p95': { thisWeek: 0.4, lastWeek: 0.2 },
      memory: { thisWeek: 100 * MiB, lastWeek: 100 * MiB, delta: 0 },
      evictions: { thisWeek: 0, lastWeek: 0 },
    });
    // One minute at 5,000 among 8,640 at 1,000.
    expect(figures(trends).ops!.thisWeek).toBeCloseTo((8639 * 1000 + 5000) / 8640, 8);
    expect(trends.verdict).toBe('attention');
    expect(trends.reason).toBe('PING p95 grew from 0.2 ms to 0.4 ms.');

    const load = lineOf(report, 'load-testing');
    expect(figures(load)).toMatchObject({
      'peak-ops': { thisWeek: 5000, lastWeek: 1000 },
      'peak-at': { thisWeek: at(WEEK, 6, 15), lastWeek: LAST.from, delta: null },
      'last-analysis': { thisWeek: at(WEEK, 1, 10), lastWeek: at(LAST, 2, 12) },
    });
    expect(load.verdict).toBe('attention');
    expect(load.reason).toBe('A new peak: 5,000 ops/s, up from 1,000 ops/s last week: load test at this level.');
  });

  it('gives the share of time each production target was met, per day', () => {
    const target = (id: string) => report.targets.find((t) => t.id === id)!;
    expect(target('hit-ratio').thisWeek).toEqual({ share: 5 / 6, measuredMs: 6 * DAY_MS, outsideMs: DAY_MS });
    expect(target('hit-ratio').lastWeek).toEqual({ share: 1, measuredMs: 7 * DAY_MS, outsideMs: 0 });
    expect(target('hit-ratio').days.map((d) => d.share)).toEqual([1, 1, 0, null, 1, 1, 1]);
    expect(target('fragmentation').days[4]).toEqual({ share: 0.75, measuredMs: DAY_MS, outsideMs: 6 * HOUR });
    expect(target('clients').thisWeek.outsideMs).toBe(2 * HOUR);
    expect(target('latency').thisWeek).toEqual({ share: 1, measuredMs: 6 * DAY_MS, outsideMs: 0 });
    expect(target('memory').thisWeek.share).toBe(1);
    expect(target('evictions').thisWeek.share).toBe(1);
    expect(report.targets.map((t) => t.label)).toEqual([
      'PING p95 < 1 ms', 'Hit ratio > 80 %', 'Memory < 80 % of maxmemory', 'Clients < 50', 'Evictions < 100 keys/s', 'Fragmentation < 1.5',
    ]);
  });

  it('lists the week\'s events (a down with how long it lasted) and its findings with durations', () => {
    expect(report.events.map((e) => [e.kind, e.at])).toEqual([
      ['up', at(WEEK, 6, 2, 5)],
      ['down', at(WEEK, 6, 2)],
      ['admin-action', at(WEEK, 5, 10)],
      ['config-change', at(WEEK, 5, 9)],
      ['restart', at(WEEK, 4, 3)],
    ]);
    expect(report.events.find((e) => e.kind === 'down')!.durationMs).toBe(5 * MINUTE);
    expect(report.events.find((e) => e.kind === 'admin-action')).toMatchObject({ title: 'Setting changed by admin', actor: 'admin' });
    expect(report.findings.map((f) => [f.id, f.durationInWeekMs, f.endedAt])).toEqual([
      ['maxmemory-unset', 7 * DAY_MS, null],
      ['hit-ratio-low', 23 * HOUR + 50 * MINUTE, at(WEEK, 3, 0)],
      ['fragmentation-high', 5 * HOUR + 55 * MINUTE, at(WEEK, 4, 12, 5)],
    ]);
  });

  it('judges last week on its own: the lines that were fine are ok, the week before it missing', async () => {
    const last = await reportOf(LAST);
    const verdicts = Object.fromEntries(last.checklist.map((l) => [l.id, l.verdict]));
    expect(verdicts).toEqual({
      slowlog: 'attention', fragmentation: 'ok', 'hit-ratio': 'ok', connections: 'ok',
      expiration: 'action', 'data-structures': 'ok', trends: 'ok', 'load-testing': 'attention',
    });
    expect(lineOf(last, 'slowlog').reason).toBe('1 new fingerprint this week (GET user:{id}): look at what changed.');
    // The week before it has no samples: its slow log was not read, so its counts are unknown, not zero.
    expect(figures(lineOf(last, 'slowlog')).entries).toEqual({ id: 'entries', label: 'Slow entries', unit: 'count', thisWeek: 4, lastWeek: null, delta: null });
    expect(lineOf(last, 'hit-ratio').reason).toBe('The hit ratio stayed at or above 80 % all week (90 % over the week).');
    expect(last.missing).toContain(`No samples in the week before (${previousWeek(LAST).id}): no comparison.`);
    expect(lineOf(last, 'trends').missing).toEqual(['No samples last week: nothing to compare with.']);
    expect(figures(lineOf(last, 'trends'))['ping-p95']).toMatchObject({ thisWeek: 0.2, lastWeek: null, delta: null });
    expect(last.days.every((d) => d.status === 'complete')).toBe(true);
  });

  it('says so when the week has no samples and no analysis, never a silent zero', async () => {
    const current = isoWeekOf(Date.now());
    const response = await getInstance('');
    const now = (await response.json()) as InstanceReport;
    expect(now.week).toBe(current.id);
    expect(now.missing).toContain('No samples at all this week: every history figure is missing.');
    expect(now.missing).toContain(`No keyspace analysis this week (the latest finished ${formatFigure(at(WEEK, 1, 10), 'time')}).`);
    // The days gone by have no samples; the days still to come are not missing, only ahead.
    expect(now.days.map((d) => d.status)).toEqual(
      weekDays(current).map((_, day) => (current.from + day * DAY_MS >= now.generatedAt ? 'future' : 'missing')),
    );
    for (const line of now.checklist) expect(line.verdict).not.toBe('ok');
    expect(figures(lineOf(now, 'fragmentation')).max!.thisWeek).toBeNull();
    expect(lineOf(now, 'hit-ratio').reason).toBe('No samples this week: Redlens did not record this instance.');
    expect(lineOf(now, 'expiration').missing[0]).toMatch(/^No keyspace analysis this week: the figures are from the latest, finished /);
    // Who is connected is not history: the current week's report has the clients page's groups of now.
    const connections = lineOf(now, 'connections');
    expect(connections.tables.map((t) => t.title)).toEqual(['Top client groups by name, now', 'Top client groups by host, now']);
    expect(connections.tables[1]!.rows.map((row) => row[0])).toContain('127.0.0.1');
    expect(connections.missing).toContainEqual(expect.stringMatching(/^Client groups are not kept in the history: these are the \d+ clients? connected at .* UTC \(\d+ of them Redlens's own\)\.$/));
    // A past week's report has none.
    expect(lineOf(report, 'connections').tables).toEqual([]);
  });

  it('says so when Redis does not answer CLIENT LIST, and still reports', async () => {
    const response = await getInstance('', 'gone');
    expect(response.status).toBe(200);
    const gone = (await response.json()) as InstanceReport;
    expect(lineOf(gone, 'connections').missing).toContainEqual(expect.stringMatching(/^Client groups: Redis did not answer CLIENT LIST as the report was made \(.+\)\.$/));
  });

  it('gives the same figures as Markdown, and a printable HTML document', async () => {
    const md = await getInstance(`?week=${WEEK.id}&format=md`);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toBe(`inline; filename="redlens-report-r-${WEEK.id}.md"`);
    const text = await md.text();
    expect(text.startsWith(`# Weekly report: Cache (r), ${WEEK.id}`)).toBe(true);
    for (const line of report.checklist) {
      expect(text).toContain(`| ${mdText(line.title)} | ${line.verdict.toUpperCase()} | ${mdText(line.reason)} |`);
      for (const f of line.figures) {
        expect(text).toContain(`| ${mdText(f.label)} | ${mdText(formatFigure(f.thisWeek, f.unit))} | ${mdText(formatFigure(f.lastWeek, f.unit))} | ${mdText(formatDelta(f.delta, f.unit))} |`);
      }
    }
    for (const text2 of report.missing) expect(text).toContain(`- ${mdText(text2)}`);

    const html = await getInstance(`?week=${WEEK.id}&format=html`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-disposition')).toBe(`attachment; filename="redlens-report-r-${WEEK.id}.html"`);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await html.text();
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toMatch(/@media print \{[^]*break-before: page/);
    expect(page).not.toMatch(/<script|<nav|<link /);
    for (const line of report.checklist) expect(page).toContain(line.title);
    expect(page).toContain('HGETALL session:{id}');
  });

  it('reports the fleet: every configured instance, a summary per line, page breaks between them', async () => {
    const response = await getFleet(`?week=${WEEK.id}`);
    expect(response.status).toBe(200);
    const fleet = (await response.json()) as FleetReport;
    expect(fleet.instances.map((i) => i.instance.id)).toEqual(['r', 'idle', 'gone']);
    expect(fleet.instances[0]!.checklist).toEqual(report.checklist);
    expect(fleet.summary.find((s) => s.id === 'hit-ratio')).toEqual({
      id: 'hit-ratio', title: 'Cache hit ratio analysis', verdict: 'action', instances: { ok: [], attention: ['idle', 'gone'], action: ['r'] },
    });
    expect(fleet.instances[1]!.missing[0]).toBe('No samples at all this week: every history figure is missing.');
    expect(fleet.instances[1]!.dataSince).toBeNull();
    expect(fleet.dataSince).toBe(LAST.from);
    const html = await (await getFleet(`?week=${WEEK.id}&format=html`)).text();
    expect(html.match(/<section class="instance/g)).toHaveLength(4);
    const md = await (await getFleet(`?week=${WEEK.id}&format=md`)).text();
    expect(md).toContain(`## Weekly report: Cache (r), ${WEEK.id}`);
    expect(md).toContain(`## Weekly report: Idle (idle), ${WEEK.id}`);
  });

  it('reads the hour rollups where the minutes are no longer kept, to the same shares', async () => {
    const before = await reportOf(LAST);
    // Retention dropped last week's minutes (as lib/store/retention.ts does after retention.minuteDays).
    redlens().store.prepare('DELETE FROM rollup_1m WHERE instance = ? AND ts >= ? AND ts < ?').run('r', LAST.from, LAST.to);
    const after = await reportOf(LAST);
    expect(after.resolution).toBe('Judged per minute, and per hour for 168 hours whose minutes are no longer kept.');
    expect(after.days.map((d) => [d.status, d.upMs])).toEqual(before.days.map((d) => [d.status, d.upMs]));
    expect(after.targets.map((t) => t.thisWeek)).toEqual(before.targets.map((t) => t.thisWeek));
    expect(figures(lineOf(after, 'hit-ratio'))['hit-ratio']!.thisWeek).toBeCloseTo(0.9, 10);
  });

  it.each([
    ['?week=2026-W54'],
    ['?week=2021-W53'],
    ['?week=2026-w01'],
    ['?week=2026-01'],
    ['?week='],
    ['?format=pdf'],
    [`?week=${'2026-W01'}&extra=1`],
  ])('answers %s with 400 BAD_REQUEST', async (query) => {
    for (const response of [await getInstance(query), await getFleet(query)]) {
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    }
  });

  it('asks who is calling, and 404s an unknown instance', async () => {
    expect((await getInstance('', 'r', { headers: {} })).status).toBe(401);
    expect((await call(fleetReportRoute, 'GET', '/api/report', {})).status).toBe(401);
    expect((await getInstance('', 'nope')).status).toBe(404);
  });
});
