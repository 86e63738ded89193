import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '@/lib/store/sqlite';
import { FindingsStore, type SyncOptions } from './findings-store';
import type { RuleResult } from './rules';
import { FINDING_EVENTS_MAX } from './types';

const T0 = Date.UTC(2026, 10, 1, 0, 0, 0);
const STEP = 10_000;
const held: SyncOptions = { frozen: false, openAfter: 2, closeAfter: 3 };
const frozen: SyncOptions = { ...held, frozen: true };

const memory = (percent: number): RuleResult => ({
  id: 'memory-near-limit', severity: 'warning', title: 'Memory is near its limit',
  detail: `${percent} % of maxmemory`, value: percent / 100, threshold: 0.8, remediation: 'Raise maxmemory.',
});
const down: RuleResult = { id: 'instance-down', severity: 'critical', title: 'Redis does not answer', detail: 'ECONNREFUSED', value: null, threshold: null, remediation: 'Start it.' };
const infoUnavailable: RuleResult = { ...down, id: 'info-unavailable', severity: 'warning', title: 'INFO is unavailable' };

function freshStore(dir = mkdtempSync(path.join(tmpdir(), 'redlens-findings-'))) {
  const db = openStore(dir);
  let t = T0;
  const findings = new FindingsStore(db);
  return {
    dir, db, findings,
    /** One sample STEP after the last. */
    sync: (results: RuleResult[], options = held) => findings.sync('a', (t += STEP), results, options),
    at: () => t,
  };
}

describe('FindingsStore.sync', () => {
  it('opens after 2 held samples with since at the first, and says so once', () => {
    const { sync } = freshStore();
    const first = sync([memory(85)]);
    expect(first).toEqual({ active: [], opened: [], closed: [] });
    const second = sync([memory(86)]);
    expect(second.opened).toEqual([{ ...memory(86), since: T0 + STEP }]);
    expect(second.active).toEqual([{ ...memory(86), since: T0 + STEP }]);
    expect(sync([memory(87)]).opened).toEqual([]);
  });

  it('keeps a finding in its closing period active with its last result, then closes it', () => {
    const { sync, findings } = freshStore();
    sync([memory(85)]);
    sync([memory(90)]);
    expect(sync([]).active).toEqual([{ ...memory(90), since: T0 + STEP }]);
    expect(sync([]).active).toHaveLength(1);
    const closing = sync([]);
    expect(closing.active).toEqual([]);
    const ended = { id: 'memory-near-limit', severity: 'warning', title: 'Memory is near its limit', startedAt: T0 + STEP, endedAt: T0 + 3 * STEP };
    // With the last detail it showed, for the alert that says it closed.
    expect(closing.closed).toEqual([{ ...ended, detail: '90 % of maxmemory' }]);
    expect(findings.events('a', T0, T0 + 10 * STEP)).toEqual([ended]);
  });

  it('never opens a condition that toggles every sample', () => {
    const { sync, findings, at } = freshStore();
    for (let i = 0; i < 30; i++) expect(sync(i % 2 === 0 ? [memory(85)] : []).opened).toEqual([]);
    expect(findings.events('a', T0, at())).toEqual([]);
  });

  it('while frozen, keeps what is open (same since) and opens nothing; instance-down opens and closes at once', () => {
    const { sync } = freshStore();
    sync([memory(85)]);
    sync([memory(85)]);
    const downSample = sync([down], frozen);
    expect(downSample.opened.map((f) => f.id)).toEqual(['instance-down']);
    expect(downSample.active.map((f) => [f.id, f.since])).toEqual([
      ['instance-down', T0 + 3 * STEP],
      ['memory-near-limit', T0 + STEP],
    ]);
    for (let i = 0; i < 5; i++) expect(sync([down], frozen).closed).toEqual([]);
    const back = sync([memory(85)]);
    expect(back.closed.map((f) => [f.id, f.endedAt])).toEqual([['instance-down', T0 + 9 * STEP]]);
    expect(back.active).toEqual([{ ...memory(85), since: T0 + STEP }]);
  });

  it('holds info-unavailable as status: opens at once, kept while Redis is down, closed when INFO answers', () => {
    const { sync } = freshStore();
    expect(sync([infoUnavailable], frozen).opened.map((f) => f.id)).toEqual(['info-unavailable']);
    expect(sync([down], frozen).active.map((f) => f.id).sort()).toEqual(['info-unavailable', 'instance-down']);
    const answered = sync([]);
    expect(answered.closed.map((f) => f.id).sort()).toEqual(['info-unavailable', 'instance-down']);
  });

  it('keeps open findings open across a restart of Redlens, with their since and last result', () => {
    const { sync, dir, db, at } = freshStore();
    sync([memory(85)]);
    sync([memory(91)]);
    db.close();
    const reopened = new FindingsStore(openStore(dir));
    const next = reopened.sync('a', at() + STEP, [], held);
    expect(next.active).toEqual([{ ...memory(91), since: T0 + STEP }]);
    expect(next.closed).toEqual([]);
  });
});

describe('FindingsStore.events', () => {
  it('returns every open finding and the newest of the others past the cap, oldest first', () => {
    const { db, findings } = freshStore();
    const insert = db.prepare('INSERT INTO findings (instance, rule, severity, title, detail, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    // A finding open since before all of them, then more ended ones than one answer carries.
    insert.run('a', 'persistence-failing', 'critical', 'Persistence is failing', '', T0, null);
    db.transaction(() => {
      for (let i = 1; i <= FINDING_EVENTS_MAX + 20; i++) insert.run('a', 'hit-ratio-low', 'warning', 'Low', '', T0 + i * STEP, T0 + i * STEP + 5000);
    })();
    const events = findings.events('a', T0, T0 + 10_000 * STEP);
    expect(events).toHaveLength(FINDING_EVENTS_MAX + 1);
    expect(events[0]).toMatchObject({ id: 'persistence-failing', endedAt: null });
    expect(events[1]!.startedAt).toBe(T0 + 21 * STEP);
    expect(events[events.length - 1]!.startedAt).toBe(T0 + (FINDING_EVENTS_MAX + 20) * STEP);
  });
});
