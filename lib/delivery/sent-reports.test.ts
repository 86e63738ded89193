import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoWeekOf, nextWeek } from '@/lib/report/week';
import { openStore } from '@/lib/store/sqlite';
import { SentReports } from './sent-reports';
import { SENT_REPORTS_MAX } from './types';

const fresh = () => new SentReports(openStore(mkdtempSync(path.join(tmpdir(), 'redlens-sent-'))));

describe('SentReports', () => {
  it('claims a week once, and records how its delivery ended', () => {
    const sent = fresh();
    const id = sent.claim('2026-W48', 1000, '# one');
    expect(id).not.toBeNull();
    expect(sent.has('2026-W48')).toBe(true);
    expect(sent.claim('2026-W48', 2000, '# again')).toBeNull();
    expect(sent.get(id!)).toEqual({ id, week: '2026-W48', generatedAt: 1000, status: 'sending', attempts: 0, sentAt: null, error: null, markdown: '# one' });
    sent.finish(id!, { sentAt: 3000, attempts: 2 });
    expect(sent.get(id!)).toMatchObject({ status: 'sent', attempts: 2, sentAt: 3000, error: null });
    const other = sent.claim('2026-W49', 4000, '# two')!;
    sent.finish(other, { error: 'the receiver answered 500', attempts: 5 });
    expect(sent.list().map((r) => [r.week, r.status, r.error])).toEqual([['2026-W49', 'failed', 'the receiver answered 500'], ['2026-W48', 'sent', null]]);
    expect(sent.get(9999)).toBeNull();
  });

  it('marks a delivery a stopped Redlens left under way as failed, the week still claimed', () => {
    const sent = fresh();
    const id = sent.claim('2026-W48', 1000, '# one')!;
    expect(sent.markInterrupted()).toBe(1);
    expect(sent.get(id)).toMatchObject({ status: 'failed', error: 'Redlens stopped before the webhook answered' });
    expect(sent.claim('2026-W48', 2000, '# again')).toBeNull();
    expect(sent.markInterrupted()).toBe(0);
  });

  it(`keeps the newest ${SENT_REPORTS_MAX} weeks`, () => {
    const sent = fresh();
    let week = isoWeekOf(Date.UTC(2010, 0, 10));
    const weeks: string[] = [];
    for (let i = 0; i < SENT_REPORTS_MAX + 3; i++, week = nextWeek(week)) {
      weeks.push(week.id);
      sent.claim(week.id, week.from, `# ${week.id}`);
    }
    const listed = sent.list();
    expect(listed).toHaveLength(SENT_REPORTS_MAX);
    expect(listed[0]!.week).toBe(weeks[weeks.length - 1]);
    expect(listed[listed.length - 1]!.week).toBe(weeks[3]);
    for (const gone of weeks.slice(0, 3)) expect(sent.has(gone)).toBe(false);
  });
});
