import { describe, expect, it } from 'vitest';
import { findingPageOf } from './finding-pages';

describe('findingPageOf', () => {
  it('sends each finding to the page that explains it', () => {
    expect(findingPageOf('clients-high')?.path).toBe('clients');
    expect(findingPageOf('latency-high')?.path).toBe('latency');
    expect(findingPageOf('slow-commands')?.path).toBe('commands');
    expect(findingPageOf('maxmemory-unset')?.path).toBe('config');
  });

  it('has no page for a finding nothing explains further', () => {
    expect(findingPageOf('instance-down')).toBeNull();
    expect(findingPageOf('no-such-rule')).toBeNull();
  });
});
