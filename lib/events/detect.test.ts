import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInfo } from '@/lib/redis/parse/parse-info';
import { countersOf } from '@/lib/sampler/compute-sample';
import { factsOf } from '@/lib/sampler/observation';
import { detectEvents, FRESH_MEMORY, type DetectorMemory, type Observation, type RedisFacts, type SlowlogFacts } from './detect';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../redis/parse/fixtures', name), 'utf8');
// One database, so `db0` is every key.
const PRIMARY = fixture('info-primary-7.0.txt').replace(/^db[12]:.*\r?\n/gm, '');
const REPLICA = fixture('info-replica-7.0.txt');
const OPTIONS = { dataLossKeysMin: 1000 };

/** A captured INFO reply with some fields changed (`db0` as a whole line value). */
function info(base: string, changes: Record<string, string | number> = {}): string {
  let text = base;
  for (const [field, value] of Object.entries(changes)) {
    const line = new RegExp(`^${field}:.*$`, 'm');
    text = line.test(text) ? text.replace(line, `${field}:${value}`) : text.replace('# Errorstats', `# Errorstats\r\n${field}:${value}`);
  }
  return text;
}

function up(at: number, text: string, extra: { settings?: Record<string, string>; slowlog?: SlowlogFacts } = {}): Observation {
  const sections = parseInfo(text);
  const facts: RedisFacts = factsOf(sections, countersOf(sections, at), extra.settings ?? null, extra.slowlog ?? null);
  return { at, answer: 'up', facts };
}

/** Runs the observations in order; the events of each, by step. */
function run(observations: Observation[], memory: DetectorMemory = FRESH_MEMORY) {
  const steps = [];
  for (const observation of observations) {
    const result = detectEvents(memory, observation, OPTIONS);
    memory = result.memory;
    steps.push(result.events);
  }
  return steps;
}

const kinds = (events: Array<{ kind: string }>) => events.map((event) => event.kind);

describe('detectEvents', () => {
  it('says nothing on the first sample, nor when nothing changed', () => {
    const [first, second] = run([up(0, PRIMARY), up(10_000, PRIMARY)]);
    expect(first).toEqual([]);
    expect(second).toEqual([]);
  });

  it('finds a restart that lost the data: restart and data-loss with before and after', () => {
    const before = info(PRIMARY, { db0: 'keys=56012,expires=10,avg_ttl=0' });
    const after = info(PRIMARY, { run_id: 'a'.repeat(40), uptime_in_seconds: 3, db0: 'keys=19,expires=0,avg_ttl=0' });
    const [, events] = run([up(0, before), up(10_000, after)]);
    expect(kinds(events!)).toEqual(['restart', 'data-loss']);
    const [restart, loss] = events!;
    expect(restart!.before).toEqual({ runId: 'ef156f89b25c9b42e5be1f271eae7446eefc9eaa', keys: 56012 });
    expect(restart!.after).toEqual({ runId: 'a'.repeat(40), keys: 19, uptimeSeconds: 3 });
    expect(loss!.before).toEqual({ keys: 56012 });
    expect(loss!.after).toEqual({ keys: 19 });
    expect(loss!.detail).toBe('56,012 keys before, 19 after, across a restart.');
    expect(loss!.title).toBe('100 % of the keys are gone');
  });

  it('judges keys only above dataLossKeysMin and below half', () => {
    const keys = (n: number) => info(PRIMARY, { db0: `keys=${n},expires=0,avg_ttl=0` });
    expect(kinds(run([up(0, keys(999)), up(1, keys(0))])[1]!)).toEqual([]);
    expect(kinds(run([up(0, keys(2000)), up(1, keys(1000))])[1]!)).toEqual([]);
    expect(kinds(run([up(0, keys(2000)), up(1, keys(999))])[1]!)).toEqual(['data-loss']);
  });

  it('waits for a loading Redis before comparing its keys', () => {
    const full = info(PRIMARY, { db0: 'keys=5000,expires=0,avg_ttl=0' });
    const loading = info(PRIMARY, { run_id: 'b'.repeat(40), loading: 1, db0: 'keys=10,expires=0,avg_ttl=0' });
    const loaded = info(PRIMARY, { run_id: 'b'.repeat(40), db0: 'keys=4990,expires=0,avg_ttl=0' });
    const [, during, after] = run([up(0, full), up(1, loading), up(2, loaded)]);
    expect(during).toEqual([]);
    expect(kinds(after!)).toEqual(['restart']);
  });

  it('finds a promotion and a demotion, with role and primary', () => {
    const [, promoted, demoted] = run([up(0, REPLICA), up(1, PRIMARY), up(2, REPLICA)]);
    expect(kinds(promoted!)).toContain('role-change');
    const promotion = promoted!.find((event) => event.kind === 'role-change')!;
    expect(promotion.title).toBe('Promoted to primary');
    expect(promotion.before).toEqual({ role: 'replica', primary: '127.0.0.1:42103' });
    expect(promotion.after).toEqual({ role: 'primary', primary: null });
    expect(demoted!.find((event) => event.kind === 'role-change')!.title).toBe('Became a replica of 127.0.0.1:42103');
  });

  it('finds a replica that follows another primary', () => {
    const [, moved] = run([up(0, REPLICA), up(1, info(REPLICA, { master_port: 6380 }))]);
    expect(moved!.map((event) => event.title)).toEqual(['Now replicates 127.0.0.1:6380']);
  });

  it('gives one config-change per setting that changed, between two reads a minute apart', () => {
    const first = { maxmemory: '104857600', 'maxmemory-policy': 'allkeys-lru', save: '' };
    const second = { maxmemory: '1048576', 'maxmemory-policy': 'noeviction', save: '' };
    // The sample in between did not read the settings (null): no comparison against nothing.
    const [, between, read] = run([up(0, PRIMARY, { settings: first }), up(10_000, PRIMARY), up(60_000, PRIMARY, { settings: second })]);
    expect(between).toEqual([]);
    expect(read!.map((event) => [event.kind, event.title, event.before, event.after])).toEqual([
      ['config-change', 'maxmemory changed', { maxmemory: '104857600' }, { maxmemory: '1048576' }],
      ['config-change', 'maxmemory-policy changed', { 'maxmemory-policy': 'allkeys-lru' }, { 'maxmemory-policy': 'noeviction' }],
    ]);
    expect(read![0]!.detail).toBe('maxmemory was "104857600" (100 MiB), now "1048576" (1 MiB).');
  });

  it('marks down and up, but not on the first sample', () => {
    const down = (at: number): Observation => ({ at, answer: 'down', error: 'connect ECONNREFUSED 127.0.0.1:6379' });
    expect(run([down(0), up(10_000, PRIMARY)]).map(kinds)).toEqual([[], ['up']]);
    const steps = run([up(0, PRIMARY), down(10_000), down(20_000), up(40_000, PRIMARY)]);
    expect(steps.map(kinds)).toEqual([[], ['down'], [], ['up']]);
    expect(steps[1]![0]!.detail).toBe('connect ECONNREFUSED 127.0.0.1:6379. It last answered 10 s before.');
    expect(steps[3]![0]!.detail).toBe('After 30 s without an answer.');
  });

  it('marks counters when they start growing, once per run of growth', () => {
    const oom = (n: number) => info(PRIMARY, { errorstat_OOM: `count=${n}` });
    const steps = run([up(0, oom(0)), up(10_000, oom(175)), up(20_000, oom(200)), up(30_000, oom(200)), up(40_000, oom(201))]);
    expect(steps.map(kinds)).toEqual([[], ['oom-errors'], [], [], ['oom-errors']]);
    expect(steps[1]![0]!.detail).toMatch(/^175 OOM errors in 10 s/);

    const rejected = run([up(0, PRIMARY), up(10_000, info(PRIMARY, { rejected_connections: 12 }))])[1]!;
    expect(rejected.map((event) => [event.kind, event.detail])).toEqual([
      ['rejected-connections', '12 connections rejected in 10 s (rejected_connections 12 since the start of Redis; maxclients 10,000).'],
    ]);
    expect(kinds(run([up(0, PRIMARY), up(10_000, info(PRIMARY, { evicted_keys: 300 }))])[1]!)).toEqual(['evictions-started']);
  });

  it('does not take counters that start again with Redis for growth', () => {
    const grown = info(PRIMARY, { evicted_keys: 50 });
    const restarted = info(PRIMARY, { run_id: 'c'.repeat(40), evicted_keys: 60 });
    expect(kinds(run([up(0, grown), up(1, restarted)])[1]!)).toEqual(['restart']);
  });

  describe('slow log reset by someone else', () => {
    const log = (length: number, newestId: number, ownResetMark: number | null = null): SlowlogFacts => ({ length, newestId, ownResetMark });
    const settings = { 'slowlog-max-len': '128' };

    it('is an emptied log, or fewer entries than held plus logged since', () => {
      const emptied = run([up(0, PRIMARY, { slowlog: log(37, 40) }), up(1, PRIMARY, { slowlog: log(0, -1) })])[1]!;
      expect(emptied.map((event) => [event.kind, event.before, event.after])).toEqual([['slowlog-reset', { entries: 37 }, { entries: 0 }]]);
      const refilled = run([up(0, PRIMARY, { settings, slowlog: log(37, 40) }), up(1, PRIMARY, { slowlog: log(5, 45) })])[1]!;
      expect(kinds(refilled)).toEqual(['slowlog-reset']);
      expect(refilled[0]!.detail).toMatch(/^37 entries at the last sample and 5 logged since, 5 now: 37 gone/);
    });

    it('is not rotation at slowlog-max-len, growth, or a reset through Redlens', () => {
      const rotated = run([up(0, PRIMARY, { settings, slowlog: log(128, 200) }), up(1, PRIMARY, { slowlog: log(128, 260) })])[1]!;
      expect(rotated).toEqual([]);
      const grew = run([up(0, PRIMARY, { slowlog: log(3, 3) }), up(1, PRIMARY, { slowlog: log(9, 9) })])[1]!;
      expect(grew).toEqual([]);
      const ours = run([up(0, PRIMARY, { slowlog: log(37, 40, 1000) }), up(1, PRIMARY, { slowlog: log(0, -1, 2000) })])[1]!;
      expect(ours).toEqual([]);
    });
  });
});
