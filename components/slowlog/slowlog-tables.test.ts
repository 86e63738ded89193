// The slow log tables rendered to HTML: arguments stay text, test ids and sort state are where the
// e2e specs and screen readers look for them, gaps sit among the entries.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ArchivedEntry, FingerprintStat } from '@/lib/slowlog/types';
import { FingerprintTable } from './fingerprint-table';
import { SlowlogSettings } from './slowlog-settings';
import { SlowlogTable } from './slowlog-table';

const MARKUP = '<img src=x onerror=alert(1)>';
const KEYS_WARNING = { pattern: 'KEYS', advice: 'KEYS walks the whole keyspace. Use SCAN.' };

function entry(over: Partial<ArchivedEntry> & { id: number }): ArchivedEntry {
  return {
    timestamp: 1_700_000_000 + over.id,
    durationMicros: 1500,
    args: ['GET', 'user:1'],
    client: '127.0.0.1:50000',
    clientName: '',
    warning: null,
    fingerprint: 'GET user:{id}',
    runId: 'a'.repeat(40),
    ...over,
  };
}

const count = (html: string, text: string) => html.split(text).length - 1;

describe('SlowlogTable', () => {
  const live = [
    entry({ id: 2, args: ['KEYS', 'e2e:slow:*'], warning: KEYS_WARNING, durationMicros: 12_345 }),
    entry({ id: 1, args: ['SET', MARKUP, 'x'.repeat(200)], clientName: MARKUP }),
  ];
  const html = renderToStaticMarkup(
    createElement(SlowlogTable, { kind: 'live', entries: live, label: 'Slow log entries in Redis', 'data-testid': 'slowlog-live-table' }),
  );

  it('renders markup in arguments and client names as text', () => {
    expect(html).not.toContain('<img');
    expect(count(html, '&lt;img src=x onerror=alert(1)&gt;')).toBe(2);
  });

  it('marks the table, each row and each warning for the e2e specs', () => {
    expect(html).toContain('data-testid="slowlog-live-table"');
    expect(count(html, 'data-testid="slowlog-row"')).toBe(2);
    expect(count(html, 'data-testid="slowlog-warning"')).toBe(1);
    expect(html).toContain('KEYS walks the whole keyspace');
  });

  it('shows durations with units, newest first, and says so', () => {
    expect(html).toContain('12.35 ms');
    expect(html).toContain('aria-sort="descending"');
    expect(html).toContain('newest first');
    expect(html.indexOf('e2e:slow:*')).toBeLessThan(html.indexOf('SET'));
  });

  it('cuts a long argument and offers the full command', () => {
    expect(html).not.toContain('x'.repeat(61));
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('Show the full command');
  });

  it('places an archive gap among the entries it separates', () => {
    const archived = [entry({ id: 9 }), entry({ id: 3 })];
    const gapHtml = renderToStaticMarkup(
      createElement(SlowlogTable, {
        kind: 'archive',
        entries: archived,
        gaps: [{ recordedAt: 1_700_000_100_000, runId: 'a'.repeat(40), afterId: 3, missed: 5 }],
        label: 'Archived entries',
        'data-testid': 'slowlog-archive-table',
      }),
    );
    const rows = gapHtml.split('<tr').slice(2).map((row) => (row.includes('slowlog-gap') ? 'gap' : 'entry'));
    expect(rows).toEqual(['entry', 'gap', 'entry']);
    expect(gapHtml).toContain('About 5 entries rotated out unseen');
    expect(gapHtml).toContain('run aaaaaaaa');
  });
});

describe('FingerprintTable', () => {
  it('shows the advice beside the warned fingerprint', () => {
    const stats: FingerprintStat[] = [
      { fingerprint: 'KEYS e2e:slow:*', count: 2, totalMicros: 3000, maxMicros: 2000, warning: KEYS_WARNING },
      { fingerprint: `GET ${MARKUP}`, count: 1, totalMicros: 10, maxMicros: 10, warning: null },
    ];
    const html = renderToStaticMarkup(createElement(FingerprintTable, { stats, label: 'Fingerprints', 'data-testid': 'slowlog-analysis-table' }));
    expect(html).toContain('data-testid="slowlog-warning"');
    expect(html).toContain('Use SCAN.');
    expect(html).toContain('3.00 ms');
    expect(html).not.toContain('<img');
  });
});

describe('SlowlogSettings', () => {
  it('puts the server warnings first and the settings with units', () => {
    const html = renderToStaticMarkup(
      createElement(SlowlogSettings, {
        config: { slowerThanMicros: -1, maxLen: 64, warnings: ['The slow log is disabled (slowlog-log-slower-than is negative).'] },
        length: 64,
        shown: 64,
      }),
    );
    expect(html).toContain('data-testid="slowlog-settings"');
    expect(html).toContain('The slow log is disabled');
    expect(html).toContain('disabled (-1)');
    expect(html).toContain('64 entries');
    expect(html).toContain('100 % of slowlog-max-len');
  });
});
