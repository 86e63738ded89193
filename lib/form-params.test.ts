import { describe, expect, it } from 'vitest';
import { withParams } from './form-params';

describe('withParams', () => {
  it('updates the query string and keeps the other parameters', () => {
    const current = new URLSearchParams('range=7d&text=old');
    expect(withParams(current, { text: 'new', client: undefined })).toBe('?range=7d&text=new');
    expect(withParams(current, { text: '  ', range: undefined })).toBe('');
  });
});
