import { describe, expect, it } from 'vitest';
import type { InstanceEvent } from '@/lib/events/types';
import { beforeAfterText, bySeverityThenNewest, eventLabel, eventSeverity, eventValueText } from './event-view';

const event = (kind: InstanceEvent['kind'], at: number, extra: Partial<InstanceEvent> = {}): InstanceEvent => ({
  kind, at, title: `${kind} at ${at}`, detail: '', ...extra,
});

describe('bySeverityThenNewest', () => {
  it('puts a data loss above newer but lesser events, then newest first', () => {
    const sorted = bySeverityThenNewest([
      event('config-change', 5),
      event('restart', 3),
      event('data-loss', 1),
      event('finding-opened', 4),
      event('oom-errors', 2),
    ]);
    expect(sorted.map((e) => e.kind)).toEqual(['oom-errors', 'data-loss', 'restart', 'config-change', 'finding-opened']);
  });

  it('leaves its input alone', () => {
    const input = [event('up', 1), event('down', 2)];
    bySeverityThenNewest(input);
    expect(input.map((e) => e.kind)).toEqual(['up', 'down']);
  });
});

describe('event text', () => {
  it('reads object values as name and figure', () => {
    expect(eventValueText({ runId: 'abc', keys: 56_012 })).toBe('runId abc, keys 56,012');
    expect(eventValueText({ maxmemory: '0' })).toBe('maxmemory 0');
    expect(eventValueText(null)).toBe('none');
    expect(eventValueText(undefined)).toBeNull();
  });

  it('says before -> after only when there is one', () => {
    expect(beforeAfterText(event('data-loss', 1, { before: { keys: 56_012 }, after: { keys: 19 } }))).toBe('keys 56,012 → keys 19');
    expect(beforeAfterText(event('down', 1))).toBeNull();
    expect(beforeAfterText(event('role-change', 1, { after: { role: 'master' } }))).toBe('? → role master');
  });

  it('reads an unknown kind from a newer server as information', () => {
    expect(eventSeverity('something-new')).toBe('info');
    expect(eventLabel('something-new')).toBe('something-new');
    expect(eventSeverity('data-loss')).toBe('critical');
  });
});
