import { describe, expect, it } from 'vitest';
import { analysisPageSearch, parseAnalysisPage } from './page-url';

describe('parseAnalysisPage', () => {
  it('reads the run and the run compared with', () => {
    expect(parseAnalysisPage(new URLSearchParams('run=a1&compare=b2'))).toEqual({ run: 'a1', compare: 'b2' });
  });

  it('ignores malformed ids, a comparison without a run, and a run compared with itself', () => {
    expect(parseAnalysisPage(new URLSearchParams('run=../x&compare=b2'))).toEqual({ run: null, compare: null });
    expect(parseAnalysisPage(new URLSearchParams('compare=b2'))).toEqual({ run: null, compare: null });
    expect(parseAnalysisPage(new URLSearchParams('run=a1&compare=a1'))).toEqual({ run: 'a1', compare: null });
  });
});

describe('analysisPageSearch', () => {
  it('sets and removes parameters, keeping others', () => {
    const current = new URLSearchParams('x=1&compare=old');
    expect(analysisPageSearch(current, { run: 'r2', compare: null })).toBe('?x=1&run=r2');
    expect(analysisPageSearch(new URLSearchParams(''), { run: null, compare: null })).toBe('');
  });
});
