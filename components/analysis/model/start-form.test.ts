import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE_KEYS } from '@/lib/analysis/types';
import { sampleBounds, startRequest } from './start-form';

const fields = (patch: Partial<Parameters<typeof startRequest>[0]> = {}) => ({
  db: '0', mode: 'full', sampleKeys: String(DEFAULT_SAMPLE_KEYS), match: '', ...patch,
});

describe('startRequest', () => {
  it('sends a full run without a sample size', () => {
    expect(startRequest(fields({ db: '3' }))).toEqual({ ok: true, body: { db: 3, mode: 'full' } });
  });

  it('sends a sample with its size, as typed with separators', () => {
    expect(startRequest(fields({ mode: 'sample', sampleKeys: '250,000' }))).toEqual({ ok: true, body: { db: 0, mode: 'sample', sampleKeys: 250_000 } });
  });

  it('sends a pattern only when one is given', () => {
    expect(startRequest(fields({ match: '  user:*  ' }))).toEqual({ ok: true, body: { db: 0, mode: 'full', match: 'user:*' } });
  });

  it('refuses sample sizes outside the API’s bounds, saying them', () => {
    for (const sampleKeys of ['10', '', '1.5', 'lots', '20000000']) {
      const request = startRequest(fields({ mode: 'sample', sampleKeys }));
      expect(request.ok, sampleKeys).toBe(false);
      expect(!request.ok && request.message).toBe('The sample size is a whole number of keys from 1,000 to 10,000,000.');
    }
  });

  it('refuses a glob Redis would pay for, and a NUL', () => {
    expect(startRequest(fields({ match: '*a*a*a*a*b' }))).toMatchObject({ ok: false, message: expect.stringMatching(/at most 4 \*/) });
    expect(startRequest(fields({ match: 'a\\*\\*\\*\\*\\*' })).ok).toBe(true);
    expect(startRequest(fields({ match: 'a\0' })).ok).toBe(false);
  });

  it('refuses a db outside the API’s bounds', () => {
    expect(startRequest(fields({ db: '-1' }))).toEqual({ ok: false, message: 'Pick a database.' });
  });
});

describe('sampleBounds', () => {
  it('reads the API schema', () => {
    expect(sampleBounds()).toEqual({ minimum: 1000, maximum: 10_000_000 });
  });
});
