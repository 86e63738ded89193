import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInfo } from '@/lib/redis/parse/parse-info';
import { commandRates, NO_WINDOW } from './rates';
import { commandsSnapshotOf } from './snapshot';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '..', 'redis', 'parse', 'fixtures', name), 'utf8');
const snapshot = (info: string, own: Record<string, number>, serverTimeMs: number, runId = 'r1') =>
  commandsSnapshotOf(parseInfo(info), new Map(Object.entries(own)), { runId, serverTimeMs });

const EMPTY_7 = '# Commandstats\n# Errorstats\n# Latencystats\n';

describe('commandRates on a captured Redis 7.0 reply', () => {
  // From nothing to the capture in 10 s; Redlens sent the three LATENCY calls and the CONFIG GET.
  const first = snapshot(EMPTY_7, { 'client|setname': 1 }, 0);
  const last = snapshot(fixture('info-commands-7.0.txt'), { 'client|setname': 1, 'latency|doctor': 1, 'latency|history': 1, 'latency|latest': 1, 'config|get': 1 }, 10_000);
  const rates = commandRates(first, last);

  it('leaves Redlens own calls out', () => {
    expect(rates.commands.map((row) => row.command)).not.toContain('latency|doctor');
    expect(rates.commands.map((row) => row.command)).not.toContain('config|get');
    expect(rates.ownCalls).toBe(4);
  });

  it('ranks by time: DEBUG SLEEP first, with its share, rate, µs per call and percentiles', () => {
    const [top] = rates.commands;
    expect(top).toMatchObject({ command: 'debug', callsPerSec: 0.3, usecPerSec: 15031.4, percentiles: { p50: 50331.647, p99: 70254.591, 'p99.9': 70254.591 } });
    expect(top!.usecPerCall).toBeCloseTo(50104.67, 2);
    // 150314 of the 150353 µs the application's commands took (LPUSH 8, HGETALL 5, SET 8, HSET 7, GET 11).
    expect(top!.timeShare).toBeCloseTo(150314 / 150353, 6);
    expect(rates.commands.reduce((sum, row) => sum + row.timeShare, 0)).toBeCloseTo(1, 9);
  });

  it('counts failures and errors per second, and warns beside HGETALL only', () => {
    expect(rates.commands.find((row) => row.command === 'get')).toMatchObject({ callsPerSec: 0.3, failedPerSec: 0.1 });
    expect(rates.errors).toEqual([{ type: 'ERR', count: 1, perSec: 0.1 }, { type: 'WRONGTYPE', count: 1, perSec: 0.1 }]);
    expect(rates.commands.filter((row) => row.warning).map((row) => [row.command, row.warning?.pattern])).toEqual([['hgetall', 'HGETALL']]);
    expect(rates).toMatchObject({ windowSeconds: 10, percentilesAvailable: true });
  });
});

describe('commandRates on the Redis 6.2 shape', () => {
  // Written from the Redis 6.2 source, not captured: see fixtures/commands-latency-6.2.README.md.
  const info6 = fixture('info-commands-6.2.txt');
  const first = snapshot(info6.replace('cmdstat_config:calls=7,usec=210', 'cmdstat_config:calls=2,usec=60').replace('cmdstat_keys:calls=2,usec=5000', 'cmdstat_keys:calls=0,usec=0'), { 'config|get': 1, info: 0 }, 0);
  const last = snapshot(info6, { 'config|get': 3, 'config|set': 1, info: 0 }, 5_000);
  const rates = commandRates(first, last);

  it('sums Redlens own config|get and config|set under config, which Redis 6 reports', () => {
    // 5 CONFIG calls in the window, 3 of them Redlens's: 2 left, at their share of the 150 µs.
    expect(rates.commands.find((row) => row.command === 'config')).toMatchObject({ callsPerSec: 0.4, usecPerSec: 12, usecPerCall: 30 });
    expect(rates.ownCalls).toBe(3);
  });

  it('has no percentiles and warns beside KEYS', () => {
    expect(rates.percentilesAvailable).toBe(false);
    expect(rates.commands[0]).toMatchObject({ command: 'keys', percentiles: null, warning: { pattern: 'KEYS' } });
  });
});

describe('commandRates without a window', () => {
  const a = snapshot('# Commandstats\ncmdstat_get:calls=10,usec=20\n', {}, 0);
  it.each([
    ['across a restart', snapshot('# Commandstats\ncmdstat_get:calls=12,usec=20\n', {}, 1000, 'r2')],
    ['after CONFIG RESETSTAT', snapshot('# Commandstats\ncmdstat_get:calls=1,usec=2\n', {}, 1000)],
    ['without time between them', snapshot('# Commandstats\ncmdstat_get:calls=12,usec=20\n', {}, 0)],
  ])('answers no rates %s', (_name, b) => {
    expect(commandRates(a, b)).toEqual(NO_WINDOW);
  });
});
