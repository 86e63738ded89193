import { describe, expect, it } from 'vitest';
import type { InstanceEvent } from '@/lib/events/types';
import { eventMarks } from './event-marks';

const event = (kind: InstanceEvent['kind'], at: number, title: string = kind): InstanceEvent => ({ kind, at, title, detail: '' });

describe('eventMarks', () => {
  it('keeps the events of the range, oldest first, with a label saying kind and title', () => {
    const marks = eventMarks([event('up', 3_000), event('data-loss', 2_000, 'Keys dropped 99 %'), event('down', 500), event('restart', 9_000)], 1_000, 5_000);
    expect(marks.map((mark) => mark.kind)).toEqual(['data-loss', 'up']);
    expect(marks[0]).toMatchObject({ at: 2_000, severity: 'critical' });
    expect(marks[0]!.label).toMatch(/^Data loss at \d\d:\d\d:\d\d: Keys dropped 99 %$/);
  });

  it('keeps the edges of the range and gives events at the same moment their own key', () => {
    const marks = eventMarks([event('config-change', 1_000), event('config-change', 1_000), event('up', 5_000)], 1_000, 5_000);
    expect(marks).toHaveLength(3);
    expect(new Set(marks.map((mark) => mark.key)).size).toBe(3);
  });
});
