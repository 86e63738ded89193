// The shared query state rendered to HTML: loading, a failed first read, and the last answer kept
// under a "refresh failed" note; and the filter form's frame.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/lib/queries/fetch-json';
import { FilterForm, FilterText } from './filter-form';
import { QueryState } from './query-state';

const at = new Date(2026, 10, 26, 14, 3, 21).getTime();
const failure = new ApiRequestError(503, 'REDIS_UNAVAILABLE', 'Redis is down');

function render(query: { data: string | undefined; error: Error | null }, switching?: boolean) {
  // Called as a function: it has no hooks, and its children are a function of the answer.
  const Page = () =>
    QueryState<string>({
      query: { ...query, dataUpdatedAt: at },
      loading: 'loading…',
      failed: (error: Error) => `failed: ${error.message}`,
      refreshFailed: { title: 'Could not refresh the archive' },
      switching,
      children: (data: string) => `data: ${data}`,
    });
  return renderToStaticMarkup(createElement(Page));
}

describe('QueryState', () => {
  it('shows the loading state, then a failed first read', () => {
    expect(render({ data: undefined, error: null })).toBe('loading…');
    expect(render({ data: undefined, error: failure })).toBe('failed: Redis is down');
  });

  it('keeps the last answer under a note saying what failed and when it was read', () => {
    const html = render({ data: 'rows', error: failure });
    expect(html).toContain('Could not refresh the archive (REDIS_UNAVAILABLE): Redis is down. Showing what was loaded at 14:03:21; retrying automatically.');
    expect(html).toContain('data: rows');
    expect(render({ data: 'rows', error: null })).toBe('data: rows');
  });

  it('frames an answer that a new range replaces as busy', () => {
    expect(render({ data: 'rows', error: null }, true)).toContain('aria-busy="true"');
    expect(render({ data: 'rows', error: null }, false)).toContain('aria-busy="false"');
  });
});

describe('FilterForm', () => {
  it('is a named search landmark with apply, and clear only when a filter is set', () => {
    const field = createElement(FilterText, { id: 'f-actor', name: 'actor', label: 'Actor', value: 'admin', placeholder: 'admin', maxLength: 200 });
    const set = renderToStaticMarkup(
      createElement(() => FilterForm({ label: 'Filter the audit log', onApply: () => {}, onClear: () => {}, hint: 'Whole values.', children: field })),
    );
    expect(set).toContain('role="search"');
    expect(set).toContain('aria-label="Filter the audit log"');
    expect(set).toContain('Apply filters');
    expect(set).toContain('Clear filters');
    expect(set).toContain('maxLength="200"');
    expect(set).toMatch(/aria-describedby="([^"]+)".*id="\1"[^>]*>Whole values\./s);
    const unset = renderToStaticMarkup(createElement(() => FilterForm({ label: 'Filter the audit log', onApply: () => {}, children: field })));
    expect(unset).not.toContain('Clear filters');
    expect(unset).not.toContain('aria-describedby');
  });
});
