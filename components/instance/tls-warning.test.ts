// The instance header warns when the instance's TLS certificate is not verified
// (rejectUnauthorized: false), and only then. Rendered to HTML as the server renders it.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { InstanceSummary } from '@/lib/api/types';
import { InstanceHeader } from './instance-header';

const summary: InstanceSummary = { id: 'secure', name: 'Secure', address: 'redis.internal:6380', tls: true, status: 'up' };
const render = (instance: InstanceSummary) => renderToStaticMarkup(createElement(InstanceHeader, { id: instance.id, summary: instance }));

describe('InstanceHeader: TLS', () => {
  it('warns that the certificate is not verified, and why it matters', () => {
    const html = render({ ...summary, tlsInsecure: true });
    expect(html).toContain('data-testid="tls-not-verified"');
    expect(html).toContain('TLS certificate not verified.');
    expect(html).toContain('could pose as this Redis and read the password and data');
    expect(html).toContain('redis.internal:6380 · TLS');
  });

  it('says nothing of the kind for a verified TLS instance or a plain one', () => {
    expect(render(summary)).not.toContain('tls-not-verified');
    expect(render(summary)).toContain(' · TLS');
    expect(render({ ...summary, tls: false })).not.toContain('TLS');
  });
});
