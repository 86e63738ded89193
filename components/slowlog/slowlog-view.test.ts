// The slow log page rendered to HTML from a primed query cache: who sees the reset, which tab the
// URL opens, the live filters from the URL, the archive with its gap, exports and "newest N".
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type FunctionComponent, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me, Role } from '@/lib/api/roles';
import type { ArchivedEntry, OwnEntriesNote, SlowlogLiveResponse } from '@/lib/slowlog/types';
import { queryKeys } from '@/lib/queries/keys';
import { slowlogLiveKey, type ArchiveResult } from '@/lib/queries/slowlog';
import { MeProvider } from '@/components/auth/me-context';
import { parseArchiveView } from './model/archive-url';
import { parseShowOwn } from './model/own-entries';
import { SlowlogView } from './slowlog-view';

const url = vi.hoisted(() => ({ search: '' }));
vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(url.search), useParams: () => ({}) }));

const NOW = 1_764_000_200_000;
const RUN = 'f'.repeat(40);
const KEYS_WARNING = { pattern: 'KEYS', advice: 'KEYS walks the whole keyspace. Use SCAN.' };

function entry(id: number, args: string[], warning: ArchivedEntry['warning'] = null): ArchivedEntry {
  return {
    id,
    timestamp: NOW / 1000 - 300 + id * 30,
    durationMicros: id * 900,
    args,
    client: '10.0.0.1:50000',
    clientName: 'worker',
    warning,
    fingerprint: args[0]!,
    runId: RUN,
  };
}

const ENTRIES = [entry(3, ['KEYS', 'e2e:slow:*'], KEYS_WARNING), entry(2, ['GET', 'a']), entry(1, ['SET', 'b', 'c'])];

function render({ role, readOnly = false, live, own = { shown: false, hidden: 0 } }: { role: Role; readOnly?: boolean; live?: Partial<SlowlogLiveResponse>; own?: OwnEntriesNote }) {
  const client = new QueryClient();
  client.setQueryData<SlowlogLiveResponse>(slowlogLiveKey('cache', parseShowOwn(new URLSearchParams(url.search))), {
    entries: ENTRIES,
    length: 3,
    config: { slowerThanMicros: 10_000, maxLen: 128, warnings: [] },
    analysis: [{ fingerprint: 'KEYS', count: 1, totalMicros: 2700, maxMicros: 2700, warning: KEYS_WARNING }],
    own,
    ...live,
  });
  client.setQueryData(queryKeys.instances(), { instances: [{ id: 'cache', name: 'Meal cache', status: 'up' }] });
  // The page opens a URL without a range on the one that holds the newest live entry: the same view here.
  const liveState = client.getQueryState(slowlogLiveKey('cache', parseShowOwn(new URLSearchParams(url.search))));
  const liveEntries = client.getQueryData<SlowlogLiveResponse>(slowlogLiveKey('cache', parseShowOwn(new URLSearchParams(url.search))))!.entries;
  const newestAt = liveEntries.length > 0 ? Math.max(...liveEntries.map((e) => e.timestamp)) * 1000 : null;
  const view = parseArchiveView(new URLSearchParams(url.search), { newestAt, now: liveState!.dataUpdatedAt });
  client.setQueryData<ArchiveResult>(queryKeys.slowlogArchive('cache', view), {
    view,
    span: { from: NOW - 86_400_000, to: NOW },
    response: {
      entries: ENTRIES,
      truncated: true,
      nextCursor: `${NOW / 1000 - 300}:1:${RUN}`,
      total: 3,
      search: null,
      gaps: [{ recordedAt: NOW - 1000, runId: RUN, afterId: 1, missed: 4 }],
      own,
      analysis: {
        basis: 'range',
        fingerprints: [{ fingerprint: 'KEYS', count: 1, totalMicros: 2700, maxMicros: 2700, warning: KEYS_WARNING }],
        perMinute: [[NOW - 60_000, 3]],
        timeByFingerprint: { stepSeconds: 60, fingerprints: ['KEYS'], points: [{ ts: NOW - 60_000, micros: { KEYS: 2700 } }] },
      },
    },
  });
  const me = { username: role, role, readOnly };
  return renderToStaticMarkup(
    createElement(QueryClientProvider, { client }, createElement(AsUser, { me }, createElement(SlowlogView, { id: 'cache' }))),
  );
}

// createElement passes children as an argument, which MeProvider's required `children` prop cannot see.
const AsUser = MeProvider as FunctionComponent<{ me: Me; children?: ReactNode }>;

const count = (html: string, text: string) => html.split(text).length - 1;

describe('SlowlogView', () => {
  beforeEach(() => {
    url.search = '';
  });

  it('offers an admin the reset, with a labelled dialog that counts the entries', () => {
    const html = render({ role: 'admin' });
    expect(html).toContain('data-testid="slowlog-reset-button"');
    expect(html).toContain('data-testid="slowlog-reset-confirm"');
    expect(html).toMatch(/<dialog[^>]*aria-labelledby=/);
    expect(html).toContain('3 entries will be archived, then the slow log on <strong');
  });

  it('shows a viewer, or an admin of a read-only Redlens, no reset at all', () => {
    for (const html of [render({ role: 'viewer' }), render({ role: 'admin', readOnly: true })]) {
      expect(html).not.toContain('slowlog-reset-button');
      expect(html).not.toContain('<dialog');
    }
  });

  it('opens on the live view: settings, entries, fingerprints', () => {
    const html = render({ role: 'viewer' });
    expect(html).toContain('>Slow log</h1>');
    expect(html).toContain('data-testid="slowlog-settings"');
    expect(count(html, 'data-testid="slowlog-row"')).toBe(3);
    expect(html).toContain('data-testid="slowlog-analysis"');
    expect(html).not.toContain('slowlog-archive-table');
    expect(html).toMatch(/role="tab"[^>]*aria-selected="true"[^>]*>Live</);
  });

  it('applies the filters in the URL', () => {
    url.search = 'command=get';
    const html = render({ role: 'viewer' });
    expect(count(html, 'data-testid="slowlog-row"')).toBe(1);
    expect(html).toContain('1 entry matches the filters, of 3 entries.');
  });

  it('says what an empty slow log means', () => {
    const html = render({ role: 'viewer', live: { entries: [], length: 0, analysis: [] } });
    expect(html).toContain('The slow log is empty: no command took longer than 10,000 µs.');
    expect(html).not.toContain('slowlog-live-table');
  });

  it('opens the archive with ?view=archive: gap, exports from the filters, newest N', () => {
    url.search = 'view=archive&range=24h&q=e2e';
    const html = render({ role: 'viewer' });
    expect(html).toContain('>Archive</h2>');
    expect(count(html, 'data-testid="slowlog-row"')).toBe(3);
    expect(count(html, 'data-testid="slowlog-gap"')).toBe(1);
    expect(html).toContain('About 4 entries rotated out unseen</span> before');
    expect(html).toContain('Showing the newest 3');
    expect(html).toContain(`/api/instances/cache/slowlog/archive?from=${NOW - 86_400_000}&amp;to=${NOW}&amp;q=e2e&amp;limit=5000&amp;format=csv`);
    expect(html).toMatch(/href="[^"]*format=json"[^>]*download="slowlog-cache-24h.json"/);
  });

  it("says how many of Redlens's own entries it hid, with the toggle off", () => {
    const html = render({ role: 'viewer', own: { shown: false, hidden: 12 } });
    expect(html).toMatch(/<input type="checkbox"[^>]*\/>Show Redlens’s own entries/);
    expect(html).not.toMatch(/<input type="checkbox"[^>]*checked/);
    expect(html).toContain('12 entries sent by Redlens itself are hidden.');
    expect(html).not.toContain('slowlog-own-badge');
  });

  it("does not call a slow log of only Redlens's own (hidden) entries empty", () => {
    const html = render({ role: 'viewer', own: { shown: false, hidden: 3 }, live: { entries: [], length: 3, analysis: [] } });
    expect(html).toContain('Only Redlens’s own entries are in the slow log');
    expect(html).not.toContain('The slow log is empty');
  });

  it("marks Redlens's own entries and fingerprints when ?own=show shows them, in both tabs", () => {
    const own = { ...entry(4, ['SCAN', '0', 'COUNT', '1000']), clientName: 'redlens-keys' };
    const analysis = [{ fingerprint: 'redlens: SCAN', count: 1, totalMicros: 3600, maxMicros: 3600, warning: null }];
    url.search = 'own=show';
    const live = render({ role: 'viewer', own: { shown: true, hidden: 0 }, live: { entries: [own, ...ENTRIES], analysis } });
    expect(live).toMatch(/<input type="checkbox"[^>]*checked/);
    expect(count(live, 'data-testid="slowlog-row"')).toBe(4);
    // One badge on the row, one on its fingerprint (shown without the mark).
    expect(count(live, 'data-testid="slowlog-own-badge"')).toBe(2);
    expect(live).not.toContain('redlens: SCAN');
    url.search = 'view=archive&own=show';
    const archive = render({ role: 'viewer', own: { shown: true, hidden: 0 } });
    expect(archive).toContain('Entries sent by Redlens itself are shown');
    expect(archive).toContain('format=csv&amp;own=show');
  });
});
