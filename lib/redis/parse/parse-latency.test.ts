import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LatencyParseError, parseLatencyDoctor, parseLatencyHistory, parseLatencyLatest } from './parse-latency';
import { RespParser } from './resp';

/** The first reply of a RESP capture, as it came off the wire. */
const captured = (name: string) => new RespParser().feed(readFileSync(path.join(import.meta.dirname, 'fixtures', name)))[0]!;

describe('parseLatencyLatest', () => {
  // Redis 7.0.15, latency-monitor-threshold 10, after DEBUG SLEEP 0.05, 0.03, then 0.07 a second later.
  it('reads a captured Redis 7.0 reply', () => {
    expect(parseLatencyLatest(captured('latency-latest-7.0.resp'))).toEqual([
      { event: 'command', at: 1795662476000, latestMs: 70, maxMs: 70 },
    ]);
  });

  // Written from the Redis 6.2 source (latency.c), not captured: see fixtures/commands-latency-6.2.README.md.
  it('reads the Redis 6.2 shape with several events', () => {
    expect(parseLatencyLatest(captured('latency-latest-6.2.resp'))).toEqual([
      { event: 'command', at: 1700000010000, latestMs: 250, maxMs: 1000 },
      { event: 'fast-command', at: 1700000005000, latestMs: 12, maxMs: 12 },
    ]);
  });

  it('answers no events with none', () => {
    expect(parseLatencyLatest([])).toEqual([]);
  });

  it.each([
    ['an error text', 'ERR unknown subcommand'],
    ['a row that is not an array', ['command']],
    ['a short row', [['command', 1, 2]]],
    ['a time that is not a number', [['command', 'soon', 2, 3]]],
    ['a negative latency', [['command', 1, -2, 3]]],
  ])('throws on %s', (_name, reply) => {
    expect(() => parseLatencyLatest(reply)).toThrow(LatencyParseError);
  });
});

describe('parseLatencyHistory', () => {
  it('reads a captured Redis 7.0 reply, oldest first', () => {
    expect(parseLatencyHistory(captured('latency-history-7.0.resp'))).toEqual([
      { at: 1795662474000, ms: 50 },
      { at: 1795662476000, ms: 70 },
    ]);
  });

  it.each([
    ['nil', null],
    ['a row of one field', [[1]]],
  ])('throws on %s', (_name, reply) => {
    expect(() => parseLatencyHistory(reply)).toThrow(LatencyParseError);
  });
});

describe('parseLatencyDoctor', () => {
  it('keeps the captured Redis 7.0 report as text', () => {
    const report = parseLatencyDoctor(captured('latency-doctor-7.0.resp'));
    expect(report).toMatch(/^Dave, I have observed latency spikes/);
    expect(report).toContain('1. command: 2 latency spikes (average 60ms');
  });

  it('throws on a reply that is not text', () => {
    expect(() => parseLatencyDoctor([1, 2])).toThrow(LatencyParseError);
  });
});
