// A Sentinel instance follows the master the sentinels name: the role it sees stays primary and
// the server that answers changes. That is a failover (role-change with both addresses), never a
// restart, even though the run_id is another server's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInfo } from '@/lib/redis/parse/parse-info';
import { countersOf } from '@/lib/sampler/compute-sample';
import { factsOf } from '@/lib/sampler/observation';
import { detectEvents, FRESH_MEMORY, type Observation } from './detect';

const PRIMARY = readFileSync(path.join(import.meta.dirname, '../redis/parse/fixtures', 'info-primary-7.0.txt'), 'utf8').replace(/^db[12]:.*\r?\n/gm, '');
const OPTIONS = { dataLossKeysMin: 1000 };

function up(at: number, server: string | null | undefined, changes: Record<string, string> = {}): Observation {
  let text = PRIMARY;
  for (const [field, value] of Object.entries(changes)) text = text.replace(new RegExp(`^${field}:.*$`, 'm'), `${field}:${value}`);
  const sections = parseInfo(text);
  return { at, answer: 'up', facts: factsOf(sections, countersOf(sections, at), null, null, server) };
}

function eventsOf(observations: Observation[]) {
  let memory = FRESH_MEMORY;
  return observations.map((observation) => {
    const result = detectEvents(memory, observation, OPTIONS);
    memory = result.memory;
    return result.events;
  });
}

const OTHER_RUN = 'b'.repeat(40);

describe('a Sentinel failover', () => {
  it('is a role-change from the old master to the new one, not a restart', () => {
    const [, second] = eventsOf([up(0, '127.0.0.1:7001'), up(10_000, '127.0.0.1:7002', { run_id: OTHER_RUN })]);
    expect(second).toHaveLength(1);
    expect(second![0]).toMatchObject({
      kind: 'role-change',
      title: 'Failover: the primary moved from 127.0.0.1:7001 to 127.0.0.1:7002',
      before: { role: 'primary', server: '127.0.0.1:7001' },
      after: { role: 'primary', server: '127.0.0.1:7002', runId: OTHER_RUN },
    });
    expect(second![0]!.detail).toContain('127.0.0.1:7002');
  });

  it('says a key drop happened across the failover', () => {
    const [, second] = eventsOf([up(0, 'a:1', { db0: 'keys=5000,expires=0,avg_ttl=0' }), up(10_000, 'b:2', { run_id: OTHER_RUN, db0: 'keys=10,expires=0,avg_ttl=0' })]);
    expect(second!.map((event) => event.kind).sort()).toEqual(['data-loss', 'role-change']);
    expect(second!.find((event) => event.kind === 'data-loss')!.detail).toContain('across a failover to b:2');
  });

  it('keeps a restart of the same master a restart', () => {
    const [, second] = eventsOf([up(0, 'a:1'), up(10_000, 'a:1', { run_id: OTHER_RUN })]);
    expect(second!.map((event) => event.kind)).toEqual(['restart']);
  });

  it('compares nothing where the server is not tracked (a plain instance)', () => {
    const [, second] = eventsOf([up(0, undefined), up(10_000, undefined)]);
    expect(second).toEqual([]);
    const [, afterUnknown] = eventsOf([up(0, null), up(10_000, 'a:1')]);
    expect(afterUnknown).toEqual([]);
  });
});
