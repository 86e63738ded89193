// The key detail rendered to HTML from a primed query cache: who is offered edits (an admin, not
// in read-only mode, not on a replica), the buttons each type offers, and the row buttons that
// address an element only when its exact bytes are known.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type FunctionComponent, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Me, Role } from '@/lib/api/roles';
import type { KeyDetail, KeyValue } from '@/lib/keys/types';
import { queryKeys } from '@/lib/queries/keys';
import { MeProvider } from '@/components/auth/me-context';
import { NewKeyButton } from './edit-new-key';
import { KeyDetailPanel } from './key-detail';

vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(), useRouter: () => ({}), usePathname: () => '/' }));

const b64 = (text: string) => Buffer.from(text).toString('base64');

function detailOf(type: string, value: KeyValue): KeyDetail {
  return {
    key: `recipe:${type}`, keyB64: b64(`recipe:${type}`), db: 0, type, ttlMs: -1, encoding: 'listpack', length: 2,
    memoryBytes: 100, notes: [], value, fetchedAt: '2026-12-03T10:00:00.000Z',
  };
}

const HASH = detailOf('hash', {
  kind: 'hash', cursor: '0', done: true, truncated: false,
  entries: [
    { field: { text: 'title', bytes: 5, b64: b64('title') }, value: { text: 'Soup', bytes: 4, b64: b64('Soup') } },
    { field: { text: 'long…', bytes: 5000, cut: true }, value: { text: 'x', bytes: 1, b64: b64('x') } },
  ],
});

/** MeProvider with children optional, so createElement can take them as its third argument. */
const AsUser = MeProvider as FunctionComponent<{ me: Me; children?: ReactNode }>;

function render(detail: KeyDetail, { role = 'admin', readOnly = false, replica = false }: { role?: Role; readOnly?: boolean; replica?: boolean } = {}) {
  const client = new QueryClient();
  client.setQueryData(queryKeys.keyDetail('main', 0, detail.keyB64, {}), { pages: [detail], pageParams: [{}] });
  const panel = createElement(KeyDetailPanel, { id: 'main', db: 0, keyB64: detail.keyB64, replica, onClose: () => undefined });
  return renderToStaticMarkup(createElement(QueryClientProvider, { client }, createElement(AsUser, { me: { username: role, role, readOnly } }, panel)));
}

describe('KeyDetailPanel edits', () => {
  it('offers an admin the type\'s edits, Rename and row buttons (New key sits in the browser\'s bar)', () => {
    const html = render(HASH);
    expect(html).toContain('data-testid="key-edit"');
    expect(html).toContain('Set a field…');
    expect(html).toContain('Rename…');
    expect(html).not.toContain('New key…');
    expect(html).toContain('aria-label="Edit field title"');
    expect(html).toContain('aria-label="Delete field title"');
  });

  it('disables the row buttons of an element cut for display (its bytes are not known)', () => {
    const html = render(HASH);
    const row = /<button[^>]*aria-label="Delete field long…"[^>]*>/.exec(html)?.[0] ?? '';
    expect(row).toContain(' disabled=""');
    const whole = /<button[^>]*aria-label="Delete field title"[^>]*>/.exec(html)?.[0] ?? '';
    expect(whole).not.toContain(' disabled=""');
  });

  it('offers nothing to change to a viewer, in read-only mode or on a replica', () => {
    for (const html of [render(HASH, { role: 'viewer' }), render(HASH, { readOnly: true }), render(HASH, { replica: true })]) {
      expect(html).not.toContain('data-testid="key-edit"');
      expect(html).not.toContain('Rename…');
      expect(html).not.toContain('Edit field title');
      expect(html).toContain('Soup'); // the value is still shown
    }
    expect(render(HASH, { replica: true })).toContain('edits are not offered here');
  });

  it('offers each type its own edits', () => {
    const cases: Array<[KeyDetail, string[]]> = [
      [detailOf('string', { kind: 'string', offset: 0, b64: b64('v'), bytes: 1, truncated: false }), ['Edit value…']],
      [detailOf('list', { kind: 'list', offset: 0, truncated: false, items: [{ index: 0, value: { text: 'a', bytes: 1, b64: b64('a') } }] }), ['Push…', 'Set by index…', 'Remove by value…', 'aria-label="Set index 0"']],
      [detailOf('set', { kind: 'set', cursor: '0', done: true, truncated: false, members: [{ text: 'm', bytes: 1, b64: b64('m') }] }), ['Add a member…', 'aria-label="Remove member m"']],
      [detailOf('zset', { kind: 'zset', by: 'rank', offset: 0, truncated: false, members: [{ rank: 0, member: { text: 'm', bytes: 1, b64: b64('m') }, score: '1' }] }), ['Add a member…', 'aria-label="Score of member m"', 'aria-label="Remove member m"']],
      [detailOf('stream', { kind: 'stream', order: 'asc', truncated: false, entries: [{ id: '1-0', fields: [] }], groups: [] }), ['Add an entry…', 'aria-label="Delete entry 1-0"']],
    ];
    for (const [detail, expected] of cases) {
      const html = render(detail);
      for (const text of expected) expect(html, `${detail.type}: ${text}`).toContain(text);
    }
  });

  it('offers no edit of a module type', () => {
    const html = render(detailOf('ReJSON-RL', { kind: 'unsupported' }));
    expect(html).not.toContain('data-testid="key-edit"');
  });
});

describe('NewKeyButton', () => {
  const renderButton = (me: Me) =>
    renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() },
      createElement(AsUser, { me }, createElement(NewKeyButton, { id: 'main', db: 0, onCreated: () => undefined }))));

  it('is offered to an admin only, never in read-only mode', () => {
    expect(renderButton({ username: 'admin', role: 'admin', readOnly: false })).toContain('New key…');
    expect(renderButton({ username: 'viewer', role: 'viewer', readOnly: false })).not.toContain('New key…');
    expect(renderButton({ username: 'admin', role: 'admin', readOnly: true })).not.toContain('New key…');
  });
});
