import { describe, expect, it } from 'vitest';
import { auditSearchParams, hasAuditFilters, parseAuditFilters } from './audit';

describe('audit filters in the URL', () => {
  it('reads set filters and trims them', () => {
    const params = new URLSearchParams('actor=%20admin%20&action=auth.login&instance=cache&outcome=denied');
    expect(parseAuditFilters(params)).toEqual({ actor: 'admin', action: 'auth.login', instance: 'cache', outcome: 'denied' });
  });

  it('treats blank text, "any" and an unknown outcome as no filter', () => {
    expect(parseAuditFilters(new URLSearchParams('actor=&action=%20%20&outcome='))).toEqual({});
    expect(parseAuditFilters(new URLSearchParams('outcome=maybe'))).toEqual({});
  });

  it('ignores parameters that are not filters, so the API never sees them', () => {
    expect(parseAuditFilters(new URLSearchParams('before=12&limit=5&utm=x'))).toEqual({});
  });

  it('writes only the set filters, in a stable order', () => {
    expect(auditSearchParams({ outcome: 'ok', actor: 'a b' }).toString()).toBe('actor=a+b&outcome=ok');
    expect(auditSearchParams({}).toString()).toBe('');
  });

  it('round-trips', () => {
    const filters = { actor: 'viewer', action: 'key.delete', instance: 'x&y=z', outcome: 'failed' } as const;
    expect(parseAuditFilters(auditSearchParams(filters))).toEqual(filters);
    expect(hasAuditFilters(filters)).toBe(true);
    expect(hasAuditFilters({})).toBe(false);
  });
});
