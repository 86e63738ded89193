// The findings list under the charts: the newest few at first, every one of the range reachable.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FINDING_EVENTS_MAX } from '@/lib/health/types';
import { FindingsInRange } from './findings-in-range';
import { findingBands, type FindingBand } from './model/finding-bands';
import { FINDINGS_SHOWN_COLLAPSED, findingsListView } from './model/findings-list';

const T0 = Date.UTC(2026, 10, 1, 12, 0, 0);

/** `count` ended findings a minute apart, oldest first, titled by their number. */
function bands(count: number): FindingBand[] {
  const events = Array.from({ length: count }, (_, i) => ({
    id: 'hit-ratio-low', severity: 'warning' as const, title: `Finding ${i + 1}`, startedAt: T0 + i * 60_000, endedAt: T0 + i * 60_000 + 30_000,
  }));
  return findingBands(events, T0, T0 + count * 60_000);
}

describe('findingsListView', () => {
  it('lists the newest few collapsed and every one expanded, newest first', () => {
    const all = bands(18);
    const collapsed = findingsListView(all, false);
    expect(collapsed.listed.map((band) => band.title)).toEqual(Array.from({ length: FINDINGS_SHOWN_COLLAPSED }, (_, i) => `Finding ${18 - i}`));
    expect(collapsed).toMatchObject({ hidden: 18 - FINDINGS_SHOWN_COLLAPSED, expandable: true, capped: false });
    const expanded = findingsListView(all, true);
    expect(expanded.listed.map((band) => band.title)).toEqual(Array.from({ length: 18 }, (_, i) => `Finding ${18 - i}`));
    expect(expanded.hidden).toBe(0);
  });

  it('offers nothing to expand when all fit, and says when the answer hit its cap', () => {
    expect(findingsListView(bands(3), false)).toMatchObject({ hidden: 0, expandable: false, capped: false });
    expect(findingsListView(bands(FINDING_EVENTS_MAX), false).capped).toBe(true);
  });
});

describe('FindingsInRange', () => {
  it('renders a keyboard-reachable toggle for the earlier findings', () => {
    // React separates adjacent text with empty comments in static markup.
    const html = renderToStaticMarkup(createElement(FindingsInRange, { bands: bands(18), range: '1h' })).replaceAll('<!-- -->', '');
    expect(html).toContain('18 findings in the last 1 hour');
    expect(html).toContain('and 10 earlier.');
    expect(html).toMatch(/<button[^>]*type="button"[^>]*aria-expanded="false"[^>]*aria-controls="[^"]+"/);
    expect(html).toContain('Show all 18 findings');
    expect(html.split('<li').length - 1).toBe(FINDINGS_SHOWN_COLLAPSED);
  });

  it('has no toggle when every finding is listed', () => {
    const html = renderToStaticMarkup(createElement(FindingsInRange, { bands: bands(2), range: '1h' })).replaceAll('<!-- -->', '');
    expect(html).not.toContain('<button');
    expect(html.split('<li').length - 1).toBe(2);
  });
});
