import { describe, expect, it } from 'vitest';
import { parseSlowlogTab } from './tabs';

describe('views', () => {
  it('opens the archive with ?view=archive and the live view otherwise', () => {
    expect(parseSlowlogTab(new URLSearchParams('view=archive'))).toBe('archive');
    expect(parseSlowlogTab(new URLSearchParams('view=nope'))).toBe('live');
    expect(parseSlowlogTab(new URLSearchParams(''))).toBe('live');
  });
});
